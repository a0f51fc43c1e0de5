import { createHash, hash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256File } from '../../file-hash.ts';
import { readStamps, sameStamp, setStamp, statOrNull, stampWords } from '../file-stamps.ts';
import type { Stamps } from '../file-stamps.ts';
import { sortedFilesIn } from '../files-in.ts';
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

export function manifestSha(bytes: Buffer): string {
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
  const present = sortedFilesIn(dir);
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

/**
 * Lists the site and checks every file its manifest (read as `manifest`) lists: its size, and its stamp against the
 * ones saved at `savedStamps` for this manifest (a file without the saved stamp is hashed).
 */
export function scanSite(dir: string, manifest: Buffer, files: readonly ManifestFile[], savedStamps: string | null): SiteScan {
  const sha = manifestSha(manifest);
  const saved = savedStamps ? readStamps(savedStamps, sha, files.length) : null;
  const savedWords = saved ? stampWords(saved) : null;
  const { listed, unlisted } = listSite(dir, files);
  const stamps = new Float64Array(files.length * 2);
  const words = stampWords(stamps);
  const changed: number[] = [];
  let hashed = 0;
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    // Not in the listing: missing, or a path that leaves the folder or goes through a symlink. Not looked at.
    if (listed[i] !== 1) {
      changed.push(i);
      continue;
    }
    // A path of the listing (never one leaving the folder): put together without normalising.
    const file = `${dir}/${f.path}`;
    // One stat a file: its type and size, and its inode and change time for the stamp.
    const st = statOrNull(file);
    if (!st?.isFile() || st.size !== f.size) {
      changed.push(i);
      continue;
    }
    setStamp(stamps, i, st);
    if (savedWords && sameStamp(words, savedWords, i)) continue;
    hashed++;
    if (!sameBytes(file, f)) changed.push(i);
  }
  return { manifestSha: sha, changed, unlisted, stamps, hashed };
}

type Reply = { ok: true; scan: SiteScan } | { ok: false; message: string };

/**
 * Starts the scan of a big site on a worker, or null: no site, a small one (scanned in the builder when needed), or
 * the worker failed (the builder then scans in its own thread). The scan's manifest is the one it names by hash.
 */
export function startSiteScan(dir: string | null, manifestFile: string, savedStamps: string | null, fromBytes = WORKER_FROM_BYTES): Promise<SiteScan | null> | null {
  if (!dir) return null;
  try {
    if (statSync(join(dir, manifestFile)).size < fromBytes) return null;
  } catch {
    return null;
  }
  return new Promise<SiteScan | null>((resolve) => {
    const worker = startWorker<never, Reply>(new URL('./site-scan-worker.ts', import.meta.url), {
      name: 'checking the previous site',
      workerData: { dir, manifestFile, savedStamps },
      onMessage: (reply) => {
        resolve(reply.ok ? reply.scan : null);
        void worker.end();
      },
      onFailure: () => resolve(null),
    });
  });
}

/** The scan of the site whose manifest is `manifest`: the worker's when it read the same one, else made here. */
export async function siteScanOf(started: Promise<SiteScan | null> | null, dir: string, manifest: Buffer, files: readonly ManifestFile[], savedStamps: string | null): Promise<SiteScan> {
  const scan = started ? await started : null;
  return scan && scan.manifestSha === manifestSha(manifest) && scan.stamps.length === 2 * files.length ? scan : scanSite(dir, manifest, files, savedStamps);
}

/** Reads a site's manifest (its bytes, to name it by hash, and its files). */
export function readManifestFiles(dir: string, manifestFile: string): { bytes: Buffer; files: ManifestFile[] } {
  const bytes = readFileSync(join(dir, manifestFile));
  return { bytes, files: (JSON.parse(bytes.toString('utf8')) as { files: ManifestFile[] }).files };
}
