import { z } from 'zod';
import { Decision, MessageFormat, MessageRole, ThreadKind, ThreadStatus, Visibility } from './thread.ts';

// What the store hands out about threads. Pure zod (no Node imports): shared by the core, the contract and the renderer.

export const ThreadSummary = z.object({
  id: z.string(),
  source: z.string(),
  externalId: z.string(),
  kind: ThreadKind,
  kindInferred: z.boolean(),
  subject: z.string().nullable(),
  rating: z.number().int().nullable(),
  satisfaction: z.string().nullable(),
  status: ThreadStatus,
  channel: z.string().nullable(),
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
  lastActivityAt: z.string(),
  decision: Decision,
  decisionReason: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  tags: z.array(z.string()),
  messageCount: z.number().int(),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;

export const StoredMessage = z.object({
  id: z.string(),
  externalId: z.string(),
  position: z.number().int(),
  role: MessageRole,
  authorName: z.string().nullable(),
  sentAt: z.string(),
  body: z.string(),
  format: MessageFormat,
  visibility: Visibility,
  attachments: z.array(z.object({ name: z.string(), size: z.number().optional(), contentType: z.string().optional(), url: z.string().optional() })),
});
export type StoredMessage = z.infer<typeof StoredMessage>;

export const ThreadDetail = ThreadSummary.extend({
  messages: z.array(StoredMessage),
  privateData: z.record(z.string(), z.string()),
});
export type ThreadDetail = z.infer<typeof ThreadDetail>;

export const ThreadQuery = z.object({
  query: z.string().optional(),
  kind: ThreadKind.optional(),
  status: ThreadStatus.optional(),
  decision: Decision.optional(),
  source: z.string().optional(),
  tag: z.string().optional(),
  rating: z.number().int().min(1).max(5).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  sort: z.enum(['date', 'rating', 'activity']).default('date'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(100_000).default(50),
  offset: z.number().int().min(0).default(0),
});
export type ThreadQuery = z.input<typeof ThreadQuery>;

export const ThreadPage = z.object({ total: z.number().int(), threads: z.array(ThreadSummary) });
export type ThreadPage = z.infer<typeof ThreadPage>;

