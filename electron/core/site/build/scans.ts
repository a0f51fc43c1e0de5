import { statSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { DB_FILE } from '../../db/query-only.ts';
import type { Workspace } from '../../workspace.ts';

// Where a build's scans of every published thread read (the filter lists' facets, the publication log's versions),
// and how much page cache the workspace's connection keeps meanwhile. The writer's connection has a 64 MB cache
// (db/open.ts), set for imports. A database four times that size (about 20,000 threads) cannot stay in it between
// the build's scans: each is read from the disk cache anyway, and at 100,000 threads the 64 MB stayed filled to the
// end of the build. A smaller database's scans are served from that cache, which is cheaper than reading it again.

/** Above this size (bytes) a database is a big one (see above). An object, so tests can take the big path on a small site. */
export const scanLimits = { cachedDbMax: 256 << 20 };

function isBig(ws: Workspace): boolean {
  try {
    return statSync(join(ws.dir, DB_FILE)).size > scanLimits.cachedDbMax;
  } catch {
    return false;
  }
}

/** The connection the build's scans read from: for a big workspace the read-only one (2 MB cache), else the writer's. */
export function scanConnection(ws: Workspace): DatabaseSync {
  return isBig(ws) ? ws.reader() : ws.db;
}

/**
 * For a big workspace, the writer's page cache at SQLite's default size (2 MB) while the build runs. Returns what puts
 * the connection's own size back.
 */
export function buildCache(ws: Workspace): () => void {
  if (!isBig(ws)) return () => {};
  const was = (ws.db.prepare('PRAGMA cache_size').get() as { cache_size: number }).cache_size;
  ws.db.exec('PRAGMA cache_size = -2000');
  return () => ws.db.exec(`PRAGMA cache_size = ${was}`);
}
