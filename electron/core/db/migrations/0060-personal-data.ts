import type { Migration } from '../migration.ts';

// Personal data fails closed (issue 13):
// - Each scan remembers which version of the detectors made its findings; when a new version finds something the
//   old one did not, the finding is listed in pii_detector_news until a curator reviews it ("personal-data
//   detection improved: N conversations have new findings to review").
// - Erasure (GDPR Art. 17): a customer's threads are deleted whole; what stays is a salted hash of each erased
//   source record (so a re-import of the same export does not bring it back) and an audit entry that says an
//   erasure happened. The salt is the workspace's own (meta "erasure.salt"), so the hashes mean nothing elsewhere.
export const migration: Migration = {
  version: 60,
  name: 'personal-data',
  up(db) {
    db.exec(`
      ALTER TABLE curation_scans ADD COLUMN detector_version TEXT;

      CREATE TABLE pii_detector_news (
        thread_rowid INTEGER NOT NULL REFERENCES threads(rowid) ON DELETE CASCADE,
        finding_id TEXT NOT NULL,
        version TEXT NOT NULL,
        PRIMARY KEY (thread_rowid, finding_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE erased_sources (
        source_hash TEXT PRIMARY KEY,
        erased_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
