import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';
import { STATE_DIR } from '../../electron/core/site/build-state.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { fixtureThreads, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// A build keeps the statistics it published for the next build of the same data (kept.ts). What a reader sees
// must never be the statistics of other data: any change to the workspace computes them again.

let fx: SiteWorkspace;
const kept = () => join(fx.dir, STATE_DIR, 'stats.kept');
const built = (site: string) => JSON.parse(readFileSync(join(site, 'manifest.json'), 'utf8')) as { build: { withheld: number; threads: number } };
const moderationPage = (site: string) => readFileSync(join(site, 'moderation.html'), 'utf8');

async function build(out: string, clean = false): Promise<void> {
  await (await buildSite({ workspace: fx.dir, out, workers: 0, search: false, clean })).cleanup;
}

beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(12);
  fx = await siteWorkspace(threads, { withhold: withheld, pending });
}, 120_000);
afterAll(() => fx?.cleanup());

describe('the statistics a build keeps', () => {
  it('are used by the next build of the same data, in any folder, and give the same pages', async () => {
    await build(join(fx.root, 'a'));
    const first = statSync(kept());
    await build(join(fx.root, 'b'));
    // Not computed and written again: the same file, untouched.
    const second = statSync(kept());
    expect([second.ino, second.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
    expect(moderationPage(join(fx.root, 'b'))).toBe(moderationPage(join(fx.root, 'a')));
    // --clean trusts nothing a build kept: they are computed again (and kept anew).
    await build(join(fx.root, 'c'), true);
    expect(statSync(kept()).ino).not.toBe(first.ino);
    expect(moderationPage(join(fx.root, 'c'))).toBe(moderationPage(join(fx.root, 'a')));
  }, 60_000);

  it('are computed again when the data changes, even when older kept ones are put back', async () => {
    const site = join(fx.root, 'a');
    const before = built(site).build;
    const old = join(fx.root, 'stats.old');
    copyFileSync(kept(), old);
    const ws = openWorkspace(fx.dir);
    try {
      decideCurated(ws, { ids: ['zendesk:fx-0'] }, { decision: 'withhold', reason: 'privacy-request', note: 'asked' }, PUBLISH_GUARDS);
    } finally {
      ws.close();
    }
    copyFileSync(old, kept());
    await build(site);
    const after = built(site).build;
    expect(after.withheld).toBe(before.withheld + 1);
    expect(after.threads).toBe(before.threads - 1);
    expect(moderationPage(site)).not.toBe(moderationPage(join(fx.root, 'b')));
    // And the same figures as a build that kept nothing.
    await build(join(fx.root, 'd'), true);
    expect(moderationPage(join(fx.root, 'd'))).toBe(moderationPage(site));
    expect(readFileSync(kept())).not.toEqual(readFileSync(old));
  }, 60_000);
});
