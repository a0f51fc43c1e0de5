import { join } from 'node:path';
import { z } from 'zod';
import { initSigningKey, KEYS_DIR, PUBLIC_KEY_FILE, readSigningKey } from '../../core/site/keys.ts';
import { openWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT } from '../command.ts';

export const keysCommand = defineCommand({
  name: 'keys',
  summary: 'Create or show the key that signs the site',
  usage: 'candor keys init|show <workspace> [--force] [--json]',
  help: `init creates an Ed25519 key pair in <workspace>/keys/ (the private key readable only by you). From then on every
build signs manifest.json and publishes the public key on the site. show prints the public key and its fingerprint.

Options:
  --force   With init: replace an existing key (sites signed with the old key no longer verify against the new one)
  --json    Print {"fingerprint","publicKey","file"}

Exit codes: 0 done; 1 error (for example a key already exists); 2 usage.`,
  options: { force: { type: 'boolean' }, json: { type: 'boolean' } },
  schema: z.object({
    positionals: z.tuple([z.enum(['init', 'show'], { error: 'say init or show' }), z.string().min(1)], { error: 'usage: candor keys init|show <workspace>' }),
    values: z.object({ force: z.boolean().optional(), json: z.boolean().optional() }),
  }),
  async run({ positionals: [action, dir], values }, io) {
    const ws = openWorkspace(dir);
    try {
      const key = action === 'init' ? initSigningKey(ws, { force: values.force }) : (() => {
        const k = readSigningKey(ws.dir);
        return k ? { publicKeyPem: k.publicKeyPem, fingerprint: k.fingerprint, file: join(ws.dir, KEYS_DIR, PUBLIC_KEY_FILE) } : null;
      })();
      if (!key) {
        io.err(`${ws.dir} has no signing key yet. Create one with: candor keys init ${dir}\n`);
        return EXIT.fatal;
      }
      if (values.json) io.out(`${JSON.stringify({ fingerprint: key.fingerprint, publicKey: key.publicKeyPem, file: key.file })}\n`);
      else {
        io.out(`${action === 'init' ? 'Created a signing key' : 'Signing key'} for "${ws.meta.name}".\nFingerprint: ${key.fingerprint}\n${key.publicKeyPem}`);
        if (action === 'init') io.out('Every build now signs manifest.json (manifest.sig) and publishes the public key as signing-key.pem.\n');
      }
      return EXIT.ok;
    } finally {
      ws.close();
    }
  },
});
