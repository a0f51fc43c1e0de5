import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { workspaceStats } from '../curation/workspace-stats.ts';
import { DB_FILE } from '../workspace.ts';

// Computes the site's statistics beside the builder (see siteStats in data.ts), on a read-only connection.

const { workspaceDir } = workerData as { workspaceDir: string };
try {
  const db = new DatabaseSync(join(workspaceDir, DB_FILE), { readOnly: true });
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    parentPort!.postMessage({ ok: true, stats: workspaceStats(db) });
  } finally {
    db.close();
  }
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message });
}
