import { parentPort, workerData } from 'node:worker_threads';
import { crashHookFor } from '../../worker-link.ts';
import { readManifestFiles, scanSite } from './site-scan.ts';

// Scans the previous site beside the builder (see startSiteScan in site-scan.ts).

crashHookFor('site scan');
const { dir, manifestFile } = workerData as { dir: string; manifestFile: string };
try {
  const { bytes, files } = readManifestFiles(dir, manifestFile);
  const scan = scanSite(dir, bytes, files);
  parentPort!.postMessage({ ok: true, scan });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message });
}
