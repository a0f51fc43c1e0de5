import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import type { Core } from '../../electron/core/index.ts';
import { startHttpServer } from '../../electron/core/http.ts';
import type { HttpServer } from '../../electron/core/http.ts';
import { createClient, httpTransport, CandorApiError } from '../../electron/shared/client.ts';
import { contract } from '../../electron/shared/contract.ts';
import { handlers } from '../../electron/core/index.ts';
import { jsonl, makeThreads, tempDir, writeTemp } from '../helpers/workspace.ts';

let core: Core;
let server: HttpServer;
let dir: string;
const cleanups: (() => void | Promise<void>)[] = [];
beforeEach(async () => {
  const t = tempDir();
  dir = t.dir;
  core = createCore();
  server = await startHttpServer({ core });
  cleanups.push(t.cleanup, () => core.close(), () => server.close());
});
afterEach(async () => { while (cleanups.length) await cleanups.pop()!(); });

describe('the typed contract over loopback HTTP', () => {
  it('every channel in the contract has a handler, and no handler lacks a channel', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('runs a whole flow: create a workspace, import, search, decide, read the audit log', async () => {
    const api = createClient(httpTransport(server.url, server.token));
    const info = await api.call('workspace.init', { dir: join(dir, 'ws'), name: 'Acme' });
    expect(info).toMatchObject({ name: 'Acme', threads: 0 });
    const file = writeTemp(dir, 'a.jsonl', jsonl(makeThreads(3)));
    const detected = await api.call('imports.detect', { files: [file] });
    expect(detected.files[0]!.format).toBe('json');
    const { reports } = await api.call('imports.run', { files: [file] });
    expect(reports[0]).toMatchObject({ threadsCreated: 3, messagesCreated: 9 });
    const page = await api.call('threads.search', { query: 'delivery' });
    expect(page.total).toBe(1);
    const decided = await api.call('curation.decide', { target: { ids: [page.threads[0]!.id] }, decision: 'withhold', reason: 'legal' });
    expect(decided.changed).toBe(1);
    const { entries } = await api.call('audit.list', { entityType: 'thread' });
    expect(entries.map((e) => e.action)).toContain('thread.decide');
  });

  it('errors come back as values with a code and a message for people', async () => {
    const api = createClient(httpTransport(server.url, server.token));
    const none = await api.invoke('threads.search', {});
    expect(none).toEqual({ ok: false, error: { code: 'NO_WORKSPACE', message: expect.stringContaining('No workspace is open') } });
    await expect(api.call('workspace.open', { dir: join(dir, 'missing') })).rejects.toBeInstanceOf(CandorApiError);
    const bad = await api.invoke('threads.search', { limit: -5 } as never);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('BAD_REQUEST');
  });

  it('refuses calls without the per-run token, from another origin, or for another host', async () => {
    const post = (headers: Record<string, string>) => fetch(`${server.url}/api/workspace.current`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post({ authorization: `Bearer ${server.token}`, origin: 'http://evil.example' })).status).toBe(403);
    const ok = await post({ authorization: `Bearer ${server.token}` });
    expect(await ok.json()).toEqual({ ok: true, value: null });
    const unknown = await fetch(`${server.url}/api/nope`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` }, body: '{}' });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('listens on the loopback address only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('the harness\'s static files: the built renderer and the last site built, at /preview/', () => {
  it('serves both through the one static file server: types, index pages, the token in the app page only, nothing outside', async () => {
    const app = join(dir, 'app');
    const site = join(dir, 'site');
    for (const d of [join(app, 'assets'), join(site, 'threads'), join(site, 'search', '0')]) mkdirSync(d, { recursive: true });
    writeTemp(app, 'index.html', '<!doctype html><html><head><title>app</title></head><body></body></html>');
    writeTemp(app, 'assets/app.js', 'console.log(1)');
    writeTemp(site, 'index.html', '<h1>home</h1>');
    writeTemp(site, 'threads/index.html', '<h1>threads</h1>');
    writeTemp(site, 'search/0/pagefind-entry.json', '{}');
    writeTemp(site, 'search/0/en_1.pf_meta', 'x');
    writeTemp(dir, 'secret.txt', 'outside');
    let preview: string | null = null;
    const harness = await startHttpServer({ core, staticDir: app, previewDir: () => preview });
    cleanups.push(() => harness.close());
    const get = (path: string, init?: RequestInit) => fetch(`${harness.url}${path}`, init);
    expect(await (await get('/preview/')).text()).toBe('No site has been built yet.');
    preview = site;
    const home = await get('/preview/');
    expect([home.status, home.headers.get('content-type'), await home.text()]).toEqual([200, 'text/html; charset=utf-8', '<h1>home</h1>']);
    expect(await (await get('/preview/threads/')).text()).toBe('<h1>threads</h1>');
    expect((await get('/preview/search/0/pagefind-entry.json')).headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await get('/preview/search/0/en_1.pf_meta')).headers.get('content-type')).toBe('application/octet-stream');
    for (const path of ['/preview/../secret.txt', '/preview/%2e%2e/secret.txt', '/preview/missing.html']) expect((await get(path)).status).toBe(404);
    const page = await get('/');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain(`<meta name="candor-api-token" content="${harness.token}"></head>`);
    const script = await get('/assets/app.js');
    expect([script.headers.get('content-type'), await script.text()]).toEqual(['text/javascript; charset=utf-8', 'console.log(1)']);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
  });
});
