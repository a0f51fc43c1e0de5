import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { DatabaseSync as Database } from 'node:sqlite';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { openDatabase } from '../../electron/core/db/open.ts';
import { fixtureName, FIXTURES_DIR } from '../fixtures/migrations/make.ts';
import { tempDir } from './workspace.ts';

/** Every table's row count (full-text shadow tables aside). */
export function rowCounts(db: DatabaseSync): Record<string, number> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'threads_fts_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}

export type Upgraded = { db: DatabaseSync; versionBefore: number; countsBefore: Record<string, number>; cleanup: () => void };

/**
 * The fixture made by the version before `version` (test/fixtures/migrations/before-<version>.sqlite), copied and
 * opened by the app with the migrations up to `version` (all of them with `to: 'latest'`).
 */
export function upgradeFixture(version: number, to: 'this' | 'latest' = 'this'): Upgraded {
  const t = tempDir('candor-migration-');
  const file = join(t.dir, 'candor.sqlite');
  copyFileSync(join(FIXTURES_DIR, fixtureName(version)), file);
  const raw = new Database(file, { readOnly: true });
  const versionBefore = (raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  const countsBefore = rowCounts(raw);
  raw.close();
  const db = openDatabase(file, { checkIntegrity: true, migrations: to === 'latest' ? migrations : migrations.filter((m) => m.version <= version) });
  return { db, versionBefore, countsBefore, cleanup: () => { db.close(); t.cleanup(); } };
}
