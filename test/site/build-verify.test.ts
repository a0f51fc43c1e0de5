import { cpSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Scan from '../../electron/core/curation/scan.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { statePaths } from '../../electron/core/site/build-state.ts';
import { readStamps, setStamp } from '../../electron/core/site/file-stamps.ts';
import { readManifestFiles } from '../../electron/core/site/build/site-scan.ts';
import { verifySite } from '../../electron/core/site/manifest.ts';
import { runCli } from '../helpers/workspace.ts';
import { fixtureThreads, htmlPages, siteWorkspace, snapshot } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// A rebuild reuses bytes of the previous site only after checking them against the previous manifest (size and
// SHA-256): an edited data row, page or search file is made again from the workspace, an added file is removed,
// and the build says which files it repaired. A new personal-data detector re-renders every page.

const detector = vi.hoisted(() => ({ version: null as string | null }));
vi.mock('../../electron/core/curation/scan.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Scan>();
  return { ...actual, get DETECTOR_VERSION() { return detector.version ?? actual.DETECTOR_VERSION; } };
});

let fx: SiteWorkspace;
/** A clean build of the workspace: what every repaired rebuild must give, byte for byte. */
let clean: string;
let site: string;

beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(30);
  fx = await siteWorkspace(threads, { withhold: withheld, pending });
  clean = join(fx.root, 'clean');
  await (await buildSite({ workspace: fx.dir, out: clean, workers: 0 })).cleanup;
}, 120_000);
afterAll(() => fx?.cleanup());

beforeEach(async () => {
  detector.version = null;
  site = join(fx.root, 'site');
  rmSync(site, { recursive: true, force: true });
  // A site this workspace built into this folder, so that the next build is a rebuild that may reuse it.
  await (await buildSite({ workspace: fx.dir, out: site, workers: 0 })).cleanup;
});

/** The stamps saved for the site's manifest, or null. */
function savedStamps(): Float64Array | null {
  const { sha, files } = readManifestFiles(site, 'manifest.json');
  return readStamps(statePaths(fx.dir, site).stamps, sha, files.length);
}

/** The stamps the site's files have now, in its manifest's order. */
function stampsNow(): Float64Array {
  const { files } = readManifestFiles(site, 'manifest.json');
  const stamps = new Float64Array(2 * files.length);
  files.forEach((f, i) => setStamp(stamps, i, statSync(join(site, f.path))));
  return stamps;
}

/** Changes bytes of a file and keeps its size and modification time, as a careful forger would. */
function tamper(path: string, from: string, to: string): void {
  expect(to.length).toBe(from.length);
  const before = statSync(path);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
  utimesSync(path, before.atime, before.mtime);
}

describe('a rebuild checks what it reuses', () => {
  it('reuses an untouched site and reports nothing repaired', async () => {
    const r = await buildSite({ workspace: fx.dir, out: site, workers: 0 });
    await r.cleanup;
    expect(r.incremental).toBe(true);
    expect(r.rendered).toBe(0);
    expect(r.repaired).toEqual([]);
  });

  it('still checks a page that a no-change rebuild kept as it was, when it is tampered with afterwards', async () => {
    // The rebuild keeps the stamps it checked the pages by, without looking at them again, and its state, the same
    // as the one saved, is not written again.
    const state = statePaths(fx.dir, site).state;
    const saved = statSync(state).ino;
    await (await buildSite({ workspace: fx.dir, out: site, workers: 0 })).cleanup;
    expect(statSync(state).ino).toBe(saved);
    const page = htmlPages(site).find((p) => p.startsWith('threads/'))!;
    tamper(join(site, page), '<main', '<MAIN');
    const r = await buildSite({ workspace: fx.dir, out: site, workers: 0 });
    await r.cleanup;
    expect(r.repaired).toEqual([page]);
    expect(snapshot(site)).toEqual(snapshot(clean));
    // A repair gives the page a new stamp: it is saved (the state itself, the same site's, is not written again).
    expect(savedStamps()).toEqual(stampsNow());
    // And the rebuild after that, of a site put right, trusts it again.
    const again = await buildSite({ workspace: fx.dir, out: site, workers: 0 });
    await again.cleanup;
    expect([again.rendered, again.repaired]).toEqual([0, []]);
  });

  it('saves, after a clean build, the stamps the files in place have (so the next rebuild trusts them without hashing)', () => {
    expect(savedStamps()).toEqual(stampsNow());
  });

  it('hashes every file again, and still repairs, when the saved stamps are lost', async () => {
    rmSync(statePaths(fx.dir, site).stamps);
    const page = htmlPages(site).find((p) => p.startsWith('threads/'))!;
    tamper(join(site, page), '<main', '<MAIN');
    const r = await buildSite({ workspace: fx.dir, out: site, workers: 0 });
    await r.cleanup;
    expect([r.incremental, r.repaired]).toEqual([true, [page]]);
    expect(snapshot(site)).toEqual(snapshot(clean));
    expect(savedStamps()).toEqual(stampsNow());
  });

  it('ignores a saved build state of another format (an earlier Candor\'s): the rebuild renders everything, the same site', async () => {
    const file = statePaths(fx.dir, site).state;
    const state = JSON.parse(readFileSync(file, 'utf8')) as { format: number };
    writeFileSync(file, JSON.stringify({ ...state, format: 3 }));
    const r = await buildSite({ workspace: fx.dir, out: site, workers: 0 });
    await r.cleanup;
    expect([r.incremental, r.reused, r.repaired]).toEqual([false, 0, []]);
    expect(r.rendered).toBeGreaterThan(30);
    expect(snapshot(site)).toEqual(snapshot(clean));
    expect(verifySite(site).ok).toBe(true);
  });

  it('removes a tampered data row and says so', async () => {
    tamper(join(site, 'data/threads.json'), 'Fixture conversation 7 about delivery', 'Fixture conversation 7 about DELIVERY');
    tamper(join(site, 'data/messages.csv'), 'Sorry', 'S0rry');
    // The forged row would have been copied into a freshly signed manifest before: now the rebuild refuses to copy.
    const r = await buildSite({ workspace: fx.dir, out: site, workers: 0 });
    await r.cleanup;
    expect(r.repaired).toEqual(['data/messages.csv', 'data/threads.json']);
    expect(readFileSync(join(site, 'data/threads.json'), 'utf8')).not.toContain('DELIVERY');
    expect(readFileSync(join(site, 'data/messages.csv'), 'utf8')).not.toContain('S0rry');
    expect(snapshot(site)).toEqual(snapshot(clean));
    expect(verifySite(site).ok).toBe(true);
  });

  it('renders a tampered thread page again, removes an added file, and rebuilds a tampered search bundle', async () => {
    const page = htmlPages(site).find((p) => p.startsWith('threads/'))!;
    tamper(join(site, page), '<main', '<MAIN');
    writeFileSync(join(site, 'threads', 'planted.html'), '<p>not ours</p>');
    const fragment = Object.keys(JSON.parse(readFileSync(join(site, 'manifest.json'), 'utf8')).files.reduce((o: Record<string, true>, f: { path: string }) => {
      if (f.path.startsWith('search/') && f.path.includes('/fragment/')) o[f.path] = true;
      return o;
    }, {}))[0]!;
    writeFileSync(join(site, fragment), Buffer.from('corrupt'));
    const r = await buildSite({ workspace: fx.dir, out: site, workers: 0 });
    await r.cleanup;
    expect(r.repaired).toEqual([fragment, page, 'threads/planted.html'].sort());
    expect(snapshot(site)).toEqual(snapshot(clean));
    expect(verifySite(site).ok).toBe(true);
  });

  it('says so on the command line, in words and with the files', () => {
    tamper(join(site, 'data/threads.csv'), 'Fixture conversation 3', 'Fixture conversation 8');
    const r = runCli(['build', fx.dir, '--out', site]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: 1 file of the previous site did not match its manifest.json (changed, removed or added since the last build): data/threads.csv. Nothing was reused from them');
    expect(snapshot(site)).toEqual(snapshot(clean));
  });

  it('re-renders every page when the personal-data detector is newer than the one the site was built with', async () => {
    detector.version = 'bumped-for-test';
    const r = await buildSite({ workspace: fx.dir, out: site, workers: 0 });
    await r.cleanup;
    expect(r.incremental).toBe(false);
    expect(r.reused).toBe(0);
    expect(r.rendered).toBeGreaterThanOrEqual(r.threads);
    // And the next build with the same detector reuses them again.
    const again = await buildSite({ workspace: fx.dir, out: site, workers: 0 });
    await again.cleanup;
    expect(again.rendered).toBe(0);
  });

  it('keeps a copy of a tampered site tampered: only the folder that is built is repaired', async () => {
    const copy = join(fx.root, 'copy');
    cpSync(site, copy, { recursive: true });
    tamper(join(copy, 'data/threads.json'), 'Fixture conversation 7', 'Fixture conversation 9');
    await (await buildSite({ workspace: fx.dir, out: site, workers: 0 })).cleanup;
    expect(verifySite(copy).ok).toBe(false);
    rmSync(copy, { recursive: true });
  });
});
