import { describe, expect, it } from 'vitest';
import { upgradeFixture } from '../../helpers/migration.ts';

describe('migration 0050 on a database of the version before it', () => {
  it('fills in each thread\'s first customer message and first public reply, and indexes what a build reads', () => {
    const { db, cleanup } = upgradeFixture(50);
    try {
      expect(db.prepare('SELECT id, first_customer_at, first_reply_at FROM threads ORDER BY id').all()).toEqual([
        // The internal note (11:05) is not a reply; the public one at 11:00 is.
        { id: 't_0000000000000001', first_customer_at: '2025-01-02T09:00:00.000Z', first_reply_at: '2025-01-02T11:00:00.000Z' },
        { id: 't_0000000000000002', first_customer_at: '2025-01-05T09:00:00.000Z', first_reply_at: '2025-01-05T10:00:00.000Z' },
        { id: 't_0000000000000003', first_customer_at: '2025-01-06T09:00:00.000Z', first_reply_at: null },
      ]);
      const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('threads_site_order','audit_at') ORDER BY name").all() as { name: string }[]).map((i) => i.name);
      expect(indexes).toEqual(['audit_at', 'threads_site_order']);
      // The published threads in site order come from the covering index, without sorting.
      const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT rowid, id, opened_at, last_activity_at FROM threads WHERE decision = 'publish' ORDER BY opened_at DESC, id").all() as { detail: string }[]).map((p) => p.detail).join(' ');
      expect(plan).toMatch(/threads_site_order/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    } finally {
      cleanup();
    }
  });
});
