import type { Migration } from '../migration.ts';

// Publish targets: where the workspace's site is put online (S3-compatible storage, a git branch, SFTP). Only the
// settings anyone may read are stored (bucket, branch, host, host key fingerprint); keys, tokens and passwords never
// are: the app keeps them in the operating system's keychain, the CLI reads them from environment variables.
// last_publish is what the last successful publish left there (manifest hash, counts): not audited, because it
// records the state of the remote copy, not a change to the workspace's data.
export const migration: Migration = {
  version: 110,
  name: 'publish-targets',
  up(db) {
    db.exec(`
      CREATE TABLE publish_targets (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('s3', 'git', 'sftp')),
        settings TEXT NOT NULL CHECK (json_valid(settings)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_publish TEXT CHECK (last_publish IS NULL OR json_valid(last_publish))
      );
    `);
  },
};
