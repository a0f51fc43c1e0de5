import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitEnv } from '../../electron/core/publish/git.ts';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, CACHE_SHORT, cacheControl, checkSample, contentType, isHashedAsset, planPublish, uploadOrder } from '../../electron/core/publish/plan.ts';
import { GitSettings } from '../../electron/shared/model/publish-target.ts';
import type { Manifest, ManifestFile } from '../../electron/core/site/manifest.ts';

const sha = (c: string) => c.repeat(64);
const file = (path: string, c = 'a', size = 10): ManifestFile => ({ path, sha256: sha(c), size });
const manifest = (files: ManifestFile[], signed = false): Manifest => ({
  format: 'candor-site-manifest', version: 1, files,
  build: { generator: 'Candor', organisation: 'Acme', theme: 'default', baseUrl: null, dataVersion: 1, lastUpdated: null, threads: 0, withheld: 0, pending: 0, claims: 0, pages: 0, search: true, signed, publicKeyFingerprint: null },
});

describe('which files a publish sends, in which order', () => {
  it('sends only files whose hash or size differs from the remote manifest, and removes only what that manifest listed', () => {
    const remote = manifest([file('index.html', 'a'), file('threads/t_1.html', 'b'), file('gone.html', 'c'), file('search/en_1a2b3c4.pf_fragment', 'd')]);
    const local = manifest([file('index.html', 'a'), file('threads/t_1.html', 'e'), file('new.html', 'f'), file('search/en_1a2b3c4.pf_fragment', 'd', 11)]);
    const plan = planPublish(local, remote);
    expect(plan.upload.map((f) => f.path)).toEqual(['search/en_1a2b3c4.pf_fragment', 'new.html', 'threads/t_1.html']);
    expect(plan.unchanged.map((f) => f.path)).toEqual(['index.html']);
    expect(plan.remove).toEqual(['gone.html']);
    expect(plan.first).toBe(false);
  });

  it('sends everything the first time, or with full, and never removes the manifest or its signature', () => {
    const local = manifest([file('a.html'), file('b.css')]);
    expect(planPublish(local, null)).toMatchObject({ first: true, remove: [] });
    expect(planPublish(local, null).upload).toHaveLength(2);
    expect(planPublish(local, manifest([file('a.html'), file('b.css')]), { full: true }).upload).toHaveLength(2);
    expect(planPublish(local, manifest([file('manifest.json'), file('manifest.sig'), file('a.html')])).remove).toEqual([]);
  });

  it('puts hashed assets first, then other files, then pages', () => {
    const order = uploadOrder([file('index.html'), file('data/threads.json'), file('evidence/' + 'ab12'.repeat(16) + '.pdf'), file('assets/site.css'), file('search/0/fragment/en_10987a9.pf_fragment')]);
    expect(order.map((f) => f.path)).toEqual(['evidence/' + 'ab12'.repeat(16) + '.pdf', 'search/0/fragment/en_10987a9.pf_fragment', 'assets/site.css', 'data/threads.json', 'index.html']);
  });

  it('reads back what was uploaded and some unchanged files, at most 24', () => {
    const many = (n: number, p: string) => Array.from({ length: n }, (_, i) => file(`${p}${i}.html`));
    expect(checkSample({ upload: many(3, 'u'), unchanged: many(2, 'k') })).toHaveLength(5);
    const big = checkSample({ upload: many(500, 'u'), unchanged: many(5000, 'k') });
    expect(big).toHaveLength(24);
    expect(big.filter((f) => f.path.startsWith('k')).length).toBeGreaterThanOrEqual(8);
    expect(checkSample({ upload: [], unchanged: many(100, 'k') })).toHaveLength(24);
  });
});

describe('headers', () => {
  it.each([
    ['search/0/fragment/en_10987a9.pf_fragment', true],
    ['search/0/pagefind.en_22f8879a3f.pf_meta', true],
    ['search/0/index/en_d21b9ab.pf_index', true],
    ['evidence/232bd366fe0e0258073f8882fcff571ad529970f1c615decd27d4622b273790e.txt', true],
    ['threads/1c/t_14554dd51c3e9890.html', false],
    ['assets/site.css', false],
    ['search/0/pagefind.js', false],
    ['search/0/wasm.en.pagefind', false],
    ['data/threads.json', false],
    ['assets/deadbeef.css', false],
  ])('%s is a hashed asset: %s', (path, hashed) => {
    expect(isHashedAsset(path)).toBe(hashed);
    expect(cacheControl(path)).toBe(hashed ? CACHE_IMMUTABLE : CACHE_SHORT);
  });

  it('asks for the manifest and its signature again every time', () => {
    expect(cacheControl('manifest.json')).toBe(CACHE_REVALIDATE);
    expect(cacheControl('manifest.sig')).toBe(CACHE_REVALIDATE);
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/site.css', 'text/css; charset=utf-8'],
    ['assets/search.js', 'text/javascript; charset=utf-8'],
    ['data/threads.json', 'application/json; charset=utf-8'],
    ['data/threads.csv', 'text/csv; charset=utf-8'],
    ['feed.xml', 'application/xml; charset=utf-8'],
    ['assets/favicon.svg', 'image/svg+xml'],
    ['signing-key.pem', 'text/plain; charset=utf-8'],
    ['manifest.sig', 'text/plain; charset=utf-8'],
    ['search/0/wasm.en.pagefind', 'application/octet-stream'],
    ['search/0/fragment/en_10987a9.pf_fragment', 'application/octet-stream'],
    ['evidence/x.pdf', 'application/pdf'],
    ['evidence/x.bin', 'application/octet-stream'],
    ['robots.txt', 'text/plain; charset=utf-8'],
  ])('%s is served as %s', (path, type) => {
    expect(contentType(path)).toBe(type);
  });

  it('gives every file of the demo site a type other than the generic one, except Pagefind’s binary index', () => {
    const m = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/publish/demo-manifest-paths.json'), 'utf8')) as string[];
    const generic = m.filter((p) => contentType(p) === 'application/octet-stream');
    expect(generic.every((p) => /\.(pagefind|pf_fragment|pf_index|pf_meta|pf_filter)$/.test(p))).toBe(true);
  });
});

describe('git credentials', () => {
  it('sends a token only in the environment, scoped to the remote, and never prompts', () => {
    const settings = GitSettings.parse({ url: 'https://codeberg.org/fernhill/pages.git', branch: 'pages', username: 'fernhill' });
    const env = gitEnv(settings, { token: 's3cr3t-token' }, 'dana', {});
    expect(env.GIT_TERMINAL_PROMPT).toBe('0');
    expect(env.GIT_CONFIG_COUNT).toBe('2');
    expect(env.GIT_CONFIG_KEY_1).toBe('http.https://codeberg.org/fernhill/pages.git.extraHeader');
    expect(env.GIT_CONFIG_VALUE_1).toBe(`Authorization: Basic ${Buffer.from('fernhill:s3cr3t-token').toString('base64')}`);
    expect(env.GIT_AUTHOR_NAME).toBe('dana (Candor)');
    const none = gitEnv(settings, {}, 'dana', { GIT_SSH_COMMAND: 'ssh -i key' });
    expect(none.GIT_CONFIG_COUNT).toBe('0');
    expect(none.GIT_SSH_COMMAND).toBe('ssh -i key');
  });
});
