import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CandorError } from '../../core/errors.ts';
import { verifySite } from '../../core/site/manifest.ts';
import { defineCommand, EXIT } from '../command.ts';

export const verifyCommand = defineCommand({
  name: 'verify',
  summary: 'Check a built site against its manifest and signature',
  usage: 'candor verify <site-dir> [--key <public-key.pem>] [--json]',
  help: `Checks every file of a site Candor built against manifest.json (SHA-256 and size), that no file was added, and the
Ed25519 signature in manifest.sig when the site is signed. Stops at the first mismatch and names it.

Options:
  --key <file.pem>   Require a signature by this public key (not only the one the site publishes)
  --json             Print {"ok","files","signed","fingerprint"} or {"ok":false,"files","problem","path"}

Exit codes: 0 every file matches; 1 a mismatch (named); 2 usage.`,
  options: { key: { type: 'string' }, json: { type: 'boolean' } },
  schema: z.object({
    positionals: z.tuple([z.string().min(1)], { error: 'name exactly one site folder' }),
    values: z.object({ key: z.string().optional(), json: z.boolean().optional() }),
  }),
  async run({ positionals: [dir], values }, io) {
    let pem: string | undefined;
    if (values.key) {
      try {
        pem = readFileSync(values.key, 'utf8');
      } catch (err) {
        throw new CandorError('USAGE', `Cannot read the key ${values.key}: ${(err as Error).message}`);
      }
    }
    const r = verifySite(dir, pem === undefined ? {} : { publicKeyPem: pem });
    if (values.json) io.out(`${JSON.stringify(r)}\n`);
    else if (r.ok) io.out(`OK: all ${r.files.toLocaleString('en')} files match manifest.json${r.signed ? `; the signature is valid (key ${r.fingerprint})` : '; the site is not signed'}.\n`);
    else io.err(`MISMATCH: ${r.problem}.\n`);
    return r.ok ? EXIT.ok : EXIT.fatal;
  },
});
