import type { DatabaseSync } from 'node:sqlite';

// The statements a check writes its findings with, prepared once per connection rather than once per batch: each
// prepared statement is native memory the garbage collector does not see, so thousands of them pile up until a GC.

const batchStatements = new WeakMap<DatabaseSync, ReturnType<typeof prepareScanStatements>>();
function prepareScanStatements(db: DatabaseSync) {
  return {
    delFindings: db.prepare('DELETE FROM pii_findings WHERE thread_rowid = ?'),
    insFinding: db.prepare('INSERT OR IGNORE INTO pii_findings (thread_rowid, finding_id, location, kind, start, "end", text, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    delTopics: db.prepare("DELETE FROM thread_tags WHERE thread_rowid = ? AND origin = 'rule'"),
    insTopic: db.prepare("INSERT OR IGNORE INTO thread_tags (thread_rowid, tag, origin) VALUES (?, ?, 'rule')"),
    upsertScan: db.prepare(`INSERT INTO curation_scans (thread_rowid, seen_updated_at, content_hash, pii_config, topic_config, unreviewed, unreviewed_high, detector_version) VALUES (?, ?, ?, ?, ?, 0, 0, ?)
    ON CONFLICT (thread_rowid) DO UPDATE SET seen_updated_at = excluded.seen_updated_at, content_hash = excluded.content_hash, pii_config = excluded.pii_config, topic_config = excluded.topic_config, detector_version = excluded.detector_version`),
    oldIds: db.prepare('SELECT finding_id FROM pii_findings WHERE thread_rowid = ?'),
    insNews: db.prepare('INSERT OR IGNORE INTO pii_detector_news (thread_rowid, finding_id, version) VALUES (?, ?, ?)'),
  };
}

export function scanStatements(db: DatabaseSync): ReturnType<typeof prepareScanStatements> {
  let s = batchStatements.get(db);
  if (!s) batchStatements.set(db, (s = prepareScanStatements(db)));
  return s;
}
