import { mkdirSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../electron/core/http.ts';
import type { HttpServer } from '../../electron/core/http.ts';
import { startCoreWorker } from '../../electron/core/host-client.ts';
import { createClient, httpTransport, CandorApiError } from '../../electron/shared/client.ts';
import { contract } from '../../electron/shared/contract.ts';
import { handlers } from '../../electron/core/index.ts';
import { jsonl, makeThreads, tempDir, writeTemp } from '../helpers/workspace.ts';
import { minimalRenderer, openTab, signIn } from './web-login.ts';
import type { WebTab } from './web-login.ts';

// `npm run web`'s transport: the contract over loopback HTTP to the real core host (on a worker thread), a browser
// signed in by the one-time link, a session per tab, and the site preview on an origin of its own.
let host: ReturnType<typeof startCoreWorker>;
let server: HttpServer;
let dir: string;
let tab: WebTab;
const cleanups: (() => void | Promise<void>)[] = [];
beforeAll(async () => {
  host = startCoreWorker();
  await host.ready;
});
afterAll(async () => {
  await host.shutdown();
});
beforeEach(async () => {
  const t = tempDir();
  dir = t.dir;
  server = await startHttpServer({ host, staticDir: minimalRenderer() });
  tab = await openTab(server.url, await signIn(server.loginUrl));
  cleanups.push(t.cleanup, () => server.close());
});
afterEach(async () => { while (cleanups.length) await cleanups.pop()!(); });

const client = (t: WebTab = tab) => createClient(httpTransport(server.url, t.token, { headers: t.headers }));

describe('the typed contract over loopback HTTP', () => {
  it('every channel in the contract has a handler, and no handler lacks a channel', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('runs a whole flow: create a workspace, import, search, decide, read the audit log', async () => {
    const api = client();
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
    const api = client();
    const none = await api.invoke('threads.search', {});
    expect(none).toEqual({ ok: false, error: { code: 'NO_WORKSPACE', message: expect.stringContaining('No workspace is open') } });
    await expect(api.call('workspace.open', { dir: join(dir, 'missing') })).rejects.toBeInstanceOf(CandorApiError);
    const bad = await api.invoke('threads.search', { limit: -5 } as never);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('BAD_REQUEST');
  });

  it('refuses calls without the browser\'s cookie or the tab\'s session, from another origin, or for another host', async () => {
    const post = (headers: Record<string, string>) => fetch(`${server.url}/api/workspace.current`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: `Bearer ${tab.token}` })).status).toBe(401);
    expect((await post({ cookie: tab.cookie, authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post({ cookie: 'candor_browser=guess', authorization: `Bearer ${tab.token}` })).status).toBe(401);
    expect((await post({ cookie: tab.cookie, authorization: `Bearer ${tab.token}`, origin: 'http://evil.example' })).status).toBe(403);
    // fetch() will not send another Host header; a DNS-rebinding page would.
    const rebound = await new Promise<number>((ok, fail) => {
      request(`${server.url}/api/workspace.current`, { method: 'POST', headers: { host: `evil.example:${server.port}`, cookie: tab.cookie, authorization: `Bearer ${tab.token}` } }, (res) => ok(res.statusCode ?? 0)).on('error', fail).end('{}');
    });
    expect(rebound).toBe(421);
    const ok = await post({ cookie: tab.cookie, authorization: `Bearer ${tab.token}` });
    expect(await ok.json()).toEqual({ ok: true, value: null });
    const unknown = await fetch(`${server.url}/api/nope`, { method: 'POST', headers: { cookie: tab.cookie, authorization: `Bearer ${tab.token}` }, body: '{}' });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('hands no session to a page or process that asks: only the one-time link signs a browser in', async () => {
    const asked = await fetch(`${server.url}/`);
    expect(asked.status).toBe(401);
    const text = await asked.text();
    expect(text).not.toContain('candor-api-token');
    expect(text).toContain('sign-in link');
    expect(asked.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // The link works once; the cookie it set is HttpOnly and SameSite=Strict.
    expect((await fetch(server.loginUrl, { redirect: 'manual' })).status).toBe(403);
    const again = await startHttpServer({ host, staticDir: minimalRenderer(), loginKey: 'known-key-for-this-test' });
    cleanups.push(() => again.close());
    const first = await fetch(again.loginUrl, { redirect: 'manual' });
    expect(first.headers.get('set-cookie')).toMatch(/^candor_browser=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect((await fetch(`${again.url}/login/wrong-key`, { redirect: 'manual' })).status).toBe(403);
    // The app page, signed in: a strict CSP that nothing may frame, and the preview origin the only frame allowed.
    const page = await fetch(`${server.url}/`, { headers: { cookie: tab.cookie } });
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`frame-src ${server.previewUrl}`);
    expect(csp).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    // The page's own <meta> CSP lets the preview origin into the frame too (both policies apply).
    expect(await page.text()).toContain(`frame-src ${server.previewUrl} 'self' candor://preview`);
  });

  it('gives each tab its own workspace, and refuses a call made for a workspace the tab no longer has open', async () => {
    const other = await openTab(server.url, tab.cookie);
    await client().call('workspace.init', { dir: join(dir, 'a'), name: 'Alpha' });
    await client(other).call('workspace.init', { dir: join(dir, 'b'), name: 'Beta' });
    expect(await client().call('workspace.current', {})).toMatchObject({ name: 'Alpha' });
    expect(await client(other).call('workspace.current', {})).toMatchObject({ name: 'Beta' });

    const post = (t: WebTab, channel: string, body: unknown, workspace?: string) => fetch(`${server.url}/api/${channel}`, {
      method: 'POST',
      headers: { cookie: t.cookie, authorization: `Bearer ${t.token}`, 'content-type': 'application/json', ...(workspace !== undefined ? { 'x-candor-workspace': workspace } : {}) },
      body: JSON.stringify(body),
    });
    const alpha = (await post(tab, 'workspace.current', {})).headers.get('x-candor-workspace')!;
    expect(alpha).toMatch(/^[\w-]{8,}$/);
    await post(tab, 'workspace.open', { dir: join(dir, 'b') }, alpha);
    const stale = await post(tab, 'curation.decide', { target: { query: {} }, decision: 'publish' }, alpha);
    expect(await stale.json()).toMatchObject({ ok: false, error: { code: 'WORKSPACE_CHANGED', message: expect.stringContaining(join(dir, 'b')) } });
    // The transport names the workspace by itself: after the refusal it knows the one now open.
    expect(await client().call('workspace.current', {})).toMatchObject({ name: 'Beta' });
  });

  it('listens on the loopback address only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('the site preview, on an origin of its own', () => {
  it('serves the tab\'s last built site under the site\'s script-free CSP, and nothing through a link or outside', async () => {
    expect(server.previewUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.previewUrl).not.toBe(server.url);
    const api = client();
    await api.call('workspace.init', { dir: join(dir, 'ws'), name: 'Acme' });
    const info = await api.call('app.info', {});
    expect(info.previewBase.startsWith(`${server.previewUrl}/`)).toBe(true);
    const get = (path: string) => fetch(new URL(path, info.previewBase));
    expect(await (await get('index.html')).text()).toBe('No site has been built yet.');
    const built = await api.call('site.preview', { search: false });
    const home = await get('index.html');
    expect([home.status, home.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(home.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(home.headers.get('content-security-policy')).toContain(`frame-ancestors ${server.url}`);
    expect(home.headers.get('access-control-allow-origin')).toBeNull();
    // A link put into the site folder is not followed, whether it leads inside or out of it.
    writeTemp(dir, 'secret.txt', 'outside');
    symlinkSync(join(dir, 'secret.txt'), join(built.out, 'leak.txt'));
    symlinkSync(join(built.out, 'index.html'), join(built.out, 'alias.html'));
    mkdirSync(join(built.out, 'real'));
    writeTemp(join(built.out, 'real'), 'index.html', '<p>real</p>');
    symlinkSync(join(built.out, 'real'), join(built.out, 'linked'));
    for (const path of ['leak.txt', 'alias.html', 'linked/index.html', 'linked/', '../secret.txt', '%2e%2e/secret.txt']) expect((await get(path)).status, path).toBe(404);
    expect(await (await get('real/')).text()).toBe('<p>real</p>');
    // Another tab's preview key, or none, shows nothing; the app's port serves no preview.
    expect((await fetch(`${server.previewUrl}/not-a-key/index.html`)).status).toBe(404);
    expect((await fetch(`${server.url}/preview/index.html`, { headers: { cookie: tab.cookie } })).status).toBe(404);
  }, 60_000);
});
