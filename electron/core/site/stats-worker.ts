import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { workspaceStats } from '../curation/workspace-stats.ts';
import { dataVersion } from '../store/data-version.ts';
import { DB_FILE } from '../workspace.ts';

// Computes the site's statistics beside the builder (see siteStats in data.ts), on a read-only connection.

const { workspaceDir } = workerData as { workspaceDir: string };
try {
  const db = new DatabaseSync(join(workspaceDir, DB_FILE), { readOnly: true });
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    // One read transaction: the statistics and the data version they describe (the builder compares it with its own).
    db.exec('BEGIN');
    const version = dataVersion(db).seq;
    const stats = workspaceStats(db);
    db.exec('COMMIT');
    parentPort!.postMessage({ ok: true, stats, dataVersion: version });
  } finally {
    db.close();
  }
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message });
}
