import { z } from 'zod';

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFilter = z.object({
  actor: z.string().optional(),
  action: z.string().optional(),
  entityType: z.string().optional(),
  entityId: z.string().optional(),
  /** YYYY-MM-DD, inclusive, UTC like the stored times. */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditRow = AuditEntry.extend({ actionName: z.string(), summary: z.string(), subject: z.string().nullable() });
export type AuditRow = z.infer<typeof AuditRow>;
