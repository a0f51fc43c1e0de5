import { createHash, hash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256File } from '../../file-hash.ts';
import { readStamps, sameStamp, setStamp, statOrNull, stampWords } from '../file-stamps.ts';
import type { Stamps } from '../file-stamps.ts';
import { filesIn } from '../files-in.ts';
import type { ManifestFile } from '../manifest.ts';
import { startWorker } from '../../worker-link.ts';

// What a rebuild finds on disk of the site it may reuse (issue 16.4: nothing is reused unchecked): every file present,
// and for each file its manifest lists, whether it still has the size and SHA-256 the manifest gives, or the stamp
// (file-stamps.ts) the build that wrote it saved. At 100,000 threads that is a listing of 119,000 files and a stat of
// each, a second of one core. For such sites it runs on a worker of its own, started first, while the builder reads
// the workspace; the builder gets only what differs (load.ts) and the stamps to carry over (commit.ts).

/**
 * `changed`: the indexes (in the manifest's order) of the files that no longer match it: not in the folder's listing
 * (missing, or reached through a symlinked folder), not a regular file, another size, or, when their stamp is not
 * the saved one, another SHA-256. `unlisted`: what the listing holds that the manifest does not name, in path order.
 * `stamps`: each matching file's stamp now (file-stamps.ts); `hashed`: how many files were read to be hashed.
 */
export type SiteScan = { manifestSha: string; changed: number[]; unlisted: string[]; stamps: Stamps; hashed: number };

/** Above this manifest size (about 30,000 files) the scan runs on a worker: below it, starting one costs more. */
const WORKER_FROM_BYTES = 4 << 20;
/** Below this size a file is read whole and hashed in one call (most pages); above, in chunks. */
const WHOLE_READ_MAX = 8 << 20;

function manifestSha(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Which manifest files are in the listing, and what else it holds, by name (for a manifest not in path order). */
function listByName(present: readonly string[], files: readonly Pick<ManifestFile, 'path'>[]): { listed: Uint8Array; unlisted: string[] } {
  const onDisk = new Set(present);
  const listed = new Uint8Array(files.length);
  for (let i = 0; i < files.length; i++) if (onDisk.delete(files[i]!.path)) listed[i] = 1;
  return { listed, unlisted: present.filter((rel) => onDisk.has(rel)) };
}

/**
 * Which manifest files are in the folder's listing, and what else it holds: both in path order, walked side by side
 * (no set of every path). A manifest out of order (Candor writes it sorted; someone else may not) is matched by name.
 */
function listSite(dir: string, files: readonly Pick<ManifestFile, 'path'>[]): { listed: Uint8Array; unlisted: string[] } {
  const present = filesIn(dir, { inPathOrder: true });
  const listed = new Uint8Array(files.length);
  const unlisted: string[] = [];
  let j = 0;
  for (let i = 0; i < files.length; i++) {
    const path = files[i]!.path;
    if (i > 0 && !(files[i - 1]!.path < path)) return listByName(present, files);
    while (j < present.length && present[j]! < path) unlisted.push(present[j++]!);
    if (j < present.length && present[j] === path) {
      listed[i] = 1;
      j++;
    }
  }
  while (j < present.length) unlisted.push(present[j++]!);
  return { listed, unlisted };
}

/** Whether the file's bytes are the ones the manifest gives. */
function sameBytes(file: string, f: ManifestFile): boolean {
  const sha = f.size <= WHOLE_READ_MAX ? hash('sha256', readFileSync(file), 'hex') : sha256File(file).sha256;
  return sha === f.sha256;
}

/** Files stat'ed per piece of work (see SharedStats). */
const PIECE_FILES = 2048;

/**
 * The stats of a scan, shared between its worker and the builder's thread: the builder, when it comes to wait for the
 * scan, takes the pieces the worker has not taken yet instead of waiting idle. `control`: the next piece to take, the
 * pieces done, and the count of files (0 until the worker has read the manifest); per file its size (-1: not a
 * regular file) and its stamp (file-stamps.ts). Sized for `capacity` files.
 */
export type SharedStats = { buffer: SharedArrayBuffer; capacity: number };

export function sharedStats(capacity: number): SharedStats {
  return { buffer: new SharedArrayBuffer(16 + 24 * capacity), capacity };
}

function views(shared: SharedStats): { control: Int32Array; sizes: Float64Array; stamps: Stamps } {
  const { buffer, capacity } = shared;
  return { control: new Int32Array(buffer, 0, 4), sizes: new Float64Array(buffer, 16, capacity), stamps: new Float64Array(buffer, 16 + 8 * capacity, 2 * capacity) };
}

/**
 * Takes pieces of the stats until none is left. A path is stat'ed whether or not the listing has it (a stat reads
 * nothing; a file not in the listing is not used whatever its stat says).
 */
export function statPieces(dir: string, files: readonly Pick<ManifestFile, 'path'>[], shared: SharedStats): void {
  const { control, sizes, stamps } = views(shared);
  const pieces = Math.ceil(files.length / PIECE_FILES);
  for (let p = Atomics.add(control, 0, 1); p < pieces; p = Atomics.add(control, 0, 1)) {
    for (let i = p * PIECE_FILES; i < Math.min(files.length, (p + 1) * PIECE_FILES); i++) {
      const st = statOrNull(`${dir}/${files[i]!.path}`);
      if (st?.isFile()) {
        sizes[i] = st.size;
        setStamp(stamps, i, st);
      } else sizes[i] = -1;
    }
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  }
}

/** How long the worker waits for the builder's pieces before it gives up (the builder then scans alone). */
const HELP_WAIT_MS = 30_000;

/** Waits until every piece is done (the builder's thread may be doing the last ones); false after HELP_WAIT_MS. */
function allPiecesDone(shared: SharedStats, count: number): boolean {
  const { control } = views(shared);
  const pieces = Math.ceil(count / PIECE_FILES);
  const until = Date.now() + HELP_WAIT_MS;
  for (let done = Atomics.load(control, 1); done < pieces; done = Atomics.load(control, 1)) {
    if (Date.now() > until) return false;
    Atomics.wait(control, 1, done, 100);
  }
  return true;
}

/**
 * Lists the site and checks every file its manifest (whose SHA-256 is `sha`) lists: its size, and its stamp against the
 * ones saved at `savedStamps` for this manifest (a file without the saved stamp is hashed). With `shared`, the
 * builder's thread may take a part of the stats (builderHelps).
 */
export function scanSite(dir: string, sha: string, files: readonly ManifestFile[], savedStamps: string | null, shared?: SharedStats): SiteScan {
  const stats = shared && shared.capacity >= files.length ? shared : sharedStats(files.length);
  if (stats === shared) Atomics.store(views(stats).control, 2, files.length);
  const saved = savedStamps ? readStamps(savedStamps, sha, files.length) : null;
  const savedWords = saved ? stampWords(saved) : null;
  const { listed, unlisted } = listSite(dir, files);
  statPieces(dir, files, stats);
  if (!allPiecesDone(stats, files.length)) throw new Error('the builder did not finish its part of the scan');
  const { sizes } = views(stats);
  // The stamps as a buffer of their own (the shared one is not handed over).
  const stamps = views(stats).stamps.slice(0, 2 * files.length);
  const words = stampWords(stamps);
  const changed: number[] = [];
  let hashed = 0;
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    // Not in the listing (missing, or a path that leaves the folder or goes through a symlink), not a regular file, or
    // another size: not looked at further.
    if (listed[i] !== 1 || sizes[i] !== f.size) {
      changed.push(i);
      continue;
    }
    if (savedWords && sameStamp(words, savedWords, i)) continue;
    hashed++;
    // A path of the listing (never one leaving the folder): put together without normalising.
    if (!sameBytes(`${dir}/${f.path}`, f)) changed.push(i);
  }
  return { manifestSha: sha, changed, unlisted, stamps, hashed };
}

type Reply = { ok: true; scan: SiteScan } | { ok: false; message: string };

/** A scan started on a worker: its result, and the stats the builder's thread may help with. */
export type StartedScan = { result: Promise<SiteScan | null>; shared: SharedStats };

/**
 * Starts the scan of a big site on a worker, or null: no site, a small one (scanned in the builder when needed), or
 * the worker failed (the builder then scans in its own thread). The scan's manifest is the one it names by hash.
 */
export function startSiteScan(dir: string | null, manifestFile: string, savedStamps: string | null, fromBytes = WORKER_FROM_BYTES): StartedScan | null {
  if (!dir) return null;
  let size: number;
  try {
    size = statSync(join(dir, manifestFile)).size;
  } catch {
    return null;
  }
  if (size < fromBytes) return null;
  // A manifest line is over 64 bytes: room for every file it can list.
  const shared = sharedStats(Math.ceil(size / 64) + 1);
  const result = new Promise<SiteScan | null>((resolve) => {
    const worker = startWorker<never, Reply>(new URL('./site-scan-worker.ts', import.meta.url), {
      name: 'checking the previous site',
      workerData: { dir, manifestFile, savedStamps, shared },
      onMessage: (reply) => {
        resolve(reply.ok ? reply.scan : null);
        void worker.end();
      },
      onFailure: () => resolve(null),
    });
  });
  return { result, shared };
}

/**
 * The scan of the site whose manifest's SHA-256 is `sha`: the worker's when it read the same one, else made here. While
 * the worker is busy, this thread takes the pieces of its stats not taken yet (when the worker read a manifest of as
 * many files: one of another count is not helped with, and a scan of another manifest is not used).
 */
export async function siteScanOf(started: StartedScan | null, dir: string, sha: string, files: readonly ManifestFile[], savedStamps: string | null): Promise<SiteScan> {
  if (started && Atomics.load(views(started.shared).control, 2) === files.length) statPieces(dir, files, started.shared);
  const scan = started ? await started.result : null;
  return scan && scan.manifestSha === sha && scan.stamps.length === 2 * files.length ? scan : scanSite(dir, sha, files, savedStamps);
}

/** A manifest's SHA-256 and text; its bytes are let go before the text is parsed. */
function manifestText(file: string): { sha: string; text: string } {
  const bytes = readFileSync(file);
  return { sha: manifestSha(bytes), text: bytes.toString('utf8') };
}

/**
 * Reads a site's manifest: its SHA-256 (what names it) and its files. Only the hash of its bytes is kept: at 100,000
 * threads they are 16 MB outside the heap, which, held across the scan (an await), outlived the parse into the old
 * generation and stayed allocated until the build's end.
 */
export function readManifestFiles(dir: string, manifestFile: string): { sha: string; files: ManifestFile[] } {
  const { sha, text } = manifestText(join(dir, manifestFile));
  return { sha, files: (JSON.parse(text) as { files: ManifestFile[] }).files };
}
