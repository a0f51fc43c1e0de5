import { describe, expect, it } from 'vitest';
import { uploadFiles } from '../../electron/core/publish/upload.ts';
import type { PutFile, Remote } from '../../electron/core/publish/remote.ts';

// Found on a clean-clone CI run: with four uploads at once, manifest.json (queued last) finished before a page still
// on its way, so for a moment the manifest online named a file that was not there. A remote in memory whose first
// puts are slow shows the order in which files land.

const file = (path: string): PutFile => ({ path, abs: `/nowhere/${path}`, size: 1, sha256: 'x', contentType: 'text/html', cacheControl: 'no-cache' });

function slowFirstRemote(landed: string[]): Remote {
  let started = 0;
  return {
    location: 'memory', atomic: false, concurrency: 4,
    read: async () => null,
    // The first two puts take 40 ms; every later one lands at once.
    put: async (f) => {
      const slow = started++ < 2;
      await new Promise((ok) => setTimeout(ok, slow ? 40 : 0));
      landed.push(f.path);
    },
    remove: async () => [],
    commit: async () => null,
    close: async () => undefined,
  };
}

describe('the order files land in online', () => {
  it('puts the signature and then the manifest only after every other file has landed', async () => {
    const landed: string[] = [];
    const files = ['assets/site.css', 'index.html', 'threads/a.html', 'threads/b.html'].map(file);
    const done: number[] = [];
    await uploadFiles(slowFirstRemote(landed), { files, last: [file('manifest.sig'), file('manifest.json')] }, new Set(), { signal: new AbortController().signal, progress: (n) => done.push(n) });
    expect(landed.slice(-2)).toEqual(['manifest.sig', 'manifest.json']);
    expect(new Set(landed.slice(0, 4))).toEqual(new Set(files.map((f) => f.path)));
    expect(done.at(-1)).toBe(6);
  });
});
