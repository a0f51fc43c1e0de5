import type { Migration } from '../migration.ts';

// The site's publication log: what each build changed since the previous one (conversations added, updated and
// withdrawn after publication with the reason; claims added, revised, retired and withdrawn). Each entry is kept
// exactly as it was published and carries the hash of the entry before it and of the previous build's manifest, so
// the published history is a hash chain that `candor verify` checks. publication_state is what the latest entry
// left published (one row per conversation and claim, with a version that says when it changed). Not audited: it
// records what the builds published, not a change to the workspace's data.
export const migration: Migration = {
  version: 130,
  name: 'publication-log',
  up(db) {
    db.exec(`
      CREATE TABLE publication_log (
        seq INTEGER PRIMARY KEY,
        entry TEXT NOT NULL CHECK (json_valid(entry)),
        entry_sha256 TEXT NOT NULL,
        manifest_sha256 TEXT,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE publication_state (
        item TEXT PRIMARY KEY,
        version TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
