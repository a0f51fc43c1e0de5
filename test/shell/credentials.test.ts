import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/workspace.ts';

vi.mock('electron', () => ({}));

const { keychainSecretStore, CREDENTIALS_FILE } = await import('../../electron/main/credentials.ts');

// A stand-in for the operating system's keychain: reversible, but the file must never hold the plain text.
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}) {
  const key = 0x5a;
  return {
    isEncryptionAvailable: vi.fn(() => options.available ?? true),
    getSelectedStorageBackend: vi.fn(() => (options.backend ?? 'gnome_libsecret') as 'gnome_libsecret'),
    encryptString: vi.fn((s: string) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ key))),
    decryptString: vi.fn((b: Buffer) => Buffer.from(b.map((x) => x ^ key)).toString('utf8')),
  };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(options: Parameters<typeof fakeSafeStorage>[0] = {}, platform: NodeJS.Platform = 'linux') {
  const t = tempDir('candor-cred-');
  cleanups.push(t.cleanup);
  const file = join(t.dir, 'user-data', CREDENTIALS_FILE);
  const safeStorage = fakeSafeStorage(options);
  return { store: keychainSecretStore({ safeStorage, file: () => file, platform }), file, safeStorage };
}

describe('publish credentials in the desktop app (safeStorage)', () => {
  it('keeps a target’s secrets encrypted in the user data folder, readable only by the user, and gives them back', async () => {
    const { store, file, safeStorage } = setup();
    await store.set('pt_1', { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG' });
    expect(await store.get('pt_1')).toEqual({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG' });
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain('AKIAEXAMPLE');
    expect(raw).not.toContain('wJalrXUtnFEMI');
    expect(JSON.parse(raw)).toMatchObject({ format: 'candor-credentials', version: 1, targets: { pt_1: expect.any(String) } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(safeStorage.encryptString).toHaveBeenCalled();
  });

  it('changes only the fields given, removes a field given blank, and forgets a target on clear', async () => {
    const { store } = setup();
    await store.set('pt_1', { password: 'old', passphrase: 'pp' });
    await store.set('pt_1', { password: 'new' });
    expect(await store.get('pt_1')).toEqual({ password: 'new', passphrase: 'pp' });
    await store.set('pt_1', { passphrase: '' });
    expect(await store.get('pt_1')).toEqual({ password: 'new' });
    await store.set('pt_2', { token: 't' });
    await store.clear('pt_1');
    expect(await store.get('pt_1')).toEqual({});
    expect(await store.get('pt_2')).toEqual({ token: 't' });
  });

  it('refuses to save where there is no keychain, and on Linux where safeStorage would use its fixed password', async () => {
    const none = setup({ available: false });
    await expect(none.store.set('pt_1', { token: 't' })).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(existsSync(none.file)).toBe(false);
    const basic = setup({ backend: 'basic_text' });
    await expect(basic.store.set('pt_1', { token: 't' })).rejects.toThrow(/well-known password/);
    expect(existsSync(basic.file)).toBe(false);
    // The same backend name elsewhere is not Linux's fallback: macOS and Windows always have their keychain.
    await expect(setup({ backend: 'basic_text' }, 'darwin').store.set('pt_1', { token: 't' })).resolves.toBeUndefined();
  });

  it('treats a damaged file or a blob from another keychain as nothing saved, and the next save repairs the file', async () => {
    const { store, file } = setup();
    await store.set('pt_1', { token: 't' });
    const data = JSON.parse(readFileSync(file, 'utf8')) as { targets: Record<string, string> };
    data.targets.pt_1 = Buffer.from('not encrypted by this keychain').toString('base64');
    writeFileSync(file, JSON.stringify(data));
    expect(await store.get('pt_1')).toEqual({});
    writeFileSync(file, '{ broken');
    expect(await store.get('pt_1')).toEqual({});
    await store.set('pt_1', { token: 'again' });
    expect(await store.get('pt_1')).toEqual({ token: 'again' });
  });
});
