import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { CandorError } from '../errors.ts';
import { transaction } from '../db/transaction.ts';
import { inferKind } from '../model/infer-kind.ts';
import { MessageRole, ThreadKind, ThreadStatus } from '../../shared/model/thread.ts';
import { appendAudit } from './audit.ts';
import { replyTimes, resolveThreadRowid } from './threads.ts';

// Curators' corrections of what an import decided: a thread's kind and status, a message's author role. Each is one
// short transaction and one audit entry; the corrected value is marked (migration 0070) so that a later re-import
// keeps it. A role correction moves the thread's reply times (and so the response-time statistics) and, when the
// kind was inferred, the kind.

export const ThreadCorrection = z.object({
  kind: ThreadKind.optional(),
  status: ThreadStatus.optional(),
}).refine((c) => c.kind !== undefined || c.status !== undefined, 'give a kind, a status, or both');
export type ThreadCorrection = z.input<typeof ThreadCorrection>;

export const MessageCorrection = z.object({ role: MessageRole });
export type MessageCorrection = z.input<typeof MessageCorrection>;

export type CorrectionContext = { actor: string; now?: string };

export type ThreadCorrectionResult = { thread: string; changed: boolean; kind: string; status: string; resolvedAt: string | null };
export type MessageCorrectionResult = { message: string; thread: string; changed: boolean; role: string; threadKind: string };

type ThreadRow = { rowid: number; id: string; kind: string; status: string; resolved_at: string | null; last_activity_at: string; kind_inferred: number; kind_corrected: number; rating: number | null; satisfaction: string | null; subject: string | null };

function threadRow(db: DatabaseSync, rowid: number): ThreadRow {
  return db.prepare('SELECT rowid, id, kind, status, resolved_at, last_activity_at, kind_inferred, kind_corrected, rating, satisfaction, subject FROM threads WHERE rowid = ?').get(rowid) as ThreadRow;
}

/** Sets a thread's kind and/or status. Resolving sets resolved_at (the last activity) when it had none. */
export function correctThread(db: DatabaseSync, ref: string, raw: ThreadCorrection, ctx: CorrectionContext): ThreadCorrectionResult {
  const parsed = ThreadCorrection.safeParse(raw);
  if (!parsed.success) throw new CandorError('USAGE', parsed.error.issues.map((i) => i.message).join('; '));
  const c = parsed.data;
  return transaction(db, () => {
    const rowid = resolveThreadRowid(db, ref);
    if (rowid === null) throw new CandorError('NOT_FOUND', `No thread "${ref}" in this workspace.`, undefined, 'use the id shown by candor threads');
    const t = threadRow(db, rowid);
    const kind = c.kind ?? t.kind;
    const status = c.status ?? t.status;
    const resolvedAt = status === 'resolved' ? (t.resolved_at ?? t.last_activity_at) : t.status === 'resolved' && status !== 'resolved' ? null : t.resolved_at;
    const changed = kind !== t.kind || status !== t.status;
    if (changed || (c.kind !== undefined && t.kind_inferred === 1)) {
      const now = ctx.now ?? new Date().toISOString();
      db.prepare(`UPDATE threads SET kind = ?, kind_inferred = CASE WHEN ? THEN 0 ELSE kind_inferred END, kind_corrected = CASE WHEN ? THEN 1 ELSE kind_corrected END,
        status = ?, status_corrected = CASE WHEN ? THEN 1 ELSE status_corrected END, resolved_at = ? WHERE rowid = ?`)
        .run(kind, c.kind !== undefined ? 1 : 0, c.kind !== undefined ? 1 : 0, status, c.status !== undefined ? 1 : 0, resolvedAt, rowid);
      appendAudit(db, { actor: ctx.actor, action: 'thread.correct', entityType: 'thread', entityId: t.id, at: now,
        before: { kind: t.kind, status: t.status, resolvedAt: t.resolved_at }, after: { kind, status, resolvedAt } });
    }
    return { thread: t.id, changed, kind, status, resolvedAt };
  });
}

/** A message by its id (m_…, as `candor thread show` prints it) or as <thread-id>#<n>, n counting from 1. */
export function resolveMessageRowid(db: DatabaseSync, ref: string): number | null {
  const direct = db.prepare('SELECT rowid FROM messages WHERE id = ?').get(ref) as { rowid: number } | undefined;
  if (direct) return direct.rowid;
  const m = /^(.+)#(\d+)$/.exec(ref);
  if (!m) return null;
  const thread = resolveThreadRowid(db, m[1]!);
  if (thread === null) return null;
  const row = db.prepare('SELECT rowid FROM messages WHERE thread_rowid = ? ORDER BY position LIMIT 1 OFFSET ?').get(thread, Number(m[2]) - 1) as { rowid: number } | undefined;
  return row?.rowid ?? null;
}

/** Sets who wrote a message. The thread's reply times follow; an inferred kind is inferred again. */
export function correctMessageRole(db: DatabaseSync, ref: string, raw: MessageCorrection, ctx: CorrectionContext): MessageCorrectionResult {
  const parsed = MessageCorrection.safeParse(raw);
  if (!parsed.success) throw new CandorError('USAGE', parsed.error.issues.map((i) => i.message).join('; '));
  const role = parsed.data.role;
  return transaction(db, () => {
    const rowid = resolveMessageRowid(db, ref);
    if (rowid === null) throw new CandorError('NOT_FOUND', `No message "${ref}" in this workspace.`, undefined, 'use a message id from candor thread show, or <thread-id>#<n>');
    const m = db.prepare('SELECT id, thread_rowid, role FROM messages WHERE rowid = ?').get(rowid) as { id: string; thread_rowid: number; role: string };
    const t = threadRow(db, m.thread_rowid);
    if (m.role === role) {
      db.prepare('UPDATE messages SET role_corrected = 1 WHERE rowid = ?').run(rowid);
      return { message: m.id, thread: t.id, changed: false, role, threadKind: t.kind };
    }
    const now = ctx.now ?? new Date().toISOString();
    db.prepare('UPDATE messages SET role = ?, role_corrected = 1 WHERE rowid = ?').run(role, rowid);
    const all = db.prepare('SELECT role, visibility, sent_at AS sentAt, body FROM messages WHERE thread_rowid = ?').all(m.thread_rowid) as { role: string; visibility: string; sentAt: string; body: string }[];
    const times = replyTimes(all);
    let kind = t.kind;
    if (t.kind_inferred === 1 && t.kind_corrected === 0) {
      const customerText = all.filter((x) => x.role === 'customer' && x.visibility === 'public').map((x) => x.body).join('\n');
      kind = inferKind({ rating: t.rating, satisfaction: t.satisfaction, subject: t.subject, customerText });
    }
    // updated_at moves: the thread's content (who said what) changed, so curation looks at it again.
    db.prepare('UPDATE threads SET first_customer_at = ?, first_reply_at = ?, kind = ?, updated_at = ? WHERE rowid = ?').run(times.firstCustomerAt, times.firstReplyAt, kind, now, m.thread_rowid);
    appendAudit(db, { actor: ctx.actor, action: 'message.correct', entityType: 'message', entityId: m.id, at: now,
      before: { thread: t.id, role: m.role, threadKind: t.kind }, after: { thread: t.id, role, threadKind: kind } });
    return { message: m.id, thread: t.id, changed: true, role, threadKind: kind };
  });
}
