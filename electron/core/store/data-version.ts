import type { DatabaseSync } from 'node:sqlite';

/**
 * Where the workspace's history stands: the audit log's last entry (every change moves it on) and its time. A site
 * build reads it with each part of what it publishes, and checks at the end that it has not moved.
 */
export function dataVersion(db: DatabaseSync): { seq: number; at: string | null } {
  // Two look-ups (the rowid, the index on at); one max() over both columns would scan the log.
  const row = db.prepare('SELECT (SELECT max(seq) FROM audit_log) AS seq, (SELECT max(at) FROM audit_log) AS at').get() as { seq: number | null; at: string | null };
  return { seq: row.seq ?? 0, at: row.at };
}
