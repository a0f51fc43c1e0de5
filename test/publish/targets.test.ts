import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { memorySecretStore, resolveSecrets } from '../../electron/core/publish/secrets.ts';
import { secretEnvName, SECRET_FIELDS } from '../../electron/shared/model/publish-target.ts';
import { getTarget, listTargets, removeTarget, saveTarget } from '../../electron/core/publish/targets.ts';
import { listAudit } from '../../electron/core/store/audit.ts';
import { cli } from '../helpers/cli.ts';
import { runCli, tempDir, tempWorkspace } from '../helpers/workspace.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function workspace() {
  const w = tempWorkspace();
  cleanups.push(w.cleanup);
  return w;
}

describe('publish targets in the workspace', () => {
  it('adds, changes, renames and removes targets, each change audited', () => {
    const { ws } = workspace();
    saveTarget(ws, { name: 'production', kind: 's3', settings: { bucket: 'fernhill-site', region: 'auto', endpoint: 'https://acct.r2.cloudflarestorage.com' } });
    saveTarget(ws, { name: 'pages', kind: 'git', settings: { url: 'git@github.com:fernhill/transparency.git' } });
    expect(listTargets(ws.db).map((t) => [t.name, t.kind])).toEqual([['pages', 'git'], ['production', 's3']]);
    expect(getTarget(ws.db, 'pages').settings).toEqual({ url: 'git@github.com:fernhill/transparency.git', branch: 'gh-pages' });
    saveTarget(ws, { name: 'live', previous: 'production', kind: 's3', settings: { bucket: 'fernhill-site-2', region: 'auto' } });
    expect(getTarget(ws.db, 'live').settings).toEqual({ bucket: 'fernhill-site-2', region: 'auto' });
    removeTarget(ws, 'pages');
    expect(listAudit(ws.db, { entityType: 'publish_target' }).map((e) => e.action)).toEqual(['publish-target.add', 'publish-target.add', 'publish-target.update', 'publish-target.remove']);
    expect(() => getTarget(ws.db, 'pages')).toThrow('There is no publish target named "pages" (the workspace has: live).');
  });

  it.each([
    [{ name: 'Prod', kind: 's3', settings: { bucket: 'b-1' } }, /lowercase letters, digits and dashes/],
    [{ name: 'p', kind: 'ftp', settings: {} }, /"ftp" is not a kind of target: say s3, git or sftp/],
    [{ name: 'p', kind: 's3', settings: { bucket: 'b-1', secretAccessKey: 'x' } }, /secretAccessKey is not a setting of a s3 target \(secrets such as keys and passwords are entered as credentials/],
    [{ name: 'p', kind: 'sftp', settings: { host: 'h', username: 'u', dir: 'www', password: 'x' } }, /password is not a setting/],
    [{ name: 'p', kind: 'git', settings: { url: 'https://user:ghp_token@github.com/a/b.git' } }, /must not contain a user name or token/],
    [{ name: 'p', kind: 's3', settings: { bucket: 'b-1', endpoint: 'https://key:secret@minio.example' } }, /must not contain a user name or password/],
    [{ name: 'p', kind: 's3', settings: { bucket: 'b-1', prefix: '../up' } }, /without "\." or "\.\."/],
    [{ name: 'p', kind: 'sftp', settings: { host: 'h', username: 'u', dir: 'www', hostKey: 'MD5:aa' } }, /host key fingerprint as ssh-keygen -l prints it/],
    [{ name: 'p', kind: 'git', settings: { url: 'ftp://example.org/repo' } }, /a git remote such as/],
  ])('refuses %o', (input, message) => {
    const { ws } = workspace();
    expect(() => saveTarget(ws, input)).toThrow(message);
    expect(listTargets(ws.db)).toEqual([]);
  });

  it('refuses a second target of the same name and a change of kind', () => {
    const { ws } = workspace();
    saveTarget(ws, { name: 'site', kind: 's3', settings: { bucket: 'b-1' } });
    expect(() => saveTarget(ws, { name: 'site', kind: 's3', settings: { bucket: 'b-2' } })).toThrow(/already a target named "site"/);
    expect(() => saveTarget(ws, { name: 'site', previous: 'site', kind: 'git', settings: { url: '/srv/r.git' } })).toThrow(/is a s3 target/);
  });
});

describe('credentials', () => {
  it('come from what was saved, else CANDOR_TARGET_<NAME>_<FIELD>, else AWS_* for S3; a missing one names its variables', async () => {
    const { ws } = workspace();
    const t = saveTarget(ws, { name: 'r2-live', kind: 's3', settings: { bucket: 'b-1' } });
    const store = memorySecretStore();
    expect(SECRET_FIELDS.s3.map((f) => secretEnvName('r2-live', f))).toEqual(['CANDOR_TARGET_R2_LIVE_ACCESS_KEY_ID', 'CANDOR_TARGET_R2_LIVE_SECRET_ACCESS_KEY', 'CANDOR_TARGET_R2_LIVE_SESSION_TOKEN']);
    await expect(resolveSecrets(t, store, {})).rejects.toMatchObject({
      message: 'The target "r2-live" needs access key id and secret access key: enter them on the Site screen, under Publish.',
      cliHint: 'or set CANDOR_TARGET_R2_LIVE_ACCESS_KEY_ID and CANDOR_TARGET_R2_LIVE_SECRET_ACCESS_KEY for the command line',
    });
    expect(await resolveSecrets(t, store, { AWS_ACCESS_KEY_ID: 'aws-id', AWS_SECRET_ACCESS_KEY: 'aws-secret', CANDOR_TARGET_R2_LIVE_ACCESS_KEY_ID: 'own-id' })).toEqual({ accessKeyId: 'own-id', secretAccessKey: 'aws-secret' });
    await store.set(t.id, { accessKeyId: 'saved-id', secretAccessKey: 'saved-secret' });
    expect(await resolveSecrets(t, store, { CANDOR_TARGET_R2_LIVE_ACCESS_KEY_ID: 'own-id' })).toEqual({ accessKeyId: 'saved-id', secretAccessKey: 'saved-secret' });
  });

  it('for SFTP, a password or a private key (also from a file named in the environment)', async () => {
    const { ws, dir } = workspace();
    const t = saveTarget(ws, { name: 'host', kind: 'sftp', settings: { host: 'ftp.example.org', username: 'u', dir: 'www' } });
    await expect(resolveSecrets(t, memorySecretStore(), {})).rejects.toMatchObject({ message: expect.stringMatching(/needs a password or a private key: enter (it|them) on the Site screen/), cliHint: expect.stringMatching(/set CANDOR_TARGET_HOST_PASSWORD or CANDOR_TARGET_HOST_PRIVATE_KEY/) });
    const keyFile = join(dir, 'id_ed25519');
    (await import('node:fs')).writeFileSync(keyFile, '-----BEGIN OPENSSH PRIVATE KEY-----\n...\n');
    expect(await resolveSecrets(t, memorySecretStore(), { CANDOR_TARGET_HOST_PRIVATE_KEY_FILE: keyFile })).toEqual({ privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\n...\n' });
  });

  it('through the app’s channels: saved, reported as saved, never given back, never written to the workspace', async () => {
    const { dir, ws } = workspace();
    ws.close();
    const core = createCore({ workspaceDir: dir, secrets: memorySecretStore() });
    try {
      const call = async (channel: string, req: unknown) => {
        const r = await core.dispatch(channel, req);
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
        return r.value as Record<string, unknown>;
      };
      await call('publish.targets.save', { name: 'live', kind: 's3', settings: { bucket: 'fernhill-site', endpoint: 'https://s3.eu-central-1.example' } });
      const saved = await call('publish.credentials.set', { target: 'live', values: { accessKeyId: 'AKIA-VISIBLE-NOWHERE', secretAccessKey: 'very-secret-value' } });
      expect(saved.secrets).toEqual([
        expect.objectContaining({ key: 'accessKeyId', saved: true, envName: 'CANDOR_TARGET_LIVE_ACCESS_KEY_ID' }),
        expect.objectContaining({ key: 'secretAccessKey', saved: true }),
        expect.objectContaining({ key: 'sessionToken', saved: false, required: false }),
      ]);
      const listed = JSON.stringify(await call('publish.targets.list', {}));
      expect(listed).not.toContain('very-secret-value');
      expect(listed).toContain('"location":"s3://fernhill-site/ at https://s3.eu-central-1.example"');
      await expect(call('publish.credentials.set', { target: 'live', values: { password: 'x' } })).rejects.toThrow(/INVALID_CREDENTIALS: password is not a credential of a s3 target/);
      const db = readFileSync(join(dir, 'candor.sqlite'));
      const wal = (() => { try { return readFileSync(join(dir, 'candor.sqlite-wal')); } catch { return Buffer.alloc(0); } })();
      for (const bytes of [db, wal]) {
        expect(bytes.includes('very-secret-value')).toBe(false);
        expect(bytes.includes('AKIA-VISIBLE-NOWHERE')).toBe(false);
      }
      expect(await call('publish.cancel', {})).toEqual({ cancelled: false });
      expect(await call('publish.targets.remove', { name: 'live' })).toEqual({ removed: 'live' });
    } finally {
      core.close();
    }
  });
});

describe('candor targets', () => {
  it('adds a target from flags, shows which credential variables are set, changes it and removes it', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const ws = join(t.dir, 'ws');
    expect((await cli(['init', ws, '--name', 'Fernhill'])).code).toBe(0);
    const added = await cli(['targets', 'add', ws, 'host', '--type', 'sftp', '--host', 'ssh.example.org', '--username', 'fernhill', '--dir', 'public_html', '--port', '2222', '--json']);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ name: 'host', kind: 'sftp', location: 'sftp://fernhill@ssh.example.org:2222 folder public_html', settings: { host: 'ssh.example.org', port: 2222, username: 'fernhill', dir: 'public_html' } });
    const shown = await cli(['targets', 'show', ws, 'host'], { CANDOR_TARGET_HOST_PASSWORD: 'x' });
    expect(shown.stdout).toContain('CANDOR_TARGET_HOST_PASSWORD (optional): Password, set');
    expect(shown.stdout).toContain('CANDOR_TARGET_HOST_PRIVATE_KEY (optional): Private key (OpenSSH or PEM), not set');
    expect((await cli(['targets', 'set', ws, 'host', '--port', '', '--rename', 'classic'])).code).toBe(0);
    expect(JSON.parse((await cli(['targets', 'list', ws, '--json'])).stdout)).toMatchObject({ targets: [{ name: 'classic', settings: { port: 22 } }] });
    const bad = runCli(['targets', 'set', ws, 'classic', '--bucket', 'x']); // the real binary: exit code and stderr
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--bucket is not a setting of a sftp target.');
    expect((await cli(['targets', 'remove', ws, 'classic'])).code).toBe(0);
    expect((await cli(['targets', 'list', ws])).stdout).toContain('No publish targets yet.');
    expect((await cli(['publish', ws, t.dir, '--to', 'classic'])).stderr).toContain('There is no publish target named "classic"');
  });
});
