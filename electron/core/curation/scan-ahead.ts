import type { DatabaseSync } from 'node:sqlite';
import { auditRescans } from './rescan-audit.ts';
import type { ScanMark } from './scan-mark.ts';
import { DETECTOR_VERSION, refreshScans, staleScans } from './scan.ts';
import type { ScanRow } from './scan.ts';

// Scanning ahead of time. Detecting personal data costs about a quarter of a millisecond per conversation; left to
// the first filtered search after a 100,000-conversation import, that search took 20-28 s. So it runs right after
// the import commits, in batches of short transactions with the event loop free between them (requests are
// answered in between), and reports progress. The filtered search then finds every scan current and answers at once.
//
// The work is read a batch at a time, never listed whole: a list of every conversation an import added (and texts
// kept through a whole batch, scan.ts) grew the process by 100 MB or more at 100,000 conversations.

const BATCH = 100;

type Work = ReturnType<typeof staleScans>;

/**
 * Where the run of stale rows that ends at the workspace's last thread starts (the threads an import added, in rowid
 * order): every thread from there on is to be checked, so a search need not look up their scans. Walks back from
 * the last thread without keeping what it reads.
 */
function tailOf(db: DatabaseSync, work: Work): number {
  const last = (db.prepare('SELECT max(rowid) AS n FROM threads').get() as { n: number | null }).n ?? 0;
  let start = last + 1;
  if (work.current) return start;
  for (const r of db.prepare(`${work.stale} ORDER BY t.rowid DESC`).iterate(...work.params) as Iterable<{ rowid: number }>) {
    if (r.rowid !== start - 1) break;
    start = r.rowid;
  }
  return start;
}

/** mark: where searches asked meanwhile learn how far the check got (rows are checked in rowid order). */
export async function scanAhead(db: DatabaseSync, onProgress?: (p: { done: number; total: number }) => void, mark?: ScanMark): Promise<{ scanned: number }> {
  const work = staleScans(db);
  const pageAfter = db.prepare(`${work.stale} AND t.rowid > ? ORDER BY t.rowid LIMIT ${BATCH}`);
  const page = (after: number): ScanRow[] => (work.current ? [] : pageAfter.all(...work.params, after) as ScanRow[]);
  const total = work.current ? 0 : (db.prepare(`SELECT count(*) AS n FROM (${work.stale})`).get(...work.params) as { n: number }).n;
  let rows = page(0);
  mark?.listed(rows[0]?.rowid ?? 1, total, tailOf(db, work));
  let scanned = 0;
  let done = 0;
  if (total) onProgress?.({ done: 0, total });
  while (rows.length > 0) {
    scanned += work.scan(rows);
    done += rows.length;
    const next = page(rows.at(-1)!.rowid);
    // Threads changed or added behind the listing can make the pages outnumber the count: never "-3 left".
    mark?.advance(next[0]?.rowid ?? rows.at(-1)!.rowid + 1, Math.max(0, total - done));
    onProgress?.({ done: Math.min(done, total), total });
    rows = next;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  // Records the whole-refresh state: the next filtered search checks one aggregate and scans nothing.
  refreshScans(db);
  // Threads scanned again because the detectors improved: one audit entry for the whole run.
  if (scanned > 0) auditRescans(db, DETECTOR_VERSION);
  return { scanned };
}
