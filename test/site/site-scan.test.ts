import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../electron/core/site/build.ts';
import { readManifestFiles, scanSite, siteScanOf, startSiteScan } from '../../electron/core/site/build/site-scan.ts';
import { MANIFEST_FILE } from '../../electron/core/site/manifest.ts';
import { fixtureThreads, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// A big site's files are listed and stat'ed on a worker while the builder reads the workspace (site-scan.ts). What
// the worker finds must be what the builder would find itself, and a scan of another manifest is never used.

let fx: SiteWorkspace;
let site: string;

beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(8);
  fx = await siteWorkspace(threads, { withhold: withheld, pending });
  site = join(fx.root, 'site');
  await (await buildSite({ workspace: fx.dir, out: site, workers: 0, search: false })).cleanup;
}, 120_000);
afterAll(() => fx?.cleanup());

describe('the scan of the previous site', () => {
  it('finds on a worker what the builder finds in its own thread, removed and edited files included', async () => {
    const { bytes, files } = readManifestFiles(site, MANIFEST_FILE);
    rmSync(join(site, files[0]!.path));
    appendFileSync(join(site, files[1]!.path), 'edited');
    writeFileSync(join(site, 'added.html'), 'not listed');
    const inThread = scanSite(site, bytes, files);
    const onWorker = await startSiteScan(site, MANIFEST_FILE, 0);
    expect(onWorker).not.toBeNull();
    expect({ ...onWorker!, unlisted: [...onWorker!.unlisted].sort() }).toEqual({ ...inThread, unlisted: [...inThread.unlisted].sort() });
    expect(inThread.sizes[0]).toBe(-1);
    expect(inThread.sizes[1]).toBe(files[1]!.size + 'edited'.length);
    // The removed file is not in the listing, the edited one is; the added file is the one the manifest does not name
    // (besides the manifest itself).
    expect([inThread.listed[0], inThread.listed[1]]).toEqual([0, 1]);
    expect([...inThread.listed].filter((x) => x === 1)).toHaveLength(files.length - 1);
    expect(inThread.unlisted.sort()).toEqual(['added.html', MANIFEST_FILE].sort());
    // Small sites are scanned in the builder's thread: no worker.
    expect(startSiteScan(site, MANIFEST_FILE)).toBeNull();
  }, 60_000);

  it('is made again when the manifest changed after the worker read it', async () => {
    const { bytes, files } = readManifestFiles(site, MANIFEST_FILE);
    const stale = Promise.resolve({ ...scanSite(site, bytes, files), manifestSha: '0'.repeat(64), stamps: files.map(() => 'stale') });
    const scan = await siteScanOf(stale, site, bytes, files);
    expect(scan.stamps).not.toContain('stale');
    expect(scan).toEqual(scanSite(site, bytes, files));
  }, 60_000);
});
