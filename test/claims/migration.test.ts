import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migration } from '../../electron/core/db/migrations/0040-claims.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { openDatabase, schemaVersion } from '../../electron/core/db/open.ts';
import { tempDir } from '../helpers/workspace.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('migration 0040-claims', () => {
  it('is registered and upgrades an older database', () => {
    expect(migrations).toContain(migration);
    const older = migrations.filter((m) => m.version < 40);
    const file = join(dir, 'c.sqlite');
    openDatabase(file, { migrations: older }).close();
    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBeGreaterThanOrEqual(40);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'claim%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(['claim_evidence', 'claim_lint_overrides', 'claim_revisions', 'claims']);
      const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'claim%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
      expect(triggers).toEqual(['claim_lint_overrides_no_delete', 'claim_lint_overrides_no_update', 'claim_revisions_no_delete', 'claim_revisions_no_update', 'claims_keep_published']);
    } finally {
      db.close();
    }
  });

  it('checks values the schema relies on', () => {
    const db = openDatabase(join(dir, 'd.sqlite'));
    try {
      const insert = (status: string, baselineYear: number | null) => db.prepare("INSERT INTO claims (id, title, statement, markets, category, scope, status, baseline_value, baseline_year, created_at, created_by, updated_at, updated_by) VALUES ('x', 't', 's', '[]', 'generic', 'product', ?, 1, ?, 'now', 'me', 'now', 'me')").run(status, baselineYear);
      expect(() => insert('deleted', 2020)).toThrow(/CHECK/);
      expect(() => insert('draft', null)).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
