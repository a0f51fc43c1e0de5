import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSite } from '../../electron/core/publish/publish.ts';
import type { OpenRemote } from '../../electron/core/publish/remote.ts';
import { publishToTarget } from '../../electron/core/publish/run.ts';
import { memorySecretStore } from '../../electron/core/publish/secrets.ts';
import { openSftp } from '../../electron/core/publish/sftp.ts';
import { getTarget, saveTarget } from '../../electron/core/publish/targets.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { cli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/workspace.ts';
import { demoSites } from './demo.ts';
import type { DemoSites } from './demo.ts';
import { downloadSftp } from './download.ts';
import { ON_CI, sshdMissing, startSshd } from './servers.ts';
import type { SshServer } from './servers.ts';

// The demo site published over SFTP to Debian's OpenSSH server, started by this test on a loopback port with its
// own host key, as a classic web host.

const missing = sshdMissing();
if (missing && ON_CI) throw new Error(`CI must run the SFTP publish tests: ${missing}`);

let t: ReturnType<typeof tempDir>;
let demo: DemoSites;
let ssh: SshServer;
let ws: Workspace;
const secrets = memorySecretStore();

/** Every file the server holds, with its inode: a file written again (a new file renamed over it) gets a new one. */
function inodes(): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(relative(ssh.root, full).split('\\').join('/'), statSync(full).ino);
    }
  };
  walk(ssh.root);
  return out;
}

async function freshDownloadVerifies(name: string): Promise<{ ok: boolean; files: number }> {
  const dir = join(t.dir, name);
  await downloadSftp(ssh, dir);
  return JSON.parse((await cli(['verify', dir, '--json'])).stdout) as { ok: boolean; files: number };
}

describe.skipIf(missing !== null)(`publishing over SFTP${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    t = tempDir('candor-publish-sftp-');
    demo = await demoSites(t.dir);
    ssh = await startSshd(join(t.dir, 'ssh'));
    ws = openWorkspace(demo.ws, { actor: 'tester' });
    const target = saveTarget(ws, { name: 'host', kind: 'sftp', settings: { host: ssh.host, port: ssh.port, username: ssh.username, dir: ssh.root } });
    await secrets.set(target.id, { privateKey: ssh.privateKey });
  }, 120_000);

  afterAll(async () => {
    ws?.close();
    await ssh?.close();
    t?.cleanup();
  });

  it('publishes the whole site, trusts and saves the server’s host key at the first connection, and a fresh download verifies', async () => {
    const r = await publishToTarget(ws, { target: 'host', dir: demo.v1, secrets });
    expect(r.trustedHostKey).toBe(ssh.hostKeyFingerprint);
    expect(getTarget(ws.db, 'host').settings).toMatchObject({ hostKey: ssh.hostKeyFingerprint });
    expect(r.uploaded).toHaveLength(demo.m1.files.length + 1);
    expect(r.uploaded.at(-1)).toBe('manifest.json');
    expect(await freshDownloadVerifies('download-1')).toMatchObject({ ok: true, files: demo.m1.files.length });
  });

  it('after one conversation changed, writes only the changed files and the manifest on the server, and removes what is gone', async () => {
    const before = inodes();
    const r = await publishToTarget(ws, { target: 'host', dir: demo.v2, secrets });
    expect(r.trustedHostKey).toBeNull();
    const after = inodes();
    const written = [...after].filter(([p, ino]) => before.get(p) !== ino).map(([p]) => p).sort();
    expect(written).toEqual([...demo.changed, 'manifest.json'].sort());
    for (const p of demo.removed) expect(after.has(p)).toBe(false);
    expect(r.deleted).toEqual(demo.removed);
    expect(await freshDownloadVerifies('download-2')).toMatchObject({ ok: true, files: demo.m2.files.length });
  });

  it('a failure part-way, or a cancellation, puts back the files already replaced: the server keeps the previous site', async () => {
    const target = getTarget(ws.db, 'host');
    const keys = await secrets.get(target.id);
    const context = { cacheDir: join(t.dir, 'cache'), actor: 'tester' };
    // The real server, with the connection dropping at the 9th file.
    let puts = 0;
    const flaky: OpenRemote = async (...args) => {
      const remote = await openSftp(...args);
      return { ...remote, put: async (f, s) => { if (++puts === 9) throw new Error('Connection lost'); return remote.put(f, s); } };
    };
    await expect(publishSite({ target, siteDir: demo.v1, secrets: keys, context, open: flaky })).rejects.toThrow(/Connection lost\. The 8 files already sent were put back as they were: the site online is the previous one, unchanged\. Publish again to retry\./);
    expect(await freshDownloadVerifies('download-3')).toMatchObject({ ok: true, files: demo.m2.files.length });

    const controller = new AbortController();
    let sent = 0;
    const cancelling: OpenRemote = async (...args) => {
      const remote = await openSftp(...args);
      return { ...remote, put: async (f, s) => { await remote.put(f, s); if (++sent === 5) controller.abort(); } };
    };
    const cancelled = await publishSite({ target, siteDir: demo.v1, secrets: keys, context, open: cancelling, signal: controller.signal }).catch((e: unknown) => e as Error & { code: string });
    expect(cancelled).toMatchObject({ code: 'CANCELLED' });
    expect((cancelled as Error).message).toMatch(/^Publishing was cancelled\. The 5 files already sent were put back as they were: the site online is the previous one, unchanged\. Publish again to finish\.$/);
    expect(await freshDownloadVerifies('download-4')).toMatchObject({ ok: true, files: demo.m2.files.length });
    expect([...inodes().keys()].filter((p) => p.includes('.candor-'))).toEqual([]);
  });

  it('refuses a server whose host key changed, and a wrong key, without sending anything', async () => {
    const before = inodes();
    saveTarget(ws, { name: 'host', previous: 'host', kind: 'sftp', settings: { ...getTarget(ws.db, 'host').settings, hostKey: `SHA256:${'A'.repeat(43)}` } });
    await expect(publishToTarget(ws, { target: 'host', dir: demo.v1, secrets })).rejects.toThrow(`answered with the host key ${ssh.hostKeyFingerprint}`);
    saveTarget(ws, { name: 'host', previous: 'host', kind: 'sftp', settings: { ...getTarget(ws.db, 'host').settings, hostKey: ssh.hostKeyFingerprint } });
    const other = saveTarget(ws, { name: 'host-password', kind: 'sftp', settings: { host: ssh.host, port: ssh.port, username: ssh.username, dir: ssh.root, hostKey: ssh.hostKeyFingerprint } });
    await secrets.set(other.id, { password: 'not-the-password' });
    await expect(publishToTarget(ws, { target: 'host-password', dir: demo.v1, secrets })).rejects.toThrow(/refused the login of .* Check the target's password or private key/);
    expect(inodes()).toEqual(before);
  });
});
