import { DB_FILE, openQueryOnly } from '../db/query-only.ts';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readVersionedStats } from '../curation/workspace-stats.ts';
import { crashHookFor } from '../worker-link.ts';

// Computes the site's statistics beside the builder (see siteStats in site-data.ts), on a read-only connection.

crashHookFor('stats');
const { workspaceDir } = workerData as { workspaceDir: string };
try {
  const db = openQueryOnly(join(workspaceDir, DB_FILE));
  try {
    // With the data version they describe: the builder compares it with its own.
    parentPort!.postMessage({ ok: true, ...readVersionedStats(db) });
  } finally {
    db.close();
  }
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message });
}
