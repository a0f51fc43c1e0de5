import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';
import { STATE_DIR } from '../../electron/core/site/build-state.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { CHANGES_FILE, LogEntry } from '../../electron/core/site/publication-log.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { fixtureThreads, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// A build keeps that the publication log's recorded state is what the data publishes (kept.ts), so the next build
// of the same data does not hash every published thread again. A reader must still see every change: any change of
// data works the state out again, even with an older kept finding put back.

let fx: SiteWorkspace;
const kept = () => join(fx.dir, STATE_DIR, 'publication.kept');
const entries = (site: string) => (JSON.parse(readFileSync(join(site, CHANGES_FILE), 'utf8')) as { entries: unknown[] }).entries.map((e) => LogEntry.parse(e));

async function build(out: string, clean = false): Promise<void> {
  await (await buildSite({ workspace: fx.dir, out, workers: 0, search: false, clean })).cleanup;
}

beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(12);
  fx = await siteWorkspace(threads, { withhold: withheld, pending });
}, 120_000);
afterAll(() => fx?.cleanup());

describe('the publication state a build keeps', () => {
  it('is taken by the next build of the same data, which adds no entry', async () => {
    await build(join(fx.root, 'a'));
    expect(existsSync(kept())).toBe(true);
    const first = statSync(kept());
    await build(join(fx.root, 'b'));
    const second = statSync(kept());
    expect([second.ino, second.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
    expect(readFileSync(join(fx.root, 'b', CHANGES_FILE), 'utf8')).toBe(readFileSync(join(fx.root, 'a', CHANGES_FILE), 'utf8'));
    expect(entries(join(fx.root, 'b'))).toHaveLength(1);
  }, 60_000);

  it('is worked out again when the data changes, even when an older kept finding is put back', async () => {
    const site = join(fx.root, 'a');
    const old = join(fx.root, 'publication.old');
    copyFileSync(kept(), old);
    const ws = openWorkspace(fx.dir);
    try {
      decideCurated(ws, { ids: ['zendesk:fx-0'] }, { decision: 'withhold', reason: 'privacy-request', note: 'asked' }, PUBLISH_GUARDS);
    } finally {
      ws.close();
    }
    copyFileSync(old, kept());
    await build(site);
    const log = entries(site);
    expect(log).toHaveLength(2);
    expect(log[1]!.threads.withdrawn).toHaveLength(1);
    expect(readFileSync(kept())).not.toEqual(readFileSync(old));
    // The build after it, of the same data, adds nothing and shows the same history.
    await build(join(fx.root, 'c'));
    expect(readFileSync(join(fx.root, 'c', CHANGES_FILE), 'utf8')).toBe(readFileSync(join(site, CHANGES_FILE), 'utf8'));
    // --clean trusts nothing kept and finds the same.
    await build(join(fx.root, 'd'), true);
    expect(readFileSync(join(fx.root, 'd', CHANGES_FILE), 'utf8')).toBe(readFileSync(join(site, CHANGES_FILE), 'utf8'));
  }, 60_000);
});
