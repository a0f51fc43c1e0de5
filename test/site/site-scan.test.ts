import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../electron/core/site/build.ts';
import { statePaths } from '../../electron/core/site/build-state.ts';
import { readManifestFiles, scanSite, sharedStats, siteScanOf, startSiteScan, statPieces } from '../../electron/core/site/build/site-scan.ts';
import { filesIn } from '../../electron/core/site/files-in.ts';
import { MANIFEST_FILE } from '../../electron/core/site/manifest.ts';
import { fixtureThreads, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// A big site's files are listed, stat'ed and checked on a worker while the builder reads the workspace (site-scan.ts).
// What the worker finds must be what the builder would find itself, a file is trusted without hashing only by the
// stamp the build that wrote it saved, and a scan of another manifest is never used.

let fx: SiteWorkspace;
let site: string;
let stamps: string;

beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(8);
  fx = await siteWorkspace(threads, { withhold: withheld, pending });
  site = join(fx.root, 'site');
  await (await buildSite({ workspace: fx.dir, out: site, workers: 0, search: false })).cleanup;
  stamps = statePaths(fx.dir, site).stamps;
}, 120_000);
afterAll(() => fx?.cleanup());

/** Changes bytes of a file and keeps its size and modification time. */
function tamper(path: string): void {
  const before = statSync(path);
  const bytes = readFileSync(path);
  bytes[0] = bytes[0] === 0x20 ? 0x21 : 0x20;
  writeFileSync(path, bytes);
  utimesSync(path, before.atime, before.mtime);
}

describe('the scan of the previous site', () => {
  it('hashes no file of an untouched site: every one has the stamp its build saved', () => {
    const { sha, files } = readManifestFiles(site, MANIFEST_FILE);
    const scan = scanSite(site, sha, files, stamps);
    expect([scan.changed, scan.unlisted, scan.hashed]).toEqual([[], [MANIFEST_FILE], 0]);
    // Without the saved stamps every file is hashed, and found intact.
    const unstamped = scanSite(site, sha, files, null);
    expect([unstamped.changed, unstamped.hashed]).toEqual([[], files.length]);
    expect(unstamped.stamps).toEqual(scan.stamps);
  });

  it('finds on a worker what the builder finds in its own thread: removed, edited, tampered and added files', async () => {
    const { sha, files } = readManifestFiles(site, MANIFEST_FILE);
    rmSync(join(site, files[0]!.path));
    appendFileSync(join(site, files[1]!.path), 'edited');
    tamper(join(site, files[2]!.path));
    writeFileSync(join(site, 'added.html'), 'not listed');
    const inThread = scanSite(site, sha, files, stamps);
    const started = startSiteScan(site, MANIFEST_FILE, stamps, 0);
    expect(started).not.toBeNull();
    expect(await started!.result).toEqual(inThread);
    // The tampered file kept its size: its new stamp (a new change time) had it hashed.
    expect(inThread.changed).toEqual([0, 1, 2]);
    expect(inThread.hashed).toBe(1);
    expect(inThread.unlisted).toEqual(['added.html', MANIFEST_FILE]);
    // Small sites are scanned in the builder's thread: no worker.
    expect(startSiteScan(site, MANIFEST_FILE, stamps)).toBeNull();
  }, 60_000);

  it('uses the stats the builder\'s thread took while it waited, as if it had made them', () => {
    const { sha, files } = readManifestFiles(site, MANIFEST_FILE);
    const shared = sharedStats(files.length + 10);
    // The builder came to wait before the worker stat'ed anything: it took every piece.
    statPieces(site, files, shared);
    expect(scanSite(site, sha, files, stamps, shared)).toEqual(scanSite(site, sha, files, stamps));
    // Shared stats too small for the manifest are not used.
    expect(scanSite(site, sha, files, stamps, sharedStats(1))).toEqual(scanSite(site, sha, files, stamps));
  });

  it('matches a manifest that is not in path order by name', () => {
    const { sha, files } = readManifestFiles(site, MANIFEST_FILE);
    const reversed = [...files].reverse();
    const scan = scanSite(site, sha, reversed, null);
    expect(scan.changed.map((i) => reversed[i]!.path).sort()).toEqual(scanSite(site, sha, files, null).changed.map((i) => files[i]!.path).sort());
    expect([...scan.unlisted].sort()).toEqual(['added.html', MANIFEST_FILE]);
  });

  it('is made again when the manifest changed after the worker read it', async () => {
    const { sha, files } = readManifestFiles(site, MANIFEST_FILE);
    const started = startSiteScan(site, MANIFEST_FILE, stamps, 0)!;
    const stale = { ...started, result: started.result.then((s) => ({ ...s!, manifestSha: '0'.repeat(64), changed: [] })) };
    const scan = await siteScanOf(stale, site, sha, files, stamps);
    expect(scan).toEqual(scanSite(site, sha, files, stamps));
    expect(scan.changed).not.toEqual([]);
  }, 60_000);
});

describe('the listing in path order', () => {
  it('is the order of the whole paths, whatever the folder and file names', () => {
    const dir = join(fx.root, 'names');
    for (const rel of ['a/b', 'a-b', 'a.b', 'ab', 'a/c/d', 'a/c-', 'a0', 'A', 'é', 'z/y/x', 'b']) {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), rel);
    }
    const sorted = [...filesIn(dir)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    expect(filesIn(dir, { inPathOrder: true })).toEqual(sorted);
  });
});
