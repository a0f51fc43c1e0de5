import { parentPort, workerData } from 'node:worker_threads';
import { crashHookFor } from '../../worker-link.ts';
import { readManifestFiles, scanSite } from './site-scan.ts';
import type { SharedStats } from './site-scan.ts';

// Scans the previous site beside the builder (see startSiteScan in site-scan.ts).

crashHookFor('site scan');
const { dir, manifestFile, savedStamps, shared } = workerData as { dir: string; manifestFile: string; savedStamps: string | null; shared: SharedStats };
try {
  const { sha, files } = readManifestFiles(dir, manifestFile);
  const scan = scanSite(dir, sha, files, savedStamps, shared);
  // The stamps' buffer is handed over, not copied.
  parentPort!.postMessage({ ok: true, scan }, [scan.stamps.buffer as ArrayBuffer]);
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message });
}
