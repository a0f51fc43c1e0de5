import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { protocolResponse, resolveProtocolRequest } = await import('../../electron/main/protocol.ts');

const csp = { app: 'APP-CSP', preview: 'PREVIEW-CSP' };

describe('the candor:// protocol', () => {
  const roots = { app: '/dist/renderer', preview: () => '/sites/acme' as string | null };

  it('serves the renderer from candor://app with the app CSP', () => {
    const a = resolveProtocolRequest('candor://app/index.html', roots, csp);
    expect(a).toMatchObject({ status: 200, file: '/dist/renderer/index.html' });
    expect(a.headers['content-security-policy']).toBe('APP-CSP');
    expect(a.headers['content-type']).toMatch(/^text\/html/);
    expect(resolveProtocolRequest('candor://app/', roots, csp).file).toBe('/dist/renderer/index.html');
  });

  it('serves the built site from candor://preview with the preview CSP', () => {
    const a = resolveProtocolRequest('candor://preview/threads/t1/', roots, csp);
    expect(a).toMatchObject({ status: 200, file: '/sites/acme/threads/t1' });
    expect(a.headers['content-security-policy']).toBe('PREVIEW-CSP');
  });

  it('says so when no site has been built', () => {
    const a = resolveProtocolRequest('candor://preview/index.html', { ...roots, preview: () => null }, csp);
    expect(a).toMatchObject({ status: 404, body: 'No site has been built yet.' });
  });

  it.each([
    'candor://app/../../etc/passwd',
    'candor://app/%2e%2e/%2e%2e/etc/passwd',
    'candor://app/..%2f..%2fetc/passwd',
    'candor://other/index.html',
    'https://app/index.html',
    'candor://app/%00',
  ])('never leaves its folder: %s', (url) => {
    const a = resolveProtocolRequest(url, roots, csp);
    if (a.status === 200) expect(a.file!.startsWith('/dist/renderer/')).toBe(true);
    else expect(a.status).toBe(404);
  });

  it('reads files, folders as their index.html, and answers 404 for what is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-proto-'));
    mkdirSync(join(dir, 'threads'));
    writeFileSync(join(dir, 'index.html'), '<h1>home</h1>');
    writeFileSync(join(dir, 'threads', 'index.html'), '<h1>threads</h1>');
    const r1 = await protocolResponse(resolveProtocolRequest('candor://preview/', { app: dir, preview: () => dir }, csp));
    expect(await r1.text()).toBe('<h1>home</h1>');
    const r2 = await protocolResponse(resolveProtocolRequest('candor://preview/threads', { app: dir, preview: () => dir }, csp));
    expect(await r2.text()).toBe('<h1>threads</h1>');
    expect(r2.headers.get('content-type')).toMatch(/text\/html/);
    const r3 = await protocolResponse(resolveProtocolRequest('candor://preview/missing.css', { app: dir, preview: () => dir }, csp));
    expect(r3.status).toBe(404);
  });

  it('refuses any symbolic link in the preview, whether it leads out of the site folder or stays inside', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'candor-secret-'));
    writeFileSync(join(outside, 'secret.txt'), 'private');
    const site = mkdtempSync(join(tmpdir(), 'candor-site-'));
    writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
    mkdirSync(join(site, 'real'));
    writeFileSync(join(site, 'real', 'index.html'), '<p>real</p>');
    symlinkSync(join(outside, 'secret.txt'), join(site, 'leak.txt'));
    symlinkSync(outside, join(site, 'folder'));
    symlinkSync(join(site, 'index.html'), join(site, 'alias.html'));
    symlinkSync(join(site, 'real'), join(site, 'linked'));
    const get = (path: string) => protocolResponse(resolveProtocolRequest(`candor://preview/${path}`, { app: site, preview: () => site }, csp));
    for (const path of ['leak.txt', 'folder/secret.txt', 'alias.html', 'linked/', 'linked/index.html']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(await r.text()).not.toContain('private');
    }
    expect(await (await get('real/')).text()).toBe('<p>real</p>');
    // The site folder itself may sit behind a link (a synced folder): what is inside it is still served.
    const linkedSite = join(mkdtempSync(join(tmpdir(), 'candor-link-')), 'site');
    symlinkSync(site, linkedSite);
    const r = await protocolResponse(resolveProtocolRequest('candor://preview/index.html', { app: site, preview: () => linkedSite }, csp));
    expect(await r.text()).toBe('<h1>home</h1>');
  });
});
