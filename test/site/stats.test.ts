import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { workspaceStats } from '../../electron/core/curation/workspace-stats.ts';
import { dataVersion, siteStats } from '../../electron/core/site/site-data.ts';
import { fixtureThreads, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// Big sites compute their statistics on a worker while the build goes on: it must give exactly the same figures.

let fx: SiteWorkspace;
beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(40);
  fx = await siteWorkspace(threads, { withhold: withheld, pending });
});
afterAll(() => fx.cleanup());

describe('site statistics', () => {
  it('are the same computed on a worker as in the builder\'s thread', async () => {
    const db = new DatabaseSync(join(fx.dir, 'candor.sqlite'), { readOnly: true });
    try {
      const here = await siteStats(db, fx.dir, { worker: false });
      const there = await siteStats(db, fx.dir, { worker: true });
      expect(there).toEqual(here);
      expect(here.stats).toEqual(workspaceStats(db));
      // With the point in the workspace's history they describe, which the builder compares with its own.
      expect(here.dataVersion).toBe(dataVersion(db).seq);
      expect(here.dataVersion).toBeGreaterThan(0);
      expect(here.stats.overall.moderation).toMatchObject({ imported: 42, withheld: 1, pending: 1 });
    } finally {
      db.close();
    }
  });

  it('report a workspace that cannot be read as an error', async () => {
    const db = new DatabaseSync(':memory:');
    await expect(siteStats(db, join(fx.root, 'no-such-workspace'), { worker: true })).rejects.toThrow(/unable to open|no such/i);
    db.close();
  });
});
