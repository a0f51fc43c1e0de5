import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { openWorkspace } from '../../electron/core/workspace.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { scanLimits } from '../../electron/core/site/build/scans.ts';
import { fixtureThreads, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// A big workspace's build reads its scans of every thread (filter lists, publication log) on the read-only connection
// and keeps the writer's page cache small while it runs (build/scans.ts); a small one reads through the writer's warm
// cache. Which path is taken must not change the site, and the app's connection gets its own cache back.

let site: SiteWorkspace;
let ws: Workspace;
const DEFAULT = scanLimits.cachedDbMax;
beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(40);
  site = await siteWorkspace(threads, { withhold: withheld, pending });
  ws = openWorkspace(site.dir);
});
afterEach(() => {
  scanLimits.cachedDbMax = DEFAULT;
});
afterAll(() => {
  ws.close();
  site.cleanup();
});

const cacheSize = () => (ws.db.prepare('PRAGMA cache_size').get() as { cache_size: number }).cache_size;

/** Every file of the site: path, hash and size (the manifest's lines, its build block aside). */
function files(out: string): string[] {
  return readFileSync(join(out, 'manifest.json'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('{"path"'));
}

describe('the build scans of a big and of a small workspace', () => {
  it('make the same site, and the open workspace keeps its own page cache', async () => {
    const before = cacheSize();
    const small = await buildSite({ workspace: ws, out: join(site.root, 'small'), search: false, workers: 0 });
    await small.cleanup;
    scanLimits.cachedDbMax = 0;
    const big = await buildSite({ workspace: ws, out: join(site.root, 'big'), search: false, workers: 0, clean: true });
    await big.cleanup;
    expect(big.threads).toBe(40);
    const a = files(join(site.root, 'small'));
    expect(a.length).toBeGreaterThan(40);
    expect(files(join(site.root, 'big'))).toEqual(a);
    expect(cacheSize()).toBe(before);
  });
});
