import type { DatabaseSync } from 'node:sqlite';
import type { Decision, ThreadKind, ThreadStatus } from '../model/thread.ts';
import { computeStats } from './stats.ts';
import type { StatThread, Stats } from './stats.ts';

type Row = { kind: string; status: string; rating: number | null; source: string; opened_at: string; resolved_at: string | null; decision: string; decision_reason: string | null; first_customer: string | null; first_reply: string | null };

/** Reads every imported thread (published or not) in one pass and computes the statistics from it. */
export function loadStatThreads(db: DatabaseSync): StatThread[] {
  const rows = db.prepare(`
    WITH fc AS (SELECT thread_rowid, min(sent_at) AS at FROM messages WHERE role = 'customer' GROUP BY thread_rowid)
    SELECT t.kind, t.status, t.rating, t.source, t.opened_at, t.resolved_at, t.decision, t.decision_reason, fc.at AS first_customer,
      (SELECT min(m.sent_at) FROM messages m WHERE m.thread_rowid = t.rowid AND m.role = 'staff' AND m.visibility = 'public' AND m.sent_at >= fc.at) AS first_reply
    FROM threads t LEFT JOIN fc ON fc.thread_rowid = t.rowid`).all() as Row[];
  return rows.map((r) => ({
    kind: r.kind as ThreadKind,
    status: r.status as ThreadStatus,
    rating: r.rating,
    source: r.source,
    openedAt: r.opened_at,
    resolvedAt: r.resolved_at,
    decision: r.decision as Decision,
    decisionReason: r.decision_reason,
    firstCustomerAt: r.first_customer,
    firstStaffReplyAt: r.first_reply,
  }));
}

export function workspaceStats(db: DatabaseSync): Stats {
  return computeStats(loadStatThreads(db));
}
