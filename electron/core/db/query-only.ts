import { DatabaseSync } from 'node:sqlite';

// Apart from open.ts (and workspace.ts) so that render and stats workers do not load the migrations.

/** The workspace's database, in its folder. */
export const DB_FILE = 'candor.sqlite';

/**
 * A connection for reads only, beside the workspace's writer (a render or stats worker, the host's read
 * connection). Opened read-write with query_only on rather than SQLITE_OPEN_READONLY: a read-only connection cannot
 * open or rebuild the WAL index itself, and failed with "disk I/O error" when it started while another connection
 * was closing or checkpointing (seen on a clean-clone CI run). query_only refuses every write just the same.
 */
export function openQueryOnly(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA query_only = ON');
  return db;
}
