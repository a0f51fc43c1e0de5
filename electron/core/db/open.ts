import { DatabaseSync } from 'node:sqlite';
import { CandorError } from '../errors.ts';
import { migrations } from './migrations/index.ts';
import type { Migration } from './migration.ts';

export type OpenOptions = {
  /** Run PRAGMA integrity_check before use (after an unclean shutdown). */
  checkIntegrity?: boolean;
  /** For tests of the migration runner itself. */
  migrations?: readonly Migration[];
};

export function openDatabase(file: string, options: OpenOptions = {}): DatabaseSync {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { enableForeignKeyConstraints: true });
  } catch (err) {
    throw asCorruption(err, file);
  }
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA busy_timeout = 5000');
    // Imports insert rows under random (hashed) keys; a 64 MB page cache keeps those B-tree pages in memory.
    db.exec('PRAGMA cache_size = -65536');
    db.exec('PRAGMA temp_store = MEMORY');
    if (options.checkIntegrity) checkIntegrity(db, file);
    migrate(db, options.migrations ?? migrations);
    return db;
  } catch (err) {
    db.close();
    throw asCorruption(err, file);
  }
}

/** SQLITE_CORRUPT (11) and SQLITE_NOTADB (26) mean the file is damaged: say so instead of a bare engine error. */
function asCorruption(err: unknown, file: string): unknown {
  const code = (err as { errcode?: number }).errcode;
  if (code === 11 || code === 26) {
    return new CandorError('WORKSPACE_CORRUPT', `The database ${file} is damaged (${(err as Error).message}). Restore it from a backup; Candor has not changed it.`, { file });
  }
  return err;
}

function checkIntegrity(db: DatabaseSync, file: string): void {
  const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  if (problems.length > 0) {
    throw new CandorError('WORKSPACE_CORRUPT', `The database ${file} failed its integrity check after an unclean shutdown: ${problems.slice(0, 3).join('; ')}. Restore it from a backup.`, { file });
  }
}

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

/** All pending migrations run in one transaction: a workspace is never left half-migrated. */
export function migrate(db: DatabaseSync, list: readonly Migration[] = migrations): number {
  const current = schemaVersion(db);
  const newest = list.length ? list[list.length - 1]!.version : 0;
  if (current > newest) {
    throw new CandorError('WORKSPACE_TOO_NEW', `This workspace was saved by a newer version of Candor (schema ${current}; this app knows up to ${newest}). Update Candor to open it.`);
  }
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const m of pending) {
      m.up(db);
      db.exec(`PRAGMA user_version = ${m.version}`);
    }
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    const m = err instanceof Error ? err.message : String(err);
    throw new CandorError('MIGRATION_FAILED', `Could not upgrade the workspace database: ${m}. Nothing was changed.`);
  }
  return pending[pending.length - 1]!.version;
}

