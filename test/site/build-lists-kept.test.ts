import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_DIR } from '../../electron/core/site/build-state.ts';
import type { BuildOptions } from '../../electron/core/site/build.ts';
import { buildInThread, useSiteFixture, withholdThread } from './helpers.ts';

// A build keeps the list pages' paths and input hashes (kept.ts), so that a rebuild of the same data with the same
// settings does not read every thread's status and rating nor hash every list page. A reader must still get the
// pages a clean build makes: any change of data, language or theme works them out again, even with an older kept
// file put back. (A language or theme change makes the rebuild render every page; the kept file is still keyed by
// them, like every page's input hash.)

const fixture = useSiteFixture(120);
const kept = () => join(fixture().dir, STATE_DIR, 'lists.kept');
const files = (site: string) => (JSON.parse(readFileSync(join(site, 'manifest.json'), 'utf8')) as { files: unknown[] }).files;

const build = (out: string, more: Partial<BuildOptions> = {}) => buildInThread(fixture().dir, out, more);

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


describe('the list pages a build keeps', () => {
  it('are taken by a rebuild of the same data, which renders nothing and makes the same site', async () => {
    const site = join(fixture().root, 'a');
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
    const old = join(fixture().root, 'lists.old');
    copyFileSync(kept(), old);
    withholdThread(fixture().dir, 'zendesk:fx-0');
    const site = join(fixture().root, 'a');
    await expectAsClean(site, old, join(fixture().root, 'a-clean'));
    // The rebuild after it, of the same data, takes what it kept.
    expect((await build(join(fixture().root, 'a'))).rendered).toBe(0);
  }, 60_000);

  it('are worked out again for another language or theme', async () => {
    const old = join(fixture().root, 'lists.now');
    copyFileSync(kept(), old);
    await expectAsClean(join(fixture().root, 'a'), old, join(fixture().root, 'de-clean'), { lang: 'de' });
    await expectAsClean(join(fixture().root, 'a'), old, join(fixture().root, 'ledger-clean'), { lang: 'de', theme: 'ledger' });
  }, 90_000);
});
