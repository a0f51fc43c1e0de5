import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CandorError } from '../errors.ts';
import { LOGO_EXT, LOGO_MAX_BYTES } from '../../shared/model/site-settings.ts';
import type { LogoRecord, LogoType } from '../../shared/model/site-settings.ts';

// The organisation's logo: a PNG, JPEG or WebP file, recognised by its first bytes (never by its name). SVG is
// refused: an SVG opened on its own (the site publishes it as a file anyone can open) can run script. It is kept in
// the workspace under its SHA-256, so the stored settings always name exactly the bytes that were checked.

export { LOGO_MAX_BYTES };

/** Inside the workspace folder; not "site/", which people may well choose as the site's output folder. */
export const LOGO_DIR = 'branding';

export function logoFileName(logo: LogoRecord): string {
  return `logo-${logo.sha256.slice(0, 16)}.${LOGO_EXT[logo.type]}`;
}

export function logoPath(workspaceDir: string, logo: LogoRecord): string {
  return join(workspaceDir, LOGO_DIR, logoFileName(logo));
}

/** The image type from the file's first bytes, 'svg' for SVG (or SVG-looking XML), null for anything else. */
export function sniffImage(bytes: Uint8Array): LogoType | 'svg' | null {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 12 && String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP') return 'image/webp';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<') && head.includes('<svg')) return 'svg';
  return null;
}

/** Reads and checks a logo the person chose; the error says what is wrong with the file in their words. */
export function readLogoFile(file: string): { record: LogoRecord; bytes: Buffer } {
  const name = basename(file);
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new CandorError('LOGO_NOT_FOUND', `${file} is not a file. Choose a PNG, JPEG or WebP image.`, { file });
    size = st.size;
  } catch (err) {
    if (err instanceof CandorError) throw err;
    throw new CandorError('LOGO_NOT_FOUND', `The logo ${file} could not be read: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (err as Error).message}.`, { file });
  }
  if (size > LOGO_MAX_BYTES) {
    throw new CandorError('LOGO_TOO_LARGE', `The logo ${name} is ${(size / 1_048_576).toFixed(1)} MB; the limit is 1 MB. Export it smaller (a logo shown in a page header needs at most a few hundred pixels).`, { file });
  }
  if (size === 0) throw new CandorError('LOGO_NOT_AN_IMAGE', `The logo ${name} is empty. Choose a PNG, JPEG or WebP image.`, { file });
  const bytes = readFileSync(file);
  const type = sniffImage(bytes);
  if (type === 'svg') {
    throw new CandorError('LOGO_SVG_REFUSED', `The logo ${name} is an SVG file. SVG is refused because an SVG opened on its own can run script; export the logo as PNG or WebP instead.`, { file });
  }
  if (type === null) throw new CandorError('LOGO_NOT_AN_IMAGE', `The logo ${name} is not a PNG, JPEG or WebP image (its content says otherwise, whatever its name).`, { file });
  return { record: { type, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }, bytes };
}

/** Writes the logo into the workspace: to a temporary file, flushed, then renamed, so it is whole or absent. */
export function storeLogoFile(workspaceDir: string, record: LogoRecord, bytes: Uint8Array): string {
  const dir = join(workspaceDir, LOGO_DIR);
  mkdirSync(dir, { recursive: true });
  const target = logoPath(workspaceDir, record);
  if (existsSync(target) && statSync(target).size === bytes.length) return target;
  const tmp = `${target}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, target);
  return target;
}

/** Removes logo files the settings no longer name (after a change has committed). */
export function removeOtherLogos(workspaceDir: string, keep: LogoRecord | null): void {
  const dir = join(workspaceDir, LOGO_DIR);
  if (!existsSync(dir)) return;
  const keepName = keep ? logoFileName(keep) : null;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('logo-') && name !== keepName) rmSync(join(dir, name), { force: true });
  }
}
