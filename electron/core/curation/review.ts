import type { DatabaseSync } from 'node:sqlite';
import { transaction } from '../db/transaction.ts';
import { appendAudit } from '../store/audit.ts';
import type { Workspace } from '../workspace.ts';
import { findingViews } from './finding-views.ts';
import type { ReviewStatus } from '../../shared/curation/model.ts';
import { recount, refreshScans } from './scan.ts';
import { targetRowids, threadIds } from './target.ts';
import type { CurationTarget } from './target.ts';

/**
 * How a curator finishes a conversation's personal data in one step:
 * - "confirm": every finding still waiting is removed when published (the curator agrees with all of them);
 * - "as-shown": every finding still waiting is recorded as it is shown now — what publishing removes stays removed,
 *   what it leaves stays as written. "Mark reviewed" means "I looked, and it is right as it stands".
 * Either way nothing is left waiting, so the conversation leaves the "personal data to review" filter and the
 * "handled before publishing" policy is satisfied.
 */
export type ReviewMode = 'confirm' | 'as-shown';
export type ReviewResult = { threads: number; reviewed: number; removed: number; kept: number };

const UPSERT = `INSERT INTO pii_reviews (thread_rowid, finding_id, status, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (thread_rowid, finding_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, actor = excluded.actor, at = excluded.at`;

function reviewOne(db: DatabaseSync, who: { actor: string }, rowid: number, id: string, mode: ReviewMode, now: string): { removed: number; kept: number } {
  const waiting = (findingViews(db, [rowid]).get(rowid) ?? []).filter((f) => f.status === 'pending');
  if (waiting.length === 0) return { removed: 0, kept: 0 };
  const upsert = db.prepare(UPSERT);
  const done: { finding: string; kind: string; status: ReviewStatus }[] = [];
  for (const f of waiting) {
    const status: ReviewStatus = mode === 'confirm' || f.redacted ? 'accepted' : 'rejected';
    upsert.run(rowid, f.id, status, null, who.actor, now);
    done.push({ finding: f.id, kind: f.kind, status });
  }
  recount(db, rowid);
  const removed = done.filter((d) => d.status === 'accepted').length;
  appendAudit(db, {
    actor: who.actor, at: now, action: 'redaction.review', entityType: 'thread', entityId: id,
    before: { findings: waiting.map((f) => ({ finding: f.id, status: 'pending', reason: null })) },
    after: { mode, removed, kept: done.length - removed, findings: done },
  });
  return { removed, kept: done.length - removed };
}

/** Reviews the waiting personal data of one conversation, several, or every one matching a search. One transaction. */
export function reviewThreads(ws: Pick<Workspace, 'db' | 'actor'>, target: CurationTarget, mode: ReviewMode): ReviewResult {
  const db = ws.db;
  const rowids = targetRowids(db, target);
  refreshScans(db, { rowids });
  const ids = threadIds(db, rowids);
  const now = new Date().toISOString();
  return transaction(db, () => {
    const out: ReviewResult = { threads: 0, reviewed: 0, removed: 0, kept: 0 };
    for (const [rowid, id] of ids) {
      const r = reviewOne(db, ws, rowid, id, mode, now);
      if (r.removed + r.kept === 0) continue;
      out.threads++;
      out.reviewed += r.removed + r.kept;
      out.removed += r.removed;
      out.kept += r.kept;
    }
    return out;
  });
}

/**
 * Puts one finding's review back as it was (undo): "pending" removes the curator's review. Audited as its own
 * change; the entries it reverses stay in the log.
 */
export function restoreReview(db: DatabaseSync, who: { actor: string }, rowid: number, id: string, findingId: string, to: { status: ReviewStatus; reason: string | null }): void {
  const now = new Date().toISOString();
  const current = db.prepare('SELECT status, reason FROM pii_reviews WHERE thread_rowid = ? AND finding_id = ?').get(rowid, findingId) as { status: ReviewStatus; reason: string | null } | undefined;
  if (to.status === 'pending') db.prepare('DELETE FROM pii_reviews WHERE thread_rowid = ? AND finding_id = ?').run(rowid, findingId);
  else db.prepare(UPSERT).run(rowid, findingId, to.status, to.reason, who.actor, now);
  recount(db, rowid);
  appendAudit(db, {
    actor: who.actor, at: now, action: 'redaction.restore', entityType: 'thread', entityId: id,
    before: { finding: findingId, status: current?.status ?? 'pending', reason: current?.reason ?? null },
    after: { finding: findingId, status: to.status, reason: to.reason },
  });
}

/** The review status a finding has now ("pending" when no curator reviewed it). */
export function reviewStatus(db: DatabaseSync, rowid: number, findingId: string): ReviewStatus {
  const r = db.prepare('SELECT status FROM pii_reviews WHERE thread_rowid = ? AND finding_id = ?').get(rowid, findingId) as { status: ReviewStatus } | undefined;
  return r?.status ?? 'pending';
}
