import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File } from '../../electron/core/file-hash.ts';
import { SearchBuilder, writeBundle } from '../../electron/core/site/search/bundle.ts';
import { tempDir } from '../helpers/workspace.ts';

// A search bundle's files are written by Candor from the bytes Pagefind hands back, so the manifest's hashes are of
// the files as they are on disk the moment the build says it is done. (Pagefind's own writeFiles could answer while
// a write was still in flight, and a published site then failed `candor verify`.)

const bytes = (s: string) => new TextEncoder().encode(s);

describe('writing a search bundle', () => {
  it('writes every index file under search/<bundle>/, leaves out Pagefind\'s UI bundles, and lists what is on disk', () => {
    const t = tempDir('candor-bundle-');
    try {
      const files = writeBundle(t.dir, '3', [
        { path: 'pagefind.js', content: bytes('export const search = 1;\n') },
        { path: 'fragment/en_1.pf_fragment', content: new Uint8Array([31, 139, 8, 0, 255]) },
        { path: 'pagefind-ui.js', content: bytes('ui') },
        { path: 'pagefind-ui.css', content: bytes('ui') },
        { path: 'pagefind-component-ui.js', content: bytes('ui') },
        { path: 'pagefind-modular-ui.css', content: bytes('ui') },
        { path: 'pagefind-highlight.js', content: bytes('ui') },
        { path: 'pagefind-worker.js', content: bytes('worker') },
        { path: 'index/en_2.pf_index', content: new Uint8Array(0) },
      ]);
      expect(files.map((f) => f.path)).toEqual([
        'search/3/fragment/en_1.pf_fragment', 'search/3/index/en_2.pf_index', 'search/3/pagefind-worker.js', 'search/3/pagefind.js',
      ]);
      for (const f of files) expect(sha256File(join(t.dir, f.path)), f.path).toEqual({ sha256: f.sha256, size: f.size });
      expect(readdirSync(join(t.dir, 'search/3')).sort()).toEqual(['fragment', 'index', 'pagefind-worker.js', 'pagefind.js']);
    } finally {
      t.cleanup();
    }
  });

  it.each([['../escape.js'], ['/etc/passwd'], ['fragment/../../x'], ['a//b'], ['./pagefind.js'], ['..\\x']])('refuses a file named %s, writing nothing outside the bundle', (path) => {
    const t = tempDir('candor-bundle-');
    try {
      expect(() => writeBundle(join(t.dir, 'temp'), 'claims', [{ path, content: bytes('x') }])).toThrow(/outside its folder/);
      expect(existsSync(join(t.dir, 'escape.js'))).toBe(false);
      expect(existsSync(join(t.dir, 'x'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('a bundle built by Pagefind is complete on disk when the builder says it is done', async () => {
    const t = tempDir('candor-bundle-');
    const search = new SearchBuilder(t.dir);
    try {
      for (let i = 0; i < 300; i++) {
        await search.add('0', { url: `/threads/t${i}.html`, content: `Order ${i} arrived late; the refund was sent on day ${i % 9}.`, language: 'en', meta: { title: `Late order ${i}` } });
      }
      search.write('0');
      const files = await search.finish();
      const names = files.map((f) => f.path);
      expect(names).toContain('search/0/pagefind.js');
      expect(names).toContain('search/0/pagefind-entry.json');
      expect(names.some((n) => n.startsWith('search/0/fragment/'))).toBe(true);
      expect(names.some((n) => /pagefind-(ui|component-ui|modular-ui|highlight)\./.test(n))).toBe(false);
      for (const f of files) expect(sha256File(join(t.dir, f.path)), f.path).toEqual({ sha256: f.sha256, size: f.size });
      const entry = JSON.parse(readFileSync(join(t.dir, 'search/0/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      expect(entry.languages.en?.page_count).toBe(300);
    } finally {
      await search.close();
      t.cleanup();
    }
  }, 60_000);
});
