import type { Migration } from '../migration.ts';

// Curation: detected personal data and curators' reviews of it, manual redactions, and what each thread was last
// scanned with. The stored original text is never altered: redactions are applied when a thread is published.
// Policy settings live in meta under "policy.<key>"; manual tags and rule topics in thread_tags (origins manual, rule).
export const migration: Migration = {
  version: 30,
  name: 'curation',
  up(db) {
    db.exec(`
      -- Findings of the detectors, per thread, as of the last scan (rebuilt when the text or the settings change).
      CREATE TABLE pii_findings (
        thread_rowid INTEGER NOT NULL REFERENCES threads(rowid) ON DELETE CASCADE,
        finding_id TEXT NOT NULL,
        location TEXT NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        confidence TEXT NOT NULL CHECK (confidence IN ('high','low')),
        PRIMARY KEY (thread_rowid, finding_id)
      ) STRICT, WITHOUT ROWID;

      -- Curators' decisions on findings; kept across re-scans (the finding id is stable for the same text and place).
      CREATE TABLE pii_reviews (
        thread_rowid INTEGER NOT NULL REFERENCES threads(rowid) ON DELETE CASCADE,
        finding_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('accepted','rejected')),
        reason TEXT,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (thread_rowid, finding_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE manual_redactions (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        thread_rowid INTEGER NOT NULL REFERENCES threads(rowid) ON DELETE CASCADE,
        location TEXT NOT NULL,
        start INTEGER NOT NULL CHECK (start >= 0),
        "end" INTEGER NOT NULL CHECK ("end" > start),
        text TEXT NOT NULL,
        note TEXT,
        actor TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX manual_redactions_thread ON manual_redactions(thread_rowid);

      -- What each thread was last scanned with: a hash of its text and the settings used, and the unreviewed counts
      -- that the "has unreviewed personal data" filter reads.
      CREATE TABLE curation_scans (
        thread_rowid INTEGER PRIMARY KEY REFERENCES threads(rowid) ON DELETE CASCADE,
        seen_updated_at TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        pii_config TEXT NOT NULL,
        topic_config TEXT NOT NULL,
        unreviewed INTEGER NOT NULL,
        unreviewed_high INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX curation_scans_unreviewed ON curation_scans(unreviewed) WHERE unreviewed > 0;

      -- Search filters and sorts over 100k threads.
      CREATE INDEX threads_status ON threads(status);
      CREATE INDEX threads_source ON threads(source);
      CREATE INDEX threads_rating ON threads(rating);
      CREATE INDEX threads_updated ON threads(updated_at);
      CREATE INDEX thread_tags_tag_thread ON thread_tags(tag, thread_rowid);
    `);
  },
};
