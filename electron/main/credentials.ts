import type { SafeStorage } from 'electron';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SecretStore, SecretValues } from '../core/publish/secrets.ts';
import { mergeSecrets } from '../core/publish/secrets.ts';

// Publish targets' secrets in the desktop app: encrypted with Electron's safeStorage (the macOS Keychain, Windows
// DPAPI, the Secret Service or KWallet on Linux), kept in one file in the app's user data folder, never in a
// workspace. Where safeStorage has no real keychain (Linux without one falls back to a fixed password,
// "basic_text"), nothing is saved: the person is told to use environment variables instead.

export const CREDENTIALS_FILE = 'publish-credentials.json';

const FileShape = z.object({
  format: z.literal('candor-credentials'),
  version: z.literal(1),
  /** Target id -> base64 of the encrypted JSON of its secrets. */
  targets: z.record(z.string(), z.string()),
});
type FileShape = z.infer<typeof FileShape>;

export type KeychainDeps = {
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;
  /** Asked when first needed: Electron knows the user data folder only once the app is set up. */
  file: () => string;
  platform: NodeJS.Platform;
};

function unavailable(message: string): Error {
  return Object.assign(new Error(message), { code: 'KEYCHAIN_UNAVAILABLE' });
}

export function keychainSecretStore(deps: KeychainDeps): SecretStore {
  const read = (): FileShape => {
    const file = deps.file();
    if (!existsSync(file)) return { format: 'candor-credentials', version: 1, targets: {} };
    try {
      return FileShape.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      // Unreadable: treated as empty rather than blocking the app; the next save replaces it.
      return { format: 'candor-credentials', version: 1, targets: {} };
    }
  };
  const write = (data: FileShape) => {
    const file = deps.file();
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  };
  const usable = () => {
    if (!deps.safeStorage.isEncryptionAvailable()) {
      throw unavailable('This computer offers no keychain to keep the credentials in, so Candor will not save them. Start Candor with the CANDOR_TARGET_… environment variables set instead (the target shows their names).');
    }
    if (deps.platform === 'linux' && deps.safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw unavailable('No keyring (GNOME Keyring, KWallet) is running, and without one the credentials would be stored with a well-known password: Candor does not save them. Start a keyring, or start Candor with the CANDOR_TARGET_… environment variables set (the target shows their names).');
    }
  };
  return {
    kind: 'keychain',
    async get(id) {
      const blob = read().targets[id];
      if (!blob || !deps.safeStorage.isEncryptionAvailable()) return {};
      try {
        const values = z.record(z.string(), z.string()).parse(JSON.parse(deps.safeStorage.decryptString(Buffer.from(blob, 'base64'))));
        return values as SecretValues;
      } catch {
        // Encrypted by another keychain (the profile moved to another computer): as if nothing were saved.
        return {};
      }
    },
    async set(id, values) {
      usable();
      const data = read();
      const current = await this.get(id);
      const next = mergeSecrets(current, values);
      if (Object.keys(next).length === 0) delete data.targets[id];
      else data.targets[id] = deps.safeStorage.encryptString(JSON.stringify(next)).toString('base64');
      write(data);
    },
    async clear(id) {
      const data = read();
      if (!(id in data.targets)) return;
      delete data.targets[id];
      write(data);
    },
  };
}
