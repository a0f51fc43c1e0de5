import { describe, expect, it } from 'vitest';
import { upgradeFixture } from '../../helpers/migration.ts';

describe('migration 0030 on a database of the version before it', () => {
  it('adds the curation tables, and threads start with no unreviewed personal data', () => {
    const { db, cleanup } = upgradeFixture(30);
    try {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('pii_findings','pii_reviews','manual_redactions','curation_scans') ORDER BY name").all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(['curation_scans', 'manual_redactions', 'pii_findings', 'pii_reviews']);
      expect(db.prepare('SELECT id, pii_unreviewed FROM threads ORDER BY id').all()).toEqual([
        { id: 't_0000000000000001', pii_unreviewed: 0 }, { id: 't_0000000000000002', pii_unreviewed: 0 }, { id: 't_0000000000000003', pii_unreviewed: 0 },
      ]);
      // The stored text is never altered by curation.
      expect((db.prepare("SELECT body FROM messages WHERE id = 'm_1'").get() as { body: string }).body).toBe('My parcel is late. Call me on 07700 900123.');
    } finally {
      cleanup();
    }
  });
});
