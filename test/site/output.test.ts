import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeManifest } from '../../electron/core/site/manifest.ts';
import type { BuildInfo } from '../../electron/core/site/manifest.ts';
import { commitInPlace, prepareOutput, recoverOutput } from '../../electron/core/site/output.ts';
import { sha256 } from '../../electron/core/site/site-writer.ts';
import { serveSite } from '../../electron/core/site/serve.ts';
import { resolveStatic } from '../../electron/core/static-files.ts';
import { tempDir } from '../helpers/workspace.ts';

const BUILD: BuildInfo = {
  generator: 'Candor test', organisation: 'Acme', theme: 'default', baseUrl: null, dataVersion: 1, lastUpdated: null, threads: 0, withheld: 0, pending: 0,
  claims: 0, pages: 0, search: false, signed: false, publicKeyFingerprint: null,
};

function site(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  writeFileSync(join(dir, 'manifest.json'), serializeManifest(BUILD, Object.entries(files).map(([path, text]) => ({ path, sha256: sha256(text), size: Buffer.byteLength(text) }))));
}

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

describe('the output folder', () => {
  it('moves only changed files into a previous site, deletes what is gone, and moves the manifest last', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const target = join(t.dir, 'site');
    site(target, { 'index.html': 'old home', 'threads/a.html': 'a', 'threads/b.html': 'b' });
    const out = prepareOutput(target);
    expect(out.previous).toBe(target);
    site(out.temp, { 'index.html': 'new home', 'threads/a.html': 'a', 'threads/c.html': 'c' });
    const files = [['index.html', 'new home'], ['threads/a.html', 'a'], ['threads/c.html', 'c']].map(([path, text]) => ({ path: path!, sha256: sha256(text!), size: text!.length }));
    await commitInPlace(out, files, new Map([['index.html', { sha256: sha256('old home'), size: 8 }], ['threads/a.html', { sha256: sha256('a'), size: 1 }], ['threads/b.html', { sha256: sha256('b'), size: 1 }]]));
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new home');
    expect(readdirSync(join(target, 'threads')).sort()).toEqual(['a.html', 'c.html']);
    expect(readFileSync(join(target, 'manifest.json'), 'utf8')).toContain('threads/c.html');
    expect(readdirSync(t.dir)).toEqual(['site']);
  });

  it('finishes an interrupted rebuild before the next one starts', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const target = join(t.dir, 'site');
    site(target, { 'index.html': 'old', 'gone.html': 'x' });
    const temp = join(t.dir, '.site.candor-build-1-dead');
    site(temp, { 'index.html': 'new' });
    // The process died after moving nothing: the journal is all there is.
    writeFileSync(join(t.dir, '.site.candor-commit.json'), JSON.stringify({ temp, moves: ['index.html'], deletes: ['gone.html'], last: ['manifest.sig', 'manifest.json'] }));
    expect(recoverOutput(target)).toBe(true);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(target, 'gone.html'))).toBe(false);
    expect(readFileSync(join(target, 'manifest.json'), 'utf8')).not.toContain('gone.html');
    expect(readdirSync(t.dir)).toEqual(['site']);
    expect(recoverOutput(target)).toBe(false);
  });

  it('refuses a non-empty folder that is not a Candor site', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    writeFileSync(join(t.dir, 'notes.txt'), 'mine');
    expect(() => prepareOutput(t.dir)).toThrow(/not a site Candor built/);
    expect(readdirSync(t.dir)).toEqual(['notes.txt']);
  });
});

describe('candor serve', () => {
  it('serves files inside the site only, with the right types', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const dir = join(t.dir, 'site');
    site(dir, { 'index.html': '<!DOCTYPE html><title>x</title>', 'assets/site.css': 'body{}', '404.html': 'not here', 'data/threads.json': '{}' });
    writeFileSync(join(t.dir, 'secret.txt'), 'outside');
    const root = realpathSync(dir);
    writeFileSync(join(dir, '.hidden'), 'dotfile');
    symlinkSync(join(t.dir, 'secret.txt'), join(dir, 'assets', 'link.txt'));
    expect(resolveStatic(root, '/../secret.txt')).toBeNull();
    expect(resolveStatic(root, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveStatic(root, '/.hidden')).toBeNull();
    expect(resolveStatic(root, '/assets/')).toBeNull();
    expect(resolveStatic(root, '/assets/link.txt')).toBeNull();
    expect(resolveStatic(root, '/assets/site.css')).toBe(join(root, 'assets', 'site.css'));
    expect(resolveStatic(root, '/')).toBe(join(root, 'index.html'));
    const server = await serveSite(dir);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const home = await fetch(server.url);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(home.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await fetch(`${server.url}assets/site.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect((await fetch(`${server.url}data/threads.json`)).headers.get('content-type')).toBe('application/json; charset=utf-8');
      const missing = await fetch(`${server.url}nope.html`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe('not here');
      expect((await fetch(`${server.url}index.html`, { method: 'POST' })).status).toBe(405);
      for (const path of ['.hidden', 'assets/link.txt', '%2e%2e/secret.txt']) {
        const refused = await fetch(`${server.url}${path}`);
        expect(refused.status).toBe(404);
        expect(await refused.text()).toBe('not here');
      }
      const head = await fetch(`${server.url}data/threads.json`, { method: 'HEAD' });
      expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, '2', '']);
      const part = await fetch(`${server.url}assets/site.css`, { headers: { range: 'bytes=0-3' } });
      expect([part.status, await part.text()]).toEqual([206, 'body']);
    } finally {
      await server.close();
    }
  });
});
