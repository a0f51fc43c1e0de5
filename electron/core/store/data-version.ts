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

/**
 * The threads changed since data version `since` (their ids), or 'all' when a change since may touch any of them (a
 * setting: pseudonyms, topic rules, detectors; a message correction; an erasure...).
 */
export function changedThreads(db: DatabaseSync, since: number): Set<string> | 'all' {
  const stmt = db.prepare('SELECT entity_type, entity_id FROM audit_log WHERE seq > ?');
  stmt.setReturnArrays(true);
  const ids = new Set<string>();
  for (const [type, id] of stmt.iterate(since) as unknown as Iterable<[string, string]>) {
    if (type === 'thread') ids.add(id);
    // Imports are audited per thread as well; claims are always read in full (there are few).
    else if (type === 'import' || type === 'claim') continue;
    else return 'all';
  }
  return ids;
}
