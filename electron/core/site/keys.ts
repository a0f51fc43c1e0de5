import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CandorError } from '../errors.ts';
import { appendAudit } from '../store/audit.ts';
import type { Workspace } from '../workspace.ts';

// Ed25519 signing of the site's manifest. The private key stays in the workspace (keys/, readable by its owner
// only); the public key is published with every signed site and its fingerprint is printed on the site.

export const KEYS_DIR = 'keys';
export const PRIVATE_KEY_FILE = 'site-signing-key.pem';
export const PUBLIC_KEY_FILE = 'site-signing-key.pub.pem';
/** Where a signed site publishes its public key. */
export const SITE_PUBLIC_KEY = 'signing-key.pem';

export type SigningKey = { privateKey: KeyObject; publicKeyPem: string; fingerprint: string };

/** SHA-256 of the public key's DER (SubjectPublicKeyInfo), hex in groups of four: what people compare. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').match(/.{4}/g)!.join(' ');
}

export function initSigningKey(ws: Workspace, options: { force?: boolean } = {}): { publicKeyPem: string; fingerprint: string; file: string } {
  const dir = join(ws.dir, KEYS_DIR);
  const file = join(dir, PRIVATE_KEY_FILE);
  if (existsSync(file) && !options.force) {
    throw new CandorError('KEY_EXISTS', `${ws.dir} already has a signing key (${file}). Sites it signed are checked against it, so it is kept.`, { file }, 'replace it only with --force');
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  // Written beside and renamed: a crash never leaves half a key.
  writeFileSync(`${file}.tmp`, privatePem, { mode: 0o600 });
  chmodSync(`${file}.tmp`, 0o600);
  renameSync(`${file}.tmp`, file);
  writeFileSync(join(dir, PUBLIC_KEY_FILE), publicPem);
  const fingerprint = keyFingerprint(publicPem);
  appendAudit(ws.db, { actor: ws.actor, action: 'site.keys.init', entityType: 'site', entityId: 'signing-key', after: { fingerprint } });
  return { publicKeyPem: publicPem, fingerprint, file };
}

export function readSigningKey(workspaceDir: string): SigningKey | null {
  const file = join(workspaceDir, KEYS_DIR, PRIVATE_KEY_FILE);
  if (!existsSync(file)) return null;
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(file));
  } catch (err) {
    throw new CandorError('BAD_KEY', `${file} is not a readable private key (${(err as Error).message}).`, { file });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new CandorError('BAD_KEY', `${file} is not an Ed25519 key.`, { file });
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string;
  return { privateKey, publicKeyPem, fingerprint: keyFingerprint(publicKeyPem) };
}

export function signBytes(key: SigningKey, data: Buffer): string {
  return sign(null, data, key.privateKey).toString('base64');
}

export function verifyBytes(publicKeyPem: string, data: Buffer, signatureBase64: string): boolean {
  try {
    return verify(null, data, createPublicKey(publicKeyPem), Buffer.from(signatureBase64.trim(), 'base64'));
  } catch {
    return false;
  }
}
