import { describe, expect, it } from 'vitest';
import { upgradeFixture } from '../../helpers/migration.ts';

describe('migration 0040 on a database of the version before it', () => {
  it('adds the claims register beside the threads, curation left as it was', () => {
    const { db, cleanup } = upgradeFixture(40);
    try {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'claim%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(['claim_evidence', 'claim_lint_overrides', 'claim_revisions', 'claims']);
      expect(db.prepare('SELECT finding_id, status FROM pii_reviews').all()).toEqual([{ finding_id: 'f_1', status: 'accepted' }]);
      // The new tables enforce what the register relies on from the first row.
      expect(() => db.prepare("INSERT INTO claims (id, title, statement, markets, category, scope, status, created_at, created_by, updated_at, updated_by) VALUES ('x','t','s','[]','generic','galaxy','draft','now','me','now','me')").run()).toThrow(/CHECK/);
    } finally {
      cleanup();
    }
  });
});
