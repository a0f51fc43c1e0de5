import type { Migration } from '../migration.ts';

// The language each publishable text of a thread is written in (its subject, each public message, and all of them
// together), as a site build detected it, so that the builds after it read it instead of detecting it again for
// every conversation. Keyed by a hash of the exact text: a build uses a row only for the very text it publishes (a
// text changed since, by a re-import, a correction or a redaction, is detected again and its thread's rows
// replaced), so a stale row can never change what the site says. The rows go with their thread (erasure deletes the
// thread). Not audited: derived from the thread's text, like the scans.
export const migration: Migration = {
  version: 140,
  name: 'text-languages',
  up(db) {
    db.exec(`
      CREATE TABLE text_languages (
        thread_rowid INTEGER NOT NULL REFERENCES threads (rowid) ON DELETE CASCADE,
        text_hash TEXT NOT NULL,
        language TEXT,
        PRIMARY KEY (thread_rowid, text_hash)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
