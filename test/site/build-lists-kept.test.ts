import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';
import { STATE_DIR } from '../../electron/core/site/build-state.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import type { BuildOptions } from '../../electron/core/site/build.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { fixtureThreads, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// A build keeps the list pages' paths and input hashes (kept.ts), so that a rebuild of the same data with the same
// settings does not read every thread's status and rating nor hash every list page. A reader must still get the
// pages a clean build makes: any change of data, language or theme works them out again, even with an older kept
// file put back. (A language or theme change makes the rebuild render every page; the kept file is still keyed by
// them, like every page's input hash.)

let fx: SiteWorkspace;
const kept = () => join(fx.dir, STATE_DIR, 'lists.kept');
const files = (site: string) => (JSON.parse(readFileSync(join(site, 'manifest.json'), 'utf8')) as { files: unknown[] }).files;

async function build(out: string, more: Partial<BuildOptions> = {}) {
  const report = await buildSite({ workspace: fx.dir, out, workers: 0, search: false, ...more });
  await report.cleanup;
  return report;
}

/** The rebuild of `site` with the kept file `old` put back must make the same site as a clean build into `clean`. */
async function expectAsClean(site: string, old: string, clean: string, more: Partial<BuildOptions> = {}) {
  copyFileSync(old, kept());
  const report = await build(site, more);
  expect(report.rendered).toBeGreaterThan(0);
  // Kept again, under what this build read.
  expect(readFileSync(kept())).not.toEqual(readFileSync(old));
  await build(clean, { ...more, clean: true });
  expect(files(site)).toEqual(files(clean));
}

beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(120);
  fx = await siteWorkspace(threads, { withhold: withheld, pending });
}, 120_000);
afterAll(() => fx?.cleanup());

describe('the list pages a build keeps', () => {
  it('are taken by a rebuild of the same data, which renders nothing and makes the same site', async () => {
    const site = join(fx.root, 'a');
    await build(site);
    expect(existsSync(kept())).toBe(true);
    const first = statSync(kept());
    const before = files(site);
    const report = await build(site);
    expect(report.rendered).toBe(0);
    expect(statSync(kept()).mtimeMs).toBe(first.mtimeMs);
    expect(files(site)).toEqual(before);
  }, 60_000);

  it('are worked out again when the data changes, even with the older kept file put back', async () => {
    const old = join(fx.root, 'lists.old');
    copyFileSync(kept(), old);
    const ws = openWorkspace(fx.dir);
    try {
      decideCurated(ws, { ids: ['zendesk:fx-0'] }, { decision: 'withhold', reason: 'privacy-request', note: 'asked' }, PUBLISH_GUARDS);
    } finally {
      ws.close();
    }
    const site = join(fx.root, 'a');
    await expectAsClean(site, old, join(fx.root, 'a-clean'));
    // The rebuild after it, of the same data, takes what it kept.
    expect((await build(join(fx.root, 'a'))).rendered).toBe(0);
  }, 60_000);

  it('are worked out again for another language or theme', async () => {
    const old = join(fx.root, 'lists.now');
    copyFileSync(kept(), old);
    await expectAsClean(join(fx.root, 'a'), old, join(fx.root, 'de-clean'), { lang: 'de' });
    await expectAsClean(join(fx.root, 'a'), old, join(fx.root, 'ledger-clean'), { lang: 'de', theme: 'ledger' });
  }, 90_000);
});
