import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { sha256File } from '../file-hash.ts';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { CandorError } from '../errors.ts';
import { filesIn } from './files-in.ts';
import { keyFingerprint, SITE_PUBLIC_KEY, verifyBytes } from './keys.ts';
import { CHANGES_FILE, checkChain } from './publication-log.ts';
import { PIECE } from './build-state.ts';

// manifest.json lists every file of the site with its SHA-256 and size, and how the site was built. With a signing
// key, manifest.sig holds an Ed25519 signature of manifest.json's exact bytes.

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
const MANIFEST_FORMAT = 'candor-site-manifest';

/**
 * Where a rebuild journals the files it moves into the site, beside the site folder (output.ts): while it exists,
 * the site holds files of two builds.
 */
export function journalPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.candor-commit.json`);
}
export const MIXED_SITE = 'an interrupted build left this site mixed: run build again';

export const ManifestFile = z.strictObject({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() });
export type ManifestFile = z.infer<typeof ManifestFile>;

export const BuildInfo = z.object({
  generator: z.string(),
  organisation: z.string(),
  theme: z.string(),
  baseUrl: z.string().nullable(),
  /** The workspace's audit position the site was built from. */
  dataVersion: z.number().int(),
  /** When the data last changed; the build never reads the clock. */
  lastUpdated: z.string().nullable(),
  threads: z.number().int(),
  withheld: z.number().int(),
  pending: z.number().int(),
  claims: z.number().int(),
  pages: z.number().int(),
  search: z.boolean(),
  signed: z.boolean(),
  publicKeyFingerprint: z.string().nullable(),
});
export type BuildInfo = z.infer<typeof BuildInfo>;

export const Manifest = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(1),
  build: BuildInfo,
  files: z.array(ManifestFile),
});
export type Manifest = z.infer<typeof Manifest>;

/**
 * manifest.json's text in pieces, one file per line, sorted by path: stable bytes, readable diffs. In pieces because
 * at 100,000 threads the whole text is 16 MB, and its lines, the text and its UTF-8 copy made at once were the
 * build's peak of memory. Pieces of PIECE characters (build-state.ts).
 */
export function* manifestChunks(build: BuildInfo, files: readonly ManifestFile[]): Generator<string> {
  const sorted = inPathOrder(files) ? files : sortByPath([...files]);
  let chunk = `{\n  "format": "${MANIFEST_FORMAT}",\n  "version": 1,\n  "build": ${JSON.stringify(build)},\n  "files": [\n`;
  for (const [i, f] of sorted.entries()) {
    // The same bytes as JSON.stringify({ path, sha256, size }): a hash is hex and a size a number, only the path needs escaping.
    chunk += `${i === 0 ? '' : ',\n'}    {"path":${JSON.stringify(f.path)},"sha256":"${f.sha256}","size":${f.size}}`;
    if (chunk.length >= PIECE) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}\n  ]\n}\n`;
}

/** Whether the files are in path order already (as commit.ts hands them over): then they are not sorted again. */
export function inPathOrder(files: readonly ManifestFile[]): boolean {
  for (let i = 1; i < files.length; i++) if (!(files[i - 1]!.path < files[i]!.path)) return false;
  return true;
}

/** Sorts files by path in place (manifest.json's order) and returns them. */
export function sortByPath<T extends { path: string }>(files: T[]): T[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Looks files up by path in a list sorted by path, without a table of them all: paths asked in order are found by
 * walking on from the last one, others by halving.
 */
export function pathFinder<T extends { path: string }>(sorted: readonly T[]): (path: string) => T | undefined {
  let at = 0;
  let last = '';
  return (path) => {
    if (path < last) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]!.path < path) lo = mid + 1;
        else hi = mid;
      }
      at = lo;
    } else while (at < sorted.length && sorted[at]!.path < path) at++;
    last = path;
    return sorted[at]?.path === path ? sorted[at] : undefined;
  };
}

/** manifest.json's whole text (see manifestChunks). */
export function serializeManifest(build: BuildInfo, files: readonly ManifestFile[]): string {
  return [...manifestChunks(build, files)].join('');
}

/**
 * Whether `dir` holds a site Candor built, from the first bytes of its manifest.json (Candor writes them the same
 * way every time). Reading and checking the whole manifest of a 100,000-page site costs a third of a second; a
 * rebuild reads it only when the saved build state says it is exactly the manifest that build wrote.
 */
export function hasCandorManifest(dir: string): boolean {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return false;
  const head = Buffer.alloc(256);
  const fd = openSync(file, 'r');
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).toString('utf8').startsWith(`{\n  "format": "${MANIFEST_FORMAT}",\n  "version": 1,\n  "build": {`);
  } finally {
    closeSync(fd);
  }
}

export function readManifest(dir: string): Manifest | null {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = Manifest.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export type VerifyResult =
  | { ok: true; files: number; signed: boolean; fingerprint: string | null }
  | { ok: false; files: number; problem: string; path: string | null };

/**
 * Checks a built site against its manifest: every listed file present with the same size and SHA-256, no file
 * that is not listed, and the signature when there is one (or when the manifest says the site was signed).
 * Stops at the first problem and names it. With `publicKeyPem`, the signature must be by that key.
 */
export function verifySite(siteDir: string, options: { publicKeyPem?: string } = {}): VerifyResult {
  const dir = resolve(siteDir);
  // A build stopped while moving its files in: a mismatch would be true but say nothing useful.
  if (existsSync(journalPath(dir))) return { ok: false, files: 0, problem: MIXED_SITE, path: null };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CandorError('NOT_FOUND', `${dir} is not a folder.`, { file: dir });
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return { ok: false, files: 0, problem: `${MANIFEST_FILE} is missing: this is not a site Candor built`, path: MANIFEST_FILE };
  const bytes = readFileSync(manifestPath);
  let manifest: Manifest;
  try {
    manifest = Manifest.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    return { ok: false, files: 0, problem: `${MANIFEST_FILE} is not a valid Candor manifest`, path: MANIFEST_FILE };
  }
  const listed = new Set<string>();
  let checked = 0;
  for (const f of manifest.files) {
    listed.add(f.path);
    const file = join(dir, ...f.path.split('/'));
    if (f.path.split('/').some((p) => p === '..' || p === '') || !existsSync(file)) return { ok: false, files: checked, problem: `${f.path} is missing`, path: f.path };
    const st = statSync(file);
    if (!st.isFile()) return { ok: false, files: checked, problem: `${f.path} is not a file`, path: f.path };
    if (st.size !== f.size) return { ok: false, files: checked, problem: `${f.path} has changed: ${st.size} bytes, the manifest says ${f.size}`, path: f.path };
    const actual = sha256File(file);
    if (actual.sha256 !== f.sha256) return { ok: false, files: checked, problem: `${f.path} has changed: its SHA-256 is ${actual.sha256}, the manifest says ${f.sha256}`, path: f.path };
    checked++;
  }
  for (const rel of filesIn(dir, { inPathOrder: true })) {
    if (rel === MANIFEST_FILE || rel === SIGNATURE_FILE) continue;
    if (!listed.has(rel)) return { ok: false, files: checked, problem: `${rel} is not in the manifest (a file was added)`, path: rel };
  }
  // The publication log is a hash chain: a history cut or edited (and the manifest made again) no longer links up.
  const history = listed.has(CHANGES_FILE) ? checkChain(readFileSync(join(dir, CHANGES_FILE), 'utf8')) : null;
  if (history) return { ok: false, files: checked, problem: `BROKEN HISTORY: ${history}`, path: CHANGES_FILE };
  const sigPath = join(dir, SIGNATURE_FILE);
  const hasSig = existsSync(sigPath);
  if (!hasSig) {
    if (manifest.build.signed) return { ok: false, files: checked, problem: `${SIGNATURE_FILE} is missing but the manifest says the site was signed`, path: SIGNATURE_FILE };
    if (options.publicKeyPem) return { ok: false, files: checked, problem: `the site is not signed (no ${SIGNATURE_FILE})`, path: SIGNATURE_FILE };
    return { ok: true, files: checked, signed: false, fingerprint: null };
  }
  const sitePem = existsSync(join(dir, SITE_PUBLIC_KEY)) ? readFileSync(join(dir, SITE_PUBLIC_KEY), 'utf8') : null;
  const pem = options.publicKeyPem ?? sitePem;
  if (!pem) return { ok: false, files: checked, problem: `the site is signed but publishes no public key (${SITE_PUBLIC_KEY})`, path: SITE_PUBLIC_KEY };
  let fingerprint: string;
  try {
    fingerprint = keyFingerprint(pem);
  } catch {
    return { ok: false, files: checked, problem: 'the public key cannot be read', path: SITE_PUBLIC_KEY };
  }
  if (manifest.build.publicKeyFingerprint !== null && manifest.build.publicKeyFingerprint !== fingerprint && !options.publicKeyPem) {
    return { ok: false, files: checked, problem: `${SITE_PUBLIC_KEY} is not the key the manifest names (${manifest.build.publicKeyFingerprint})`, path: SITE_PUBLIC_KEY };
  }
  if (!verifyBytes(pem, bytes, readFileSync(sigPath, 'utf8'))) {
    return { ok: false, files: checked, problem: `the signature in ${SIGNATURE_FILE} does not match ${MANIFEST_FILE}${options.publicKeyPem ? ' and the given key' : ''}`, path: SIGNATURE_FILE };
  }
  return { ok: true, files: checked, signed: true, fingerprint };
}
