import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_DIR } from '../../electron/core/site/build-state.ts';
import { buildInThread, useSiteFixture, withholdThread } from './helpers.ts';

// A build keeps the statistics it published for the next build of the same data (kept.ts). What a reader sees
// must never be the statistics of other data: any change to the workspace computes them again.

const fixture = useSiteFixture(12);
const kept = () => join(fixture().dir, STATE_DIR, 'stats.kept');
const built = (site: string) => JSON.parse(readFileSync(join(site, 'manifest.json'), 'utf8')) as { build: { withheld: number; threads: number } };
const moderationPage = (site: string) => readFileSync(join(site, 'moderation.html'), 'utf8');

const build = (out: string, clean = false) => buildInThread(fixture().dir, out, { clean });


describe('the statistics a build keeps', () => {
  it('are used by the next build of the same data, in any folder, and give the same pages', async () => {
    await build(join(fixture().root, 'a'));
    const first = statSync(kept());
    await build(join(fixture().root, 'b'));
    // Not computed and written again: the same file, untouched.
    const second = statSync(kept());
    expect([second.ino, second.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
    expect(moderationPage(join(fixture().root, 'b'))).toBe(moderationPage(join(fixture().root, 'a')));
    // --clean trusts nothing a build kept: they are computed again (and kept anew).
    await build(join(fixture().root, 'c'), true);
    expect(statSync(kept()).ino).not.toBe(first.ino);
    expect(moderationPage(join(fixture().root, 'c'))).toBe(moderationPage(join(fixture().root, 'a')));
  }, 60_000);

  it('are computed again when the data changes, even when older kept ones are put back', async () => {
    const site = join(fixture().root, 'a');
    const before = built(site).build;
    const old = join(fixture().root, 'stats.old');
    copyFileSync(kept(), old);
    withholdThread(fixture().dir, 'zendesk:fx-0');
    copyFileSync(old, kept());
    await build(site);
    const after = built(site).build;
    expect(after.withheld).toBe(before.withheld + 1);
    expect(after.threads).toBe(before.threads - 1);
    expect(moderationPage(site)).not.toBe(moderationPage(join(fixture().root, 'b')));
    // And the same figures as a build that kept nothing.
    await build(join(fixture().root, 'd'), true);
    expect(moderationPage(join(fixture().root, 'd'))).toBe(moderationPage(site));
    expect(readFileSync(kept())).not.toEqual(readFileSync(old));
  }, 60_000);
});
