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

      -- What each thread was last scanned with: a hash of its text and the settings used, and how many findings no
      -- curator has reviewed (all, and high-confidence ones, which the publish policy reads).
      CREATE TABLE curation_scans (
        thread_rowid INTEGER PRIMARY KEY REFERENCES threads(rowid) ON DELETE CASCADE,
        seen_updated_at TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        pii_config TEXT NOT NULL,
        topic_config TEXT NOT NULL,
        unreviewed INTEGER NOT NULL,
        unreviewed_high INTEGER NOT NULL
      ) STRICT;

      -- The "has unreviewed personal data" filter, kept on the thread itself so that counting and paging it over
      -- 100k threads reads one small index instead of probing another table per thread.
      ALTER TABLE threads ADD COLUMN pii_unreviewed INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX threads_unreviewed_opened ON threads(opened_at) WHERE pii_unreviewed > 0;

      -- Search filters with the default sort (newest first). Each index leads with one filter and the opening date,
      -- so a page is read in date order without sorting every match, and carries the other filter columns, so
      -- counting "complaint and unresolved" or "trustpilot and 1 star" never reads the table itself.
      CREATE INDEX threads_decision_opened ON threads(decision, opened_at, kind, status, source, rating);
      CREATE INDEX threads_kind_opened ON threads(kind, opened_at, status, decision, source, rating);
      CREATE INDEX threads_status_opened ON threads(status, opened_at, kind, decision, source, rating);
      CREATE INDEX threads_source_opened ON threads(source, opened_at, kind, status, decision, rating);
      CREATE INDEX threads_rating_opened ON threads(rating, opened_at, kind, status, decision, source);
      CREATE INDEX threads_decision_activity ON threads(decision, last_activity_at);
      CREATE INDEX threads_updated ON threads(updated_at);
      CREATE INDEX thread_tags_tag_origin ON thread_tags(tag, origin, thread_rowid);
    `);
  },
};
