import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CandorError } from '../errors.ts';
import { Manifest, MANIFEST_FILE, SIGNATURE_FILE, verifySite } from '../site/manifest.ts';
import type { ManifestFile } from '../site/manifest.ts';
import { cacheControl, checkSample, contentType, planPublish } from './plan.ts';
import type { PublishPlan } from './plan.ts';
import type { OpenRemote, PutFile, Remote, RemoteContext } from './remote.ts';
import type { SecretValues } from './secrets.ts';
import { uploadFiles } from './upload.ts';
import type { Target, TargetKind } from '../../shared/model/publish-target.ts';

// Publishing a built site to a target, incrementally and verifiably:
//   check   the local site matches its own manifest (a damaged folder is never published);
//   compare read the remote copy's manifest.json: only files whose hash differs go up;
//   upload  hashed assets, then other files, then pages; manifest.sig, then manifest.json last, so a reader never
//           sees a manifest naming a file that is not there yet;
//   cleanup remove what the previous manifest listed and the new one does not (never anything else);
//   verify  read the remote manifest back and a sample of files, and compare their SHA-256.
// A failure or cancellation before the manifest is up puts back what was replaced (upload.ts): the site online is
// the previous one, consistent with its manifest, and publishing again starts over.

type PublishPhase = 'check' | 'compare' | 'upload' | 'cleanup' | 'verify' | 'done';
export type PublishProgress = { phase: PublishPhase; done: number; total: number };

export type PublishOptions = {
  target: Target;
  siteDir: string;
  secrets: SecretValues;
  context: RemoteContext;
  /** Upload every file, whatever the remote manifest says (for a remote copy changed by hand). */
  full?: boolean;
  /** Only say what would be uploaded and removed. */
  dryRun?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: PublishProgress) => void;
  /** Old files the last publish could not remove: removed now unless the site has them again. */
  leftovers?: readonly string[];
  /** For tests: another way to reach the remote. */
  open?: OpenRemote;
};

export type PublishReport = {
  target: string;
  kind: TargetKind;
  location: string;
  url: string | null;
  dryRun: boolean;
  /** Uploaded paths in upload order; manifest.json is the last. */
  uploaded: string[];
  deleted: string[];
  unchanged: number;
  bytes: number;
  /** Files read back and compared after publishing (manifest.json included). */
  checked: number;
  manifest: string;
  previousManifest: string | null;
  commit: string | null;
  /** Old files that could not be removed (the site is complete; they are only left over). */
  leftovers: { path: string; error: string }[];
  warnings: string[];
  ms: number;
};

// Loaded when first used: the S3 and SSH clients are large, and most candor commands never publish.
const OPEN: Record<TargetKind, OpenRemote> = {
  s3: async (...args) => (await import('./s3.ts')).openS3(...args),
  git: async (...args) => (await import('./git.ts')).openGit(...args),
  sftp: async (...args) => (await import('./sftp.ts')).openSftp(...args),
};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

function readLocalSite(siteDir: string): { dir: string; bytes: Buffer; manifest: Manifest; signature: boolean } {
  const dir = resolve(siteDir);
  const verified = verifySite(dir);
  if (!verified.ok) throw new CandorError('SITE_INVALID', `The site in ${dir} does not match its manifest (${verified.problem}). Build it again before publishing.`, { file: verified.path ?? dir });
  const bytes = readFileSync(join(dir, MANIFEST_FILE));
  return { dir, bytes, manifest: Manifest.parse(JSON.parse(bytes.toString('utf8'))), signature: existsSync(join(dir, SIGNATURE_FILE)) };
}

/** The remote manifest, or null (none yet, or not one Candor wrote: then every file goes up). */
async function readRemoteManifest(remote: Remote, signal: AbortSignal, warnings: string[]): Promise<{ manifest: Manifest | null; sha: string | null }> {
  const bytes = await remote.read(MANIFEST_FILE, signal);
  if (!bytes) return { manifest: null, sha: null };
  try {
    return { manifest: Manifest.parse(JSON.parse(bytes.toString('utf8'))), sha: sha256(bytes) };
  } catch {
    warnings.push(`The ${MANIFEST_FILE} at ${remote.location} is not a Candor manifest; every file was uploaded.`);
    return { manifest: null, sha: sha256(bytes) };
  }
}

function putFile(dir: string, f: Pick<ManifestFile, 'path' | 'size' | 'sha256'>): PutFile {
  return { path: f.path, abs: join(dir, ...f.path.split('/')), size: f.size, sha256: f.sha256, contentType: contentType(f.path), cacheControl: cacheControl(f.path) };
}

/** Reads the manifest and a sample of files back through a fresh connection and compares them with the site. */
async function verifyRemote(open: () => Promise<Remote>, local: { bytes: Buffer; dir: string }, plan: PublishPlan, progress: (p: PublishProgress) => void): Promise<number> {
  const signal = new AbortController().signal;
  const remote = await open();
  try {
    const sample = checkSample(plan);
    const total = sample.length + 1;
    progress({ phase: 'verify', done: 0, total });
    const bytes = await remote.read(MANIFEST_FILE, signal);
    if (!bytes || !bytes.equals(local.bytes)) {
      throw new CandorError('PUBLISH_CHECK_FAILED', `Reading ${MANIFEST_FILE} back from ${remote.location} gave ${bytes ? 'a different manifest' : 'nothing'}: the site online is not the one just published (another publish at the same time, or a cache in front of the storage?). Publish again.`, { file: MANIFEST_FILE });
    }
    let checked = 1;
    for (const f of sample) {
      const got = await remote.read(f.path, signal);
      if (!got || got.length !== f.size || sha256(got) !== f.sha256) {
        throw new CandorError('PUBLISH_CHECK_FAILED', `${f.path} on ${remote.location} ${got ? 'differs from the published manifest' : 'is missing'}. Publish again with --full to send every file.`, { file: f.path });
      }
      progress({ phase: 'verify', done: ++checked, total });
    }
    return checked;
  } finally {
    await remote.close();
  }
}

type Local = ReturnType<typeof readLocalSite>;

/** Compare, upload, manifest, cleanup, commit: everything that talks to the remote before the check. */
async function transfer(remote: Remote, local: Local, options: PublishOptions, report: PublishReport, uploads: AbortController, commitPoint: () => void): Promise<PublishPlan> {
  const progress = options.onProgress ?? (() => {});
  const never = new AbortController().signal;
  progress({ phase: 'compare', done: 0, total: 1 });
  const previous = await readRemoteManifest(remote, uploads.signal, report.warnings);
  report.previousManifest = previous.sha;
  const plan = planPublish(local.manifest, previous.manifest, { full: options.full });
  const inSite = new Set(local.manifest.files.map((f) => f.path));
  const retry = (options.leftovers ?? []).filter((p) => !inSite.has(p) && !plan.remove.includes(p) && p !== MANIFEST_FILE && p !== SIGNATURE_FILE);
  const toRemove = [...plan.remove, ...retry, ...(previous.manifest?.build.signed && !local.signature ? [SIGNATURE_FILE] : [])];
  report.unchanged = plan.unchanged.length;
  progress({ phase: 'compare', done: 1, total: 1 });
  const lastFiles = [...(local.signature ? [SIGNATURE_FILE] : []), MANIFEST_FILE];
  if (previous.sha === report.manifest && plan.upload.length === 0 && toRemove.length === 0) return plan;
  if (options.dryRun) {
    report.uploaded = [...plan.upload.map((f) => f.path), ...lastFiles];
    report.deleted = toRemove;
    report.bytes = plan.upload.reduce((n, f) => n + f.size, 0);
    return plan;
  }

  // manifest.sig and manifest.json go last, in the same all-or-nothing upload: if the manifest cannot go up, the
  // files before it are put back too.
  const last = lastFiles.map((name) => {
    const bytes = readFileSync(join(local.dir, name));
    return putFile(local.dir, { path: name, size: bytes.length, sha256: sha256(bytes) });
  });
  const files = plan.upload.map((f) => putFile(local.dir, f));
  const total = files.length + last.length;
  progress({ phase: 'upload', done: 0, total });
  const replaced = new Set([...(previous.manifest?.files.map((f) => f.path) ?? []), ...(previous.sha ? [MANIFEST_FILE] : []), ...(previous.manifest?.build.signed ? [SIGNATURE_FILE] : [])]);
  await uploadFiles(remote, { files, last }, replaced, { signal: uploads.signal, progress: (n) => progress({ phase: 'upload', done: n, total }) });
  report.uploaded = [...files, ...last].map((f) => f.path);
  report.bytes = plan.upload.reduce((n, f) => n + f.size, 0);

  // The commit point: the new manifest is up. From here the publish runs to its end even if cancelled.
  commitPoint();
  progress({ phase: 'cleanup', done: 0, total: toRemove.length });
  report.leftovers = await remote.remove(toRemove, never);
  const left = new Set(report.leftovers.map((l) => l.path));
  report.deleted = toRemove.filter((p) => !left.has(p));
  progress({ phase: 'cleanup', done: toRemove.length, total: toRemove.length });
  report.commit = await remote.commit(`Publish ${local.manifest.build.organisation}'s transparency site: ${plural(plan.upload.length, 'file')} changed, ${plural(report.deleted.length, 'file')} removed (Candor)`, never);
  if (report.leftovers.length) report.warnings.push(`${plural(report.leftovers.length, 'old file')} could not be removed (${report.leftovers.slice(0, 3).map((l) => `${l.path}: ${l.error}`).join('; ')}${report.leftovers.length > 3 ? '; …' : ''}). The site is complete; they are only left over, and the next publish tries again.`);
  return plan;
}

export async function publishSite(options: PublishOptions): Promise<PublishReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const { target } = options;
  // Cancelling stops the uploads; once the manifest is going up the publish runs to its end.
  const uploads = new AbortController();
  let committed = false;
  const onCancel = () => {
    if (!committed) uploads.abort();
  };
  options.signal?.addEventListener('abort', onCancel, { once: true });
  if (options.signal?.aborted) uploads.abort();
  const open = options.open ?? OPEN[target.kind];
  try {
    progress({ phase: 'check', done: 0, total: 1 });
    const local = readLocalSite(options.siteDir);
    progress({ phase: 'check', done: 1, total: 1 });
    let remote: Remote;
    try {
      remote = await open(target, options.secrets, options.context, uploads.signal);
    } catch (err) {
      if (uploads.signal.aborted) throw new CandorError('CANCELLED', 'Publishing was cancelled. Nothing was changed online.');
      throw err;
    }
    const report: PublishReport = {
      target: target.name, kind: target.kind, location: remote.location, url: target.settings.publicUrl ?? null, dryRun: Boolean(options.dryRun),
      uploaded: [], deleted: [], unchanged: 0, bytes: 0, checked: 0, manifest: sha256(local.bytes), previousManifest: null, commit: null, leftovers: [], warnings: [], ms: 0,
    };
    let plan: PublishPlan;
    try {
      plan = await transfer(remote, local, options, report, uploads, () => {
        committed = true;
      });
    } finally {
      await remote.close();
    }
    if (!report.dryRun) report.checked = await verifyRemote(() => open(target, options.secrets, options.context, new AbortController().signal), local, plan, progress);
    report.ms = Math.round(performance.now() - started);
    progress({ phase: 'done', done: 1, total: 1 });
    return report;
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
  }
}
