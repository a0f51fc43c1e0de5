import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { previewTracker, siteOutputDir } from '../../electron/shared/preview.ts';
import { minimalRenderer, openTab, signIn } from './web-login.ts';

// The browser harness (npm run web) and the core's answers to the app-level channels there.
const REPO = resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGTERM');
});

function startWeb(args: string[]): Promise<{ child: ChildProcess; url: string; login: string }> {
  const child = spawn(process.execPath, [join(REPO, 'electron/cli/web.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)\/\nSign in: open (\S+) /.exec(out);
      if (m) ok({ child, url: m[1]!, login: m[2]! });
    });
    child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('exit', (code) => fail(new Error(`web.ts exited ${code}: ${out}`)));
  });
}

describe('npm run web', () => {
  it('serves the app on 127.0.0.1 to the browser signed in by the one-time link printed on the terminal', async () => {
    const staticDir = minimalRenderer();
    const { url, child, login } = await startWeb(['--port', '0', '--static', staticDir]);
    expect(login).toMatch(new RegExp(`^${url}/login/[\\w-]{20,}$`));
    // Asked without signing in, the page holds no session.
    expect(await (await fetch(`${url}/`)).text()).not.toContain('candor-api-token');
    const tab = await openTab(url, await signIn(login));
    const call = (channel: string, body: unknown, auth = `Bearer ${tab.token}`) => fetch(`${url}/api/${channel}`, { method: 'POST', headers: { authorization: auth, cookie: tab.cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await call('app.info', {}, 'Bearer wrong')).status).toBe(401);
    expect(await (await call('app.info', {})).json()).toMatchObject({ ok: true, value: { shell: 'browser', dialogs: false, previewBase: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/$/) } });
    expect(await (await call('app.pick', { purpose: 'import-files' })).json()).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    // The link works once.
    expect((await fetch(login, { redirect: 'manual' })).status).toBe(403);

    // A second run gets another link.
    const second = await startWeb(['--port', '0', '--static', staticDir]);
    expect(second.login).not.toBe(login);

    // Ctrl+C: an orderly stop.
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 30_000);

  it('says how to build the app when it has not been built', async () => {
    const child = spawn(process.execPath, [join(REPO, 'electron/cli/web.ts'), '--static', join(tmpdir(), 'nothing-here')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(1);
    expect(err).toContain('npm run build');
  });
});

describe('app channels answered by the core (browser harness)', () => {
  it('keeps recent workspaces and preferences in memory, per core', async () => {
    const core = createCore();
    const ok = async (c: string, r: unknown) => {
      const x = await core.dispatch(c, r);
      if (!x.ok) throw new Error(x.error.message);
      return x.value;
    };
    await ok('app.recent.add', { dir: '/a', name: 'A' });
    await ok('app.recent.add', { dir: '/b', name: 'B' });
    await ok('app.recent.add', { dir: '/a', name: 'A' });
    expect((await ok('app.recent.list', {}) as { workspaces: { dir: string }[] }).workspaces.map((w) => w.dir)).toEqual(['/a', '/b']);
    expect(await ok('app.preferences.set', { theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(await ok('app.preferences.get', {})).toEqual({ theme: 'dark' });
    // Another core (another run) starts with none.
    const other = createCore();
    expect(await other.dispatch('app.recent.list', {})).toEqual({ ok: true, value: { workspaces: [] } });
    other.close();
    for (const channel of ['app.pick', 'app.openPath', 'app.openExternal']) {
      const r = await core.dispatch(channel, channel === 'app.pick' ? { purpose: 'export-folder' } : channel === 'app.openPath' ? { path: '/tmp' } : { url: 'https://example.com' });
      expect(r).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    }
    core.close();
  });

  it('creates and opens the demo workspace', async () => {
    const core = createCore();
    const dir = join(mkdtempSync(join(tmpdir(), 'candor-demo-')), 'demo');
    const r = await core.dispatch('app.demo', { dir });
    expect(r).toMatchObject({ ok: true, value: { dir, name: expect.stringContaining('Fernhill') } });
    expect((r as { value: { threads: number } }).value.threads).toBeGreaterThan(200);
    // Again: the open demo is let go of and replaced.
    expect(await core.dispatch('app.demo', { dir })).toMatchObject({ ok: true });
    expect(existsSync(join(dir, 'workspace.json'))).toBe(true);
    core.close();
  }, 60_000);

  it('previews only folders the core itself just built', async () => {
    expect(siteOutputDir('site.build', { ok: true, value: { out: '/sites/a' } })).toBe('/sites/a');
    expect(siteOutputDir('site.build', { ok: false, error: { code: 'X', message: '' } })).toBeNull();
    expect(siteOutputDir('workspace.open', { ok: true, value: { dir: '/ws' } })).toBeNull();
    const tracker = previewTracker();
    const wrapped = tracker.wrap(async (channel) => ({ ok: true, value: channel === 'site.preview' ? { out: '/ws/.site-preview/default' } : { dir: '/ws' } }));
    await wrapped('site.preview', {});
    expect(tracker.dir()).toBe('/ws/.site-preview/default');
    await wrapped('workspace.open', { dir: '/other' });
    expect(tracker.dir()).toBeNull();
  });
});

describe('core channels added for the app', () => {
  it('imports.csvSample gives a CSV’s header and first rows for the mapping step', async () => {
    const core = createCore();
    const r = await core.dispatch('imports.csvSample', { file: join(REPO, 'test/fixtures/import/csv/messages.csv'), rows: 2 });
    expect(r).toMatchObject({ ok: true, value: { columns: ['Ticket', 'Sent (UTC)', 'From type', 'Author', 'Author email', 'Message', 'Internal', 'Subject', 'Order number', 'Tags'] } });
    expect((r as { value: { rows: string[][] } }).value.rows).toHaveLength(2);
    expect((r as { value: { rows: string[][] } }).value.rows[0]![0]).toBe('T-1');
    core.close();
  });

  it('audit.list pages newest first with beforeSeq', async () => {
    const core = createCore();
    const dir = join(mkdtempSync(join(tmpdir(), 'candor-audit-')), 'ws');
    await core.dispatch('workspace.init', { dir, name: 'Audit' });
    await core.dispatch('imports.run', { files: [join(REPO, 'test/fixtures/import/zendesk/tickets.json')] });
    const all = await core.dispatch('audit.list', {}) as { ok: true; value: { entries: { seq: number }[] } };
    const seqs = all.value.entries.map((e) => e.seq);
    expect(seqs.length).toBeGreaterThan(3);
    const first = await core.dispatch('audit.list', { newest: true, limit: 2 }) as typeof all;
    expect(first.value.entries.map((e) => e.seq)).toEqual([...seqs].reverse().slice(0, 2));
    const next = await core.dispatch('audit.list', { newest: true, limit: 2, beforeSeq: first.value.entries[1]!.seq }) as typeof all;
    expect(next.value.entries.map((e) => e.seq)).toEqual([...seqs].reverse().slice(2, 4));
    core.close();
  });
});
