import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';

// Tombstones of erased source records (see curation/erase.ts): a salted hash of source and external id, so that a
// re-import of the same export does not bring an erased customer back, while the workspace keeps nothing that
// says who they were. The salt is the workspace's own: the same record hashes differently in every workspace.

const SALT_KEY = 'erasure.salt';

export function sourceHash(salt: string, source: string, externalId: string): string {
  return createHash('sha256').update(salt).update('\u0000').update(source).update('\u0000').update(externalId).digest('hex');
}

/** The workspace's salt, made on first use. Inside the erasing transaction. */
export function erasureSalt(db: DatabaseSync): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(SALT_KEY) as { value: string } | undefined;
  if (row) return row.value;
  const value = randomBytes(32).toString('hex');
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(SALT_KEY, value);
  forgetErasures(db);
  return value;
}

const cache = new WeakMap<DatabaseSync, { salt: string | null; check: StatementSync }>();

/** Whether this source record was erased. One index look-up; nothing at all while no erasure has happened. */
export function wasErased(db: DatabaseSync, source: string, externalId: string): boolean {
  let s = cache.get(db);
  if (!s) {
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(SALT_KEY) as { value: string } | undefined;
    s = { salt: row?.value ?? null, check: db.prepare('SELECT 1 FROM erased_sources WHERE source_hash = ?') };
    cache.set(db, s);
  }
  if (s.salt === null) return false;
  return s.check.get(sourceHash(s.salt, source, externalId)) !== undefined;
}

/** After an erasure on this connection: read the salt again. */
export function forgetErasures(db: DatabaseSync): void {
  cache.delete(db);
}
