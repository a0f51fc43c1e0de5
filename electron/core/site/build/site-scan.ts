import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stampOf } from '../build-state.ts';
import { filesIn } from '../files-in.ts';
import type { ManifestFile } from '../manifest.ts';
import { startWorker } from '../../worker-link.ts';

// What a rebuild finds on disk of the site it may reuse (issue 16.4: nothing is reused unchecked): every file present,
// and for each file its manifest lists, its size and stamp (build-state.ts). At 100,000 threads that is a listing of
// 119,000 files and a stat of each, a second of one core. For such sites it runs on a worker of its own, started
// first, while the builder reads the workspace; the builder compares the results with what it saved (load.ts).

/** Each listed file (in the manifest's order): its size, -1 when it is missing or not a regular file. */
/**
 * `listed[i]`: whether the manifest's i-th file is in the folder's listing (one reached through a symlinked folder is
 * not); `unlisted`: what the listing holds that the manifest does not name. Worked out where the scan runs (a worker,
 * for a big site), so the builder does not build sets of every path while it waits for nothing else.
 */
export type SiteScan = { manifestSha: string; listed: Uint8Array; unlisted: string[]; sizes: Float64Array; stamps: (string | null)[] };

/** Above this manifest size (about 30,000 files) the scan runs on a worker: below it, starting one costs more. */
const WORKER_FROM_BYTES = 4 << 20;

export function manifestSha(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Lists the site and stats every file its manifest (read as `manifest`) lists. */
export function scanSite(dir: string, manifest: Buffer, files: readonly Pick<ManifestFile, 'path'>[]): SiteScan {
  const present = filesIn(dir);
  const onDisk = new Set(present);
  const named = new Set<string>();
  const listed = new Uint8Array(files.length);
  for (let i = 0; i < files.length; i++) {
    const path = files[i]!.path;
    named.add(path);
    if (onDisk.has(path)) listed[i] = 1;
  }
  const unlisted = present.filter((rel) => !named.has(rel));
  const sizes = new Float64Array(files.length);
  const stamps: (string | null)[] = new Array<string | null>(files.length).fill(null);
  for (let i = 0; i < files.length; i++) {
    try {
      // One stat a file, in nanoseconds: its type and size, and its inode and change time for the stamp.
      const st = statSync(join(dir, files[i]!.path), { bigint: true });
      const stamp = stampOf(st);
      sizes[i] = stamp === null ? -1 : Number(st.size);
      stamps[i] = stamp;
    } catch {
      sizes[i] = -1;
    }
  }
  return { manifestSha: manifestSha(manifest), listed, unlisted, sizes, stamps };
}

type Reply = { ok: true; scan: SiteScan } | { ok: false; message: string };

/**
 * Starts the scan of a big site on a worker, or null: no site, a small one (scanned in the builder when needed), or
 * the worker failed (the builder then scans in its own thread). The scan's manifest is the one it names by hash.
 */
export function startSiteScan(dir: string | null, manifestFile: string, fromBytes = WORKER_FROM_BYTES): Promise<SiteScan | null> | null {
  if (!dir) return null;
  try {
    if (statSync(join(dir, manifestFile)).size < fromBytes) return null;
  } catch {
    return null;
  }
  return new Promise<SiteScan | null>((resolve) => {
    const worker = startWorker<never, Reply>(new URL('./site-scan-worker.ts', import.meta.url), {
      name: 'checking the previous site',
      workerData: { dir, manifestFile },
      onMessage: (reply) => {
        resolve(reply.ok ? reply.scan : null);
        void worker.end();
      },
      onFailure: () => resolve(null),
    });
  });
}

/** The scan of the site whose manifest is `manifest`: the worker's when it read the same one, else made here. */
export async function siteScanOf(started: Promise<SiteScan | null> | null, dir: string, manifest: Buffer, files: readonly ManifestFile[]): Promise<SiteScan> {
  const scan = started ? await started : null;
  return scan && scan.manifestSha === manifestSha(manifest) && scan.sizes.length === files.length ? scan : scanSite(dir, manifest, files);
}

/** Reads a site's manifest (its bytes, to name it by hash, and its files). */
export function readManifestFiles(dir: string, manifestFile: string): { bytes: Buffer; files: ManifestFile[] } {
  const bytes = readFileSync(join(dir, manifestFile));
  return { bytes, files: (JSON.parse(bytes.toString('utf8')) as { files: ManifestFile[] }).files };
}
