import { z } from 'zod';
import { AuditEntry } from '../model/audit.ts';
import { channels } from './base.ts';

export const WorkspaceInfo = z.object({
  dir: z.string(),
  name: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  recoveredFromCrash: z.boolean(),
  threads: z.number().int(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const workspaceChannels = channels({
  'workspace.init': { req: z.object({ dir: z.string().min(1), name: z.string().trim().min(1) }), res: WorkspaceInfo },
  'workspace.open': { req: z.object({ dir: z.string().min(1) }), res: WorkspaceInfo },
  'workspace.current': { req: z.object({}), res: WorkspaceInfo.nullable() },
  'workspace.close': { req: z.object({}), res: z.object({ closed: z.boolean() }) },
  'audit.list': {
    req: z.object({ entityType: z.string().optional(), entityId: z.string().optional(), limit: z.number().int().min(1).max(100_000).optional(), afterSeq: z.number().int().optional(), beforeSeq: z.number().int().optional(), newest: z.boolean().optional() }),
    res: z.object({ entries: z.array(AuditEntry) }),
  },
});
