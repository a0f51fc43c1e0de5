import type { DatabaseSync } from 'node:sqlite';
import { checkWritable, explainBusy, isBusyError } from '../store/writer.ts';

/**
 * Runs fn inside one IMMEDIATE transaction (the write lock is taken up front, so two processes cannot both read
 * then deadlock on upgrade). Nested calls join the outer transaction through a savepoint. fn must be synchronous:
 * nothing else may run inside a transaction, so a request can never join another's uncommitted work.
 */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  if (db.isTransaction) {
    const name = `sp_${Math.random().toString(36).slice(2, 10)}`;
    db.exec(`SAVEPOINT ${name}`);
    try {
      const result = fn();
      db.exec(`RELEASE ${name}`);
      return result;
    } catch (err) {
      db.exec(`ROLLBACK TO ${name}`);
      db.exec(`RELEASE ${name}`);
      throw err;
    }
  }
  checkWritable(db);
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (err) {
    // busy_timeout has run out: another process holds the write lock. Say who, never "database is locked".
    if (isBusyError(err)) throw explainBusy(db);
    throw err;
  }
  try {
    const result = fn();
    if (result instanceof Promise) throw new Error('A transaction must not wait: its function returned a promise.');
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    if (isBusyError(err)) throw explainBusy(db);
    throw err;
  }
}
