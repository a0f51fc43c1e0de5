import type { DatabaseSync } from 'node:sqlite';
import type { Decision, ThreadKind, ThreadStatus } from '../../shared/model/thread.ts';
import { dataVersion } from '../store/data-version.ts';
import { computeStats } from '../../shared/curation/stats.ts';
import type { StatThread, Stats } from '../../shared/curation/stats.ts';

type Row = [kind: string, status: string, rating: number | null, source: string, openedAt: string, resolvedAt: string | null, decision: string,
  decisionReason: string | null, firstCustomerAt: string | null, firstReplyAt: string | null, lastActivityAt: string, importedAt: string];

/** Reads every imported thread (published or not) in one pass and computes the statistics from it. */
export function loadStatThreads(db: DatabaseSync): StatThread[] {
  // The reply times are kept on each thread by the store (migration 0050): one pass over threads, none over messages.
  const statement = db.prepare(`SELECT kind, status, rating, source, opened_at, resolved_at, decision, decision_reason, first_customer_at,
      first_reply_at, last_activity_at, imported_at FROM threads`);
  // Rows as arrays: at 100,000 threads, SQLite's named-column objects cost more than the statistics themselves.
  statement.setReturnArrays(true);
  return (statement.all() as unknown as Row[]).map((r) => ({
    kind: r[0] as ThreadKind,
    status: r[1] as ThreadStatus,
    rating: r[2],
    source: r[3],
    openedAt: r[4],
    resolvedAt: r[5],
    decision: r[6] as Decision,
    decisionReason: r[7],
    firstCustomerAt: r[8],
    firstStaffReplyAt: r[9],
    lastActivityAt: r[10],
    importedAt: r[11],
  }));
}

export function workspaceStats(db: DatabaseSync): Stats {
  return computeStats(loadStatThreads(db));
}

/** Statistics and the data version they were read at (in one read transaction). */
export type VersionedStats = { stats: Stats; dataVersion: number };

/** Reads the statistics in one read transaction on `db`, with the data version they describe. */
export function readVersionedStats(db: DatabaseSync): VersionedStats {
  db.exec('BEGIN');
  try {
    return { dataVersion: dataVersion(db).seq, stats: workspaceStats(db) };
  } finally {
    db.exec('COMMIT');
  }
}
