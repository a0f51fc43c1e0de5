import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manifestChunks, readManifest } from '../../electron/core/site/manifest.ts';
import type { BuildInfo, ManifestFile } from '../../electron/core/site/manifest.ts';
import { sha256, SiteWriter } from '../../electron/core/site/site-writer.ts';
import { tempDir } from '../helpers/workspace.ts';

// A big site's manifest.json is written a piece at a time (commit.ts): its bytes must be the ones a reader and
// `candor verify` expect, whatever the number of pieces: one file a line, sorted by path, each line the file's JSON.

const BUILD: BuildInfo = {
  generator: 'Candor test', organisation: 'Acme "Outfitters"', theme: 'default', baseUrl: null, dataVersion: 7, lastUpdated: null, threads: 30_000, withheld: 0,
  pending: 0, claims: 0, pages: 30_000, search: false, signed: false, publicKeyFingerprint: null,
};

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

describe('a big manifest written a piece at a time', () => {
  it('lists every file once, sorted, one JSON line each, and its hash and size are the bytes written', () => {
    // 30,000 files with names that need escaping, in no order: about 4 MB, so several pieces.
    const files: ManifestFile[] = Array.from({ length: 30_000 }, (_, i) => {
      const path = `conversations/t_${((i * 7919) % 30_000).toString().padStart(5, '0')}${i % 1000 === 0 ? '-"é\\' : ''}.html`;
      return { path, sha256: sha256(path), size: i };
    });
    expect([...manifestChunks(BUILD, files)].length).toBeGreaterThan(2);
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const written = new SiteWriter(dir.dir).writeChunks('manifest.json', manifestChunks(BUILD, files));
    const bytes = readFileSync(join(dir.dir, 'manifest.json'));
    expect(written).toMatchObject({ sha256: sha256(bytes), size: bytes.length });
    const text = bytes.toString('utf8');
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(readManifest(dir.dir)).toEqual({ format: 'candor-site-manifest', version: 1, build: BUILD, files: sorted });
    const lines = text.split('\n').filter((l) => l.startsWith('    {'));
    expect(lines).toEqual(sorted.map((f, i) => `    ${JSON.stringify(f)}${i < sorted.length - 1 ? ',' : ''}`));
  });
});
