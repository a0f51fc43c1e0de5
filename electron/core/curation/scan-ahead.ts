import type { DatabaseSync } from 'node:sqlite';
import { auditRescans } from './rescan-audit.ts';
import type { ScanMark } from './scan-mark.ts';
import { DETECTOR_VERSION, refreshScans, staleScans } from './scan.ts';

// Scanning ahead of time. Detecting personal data costs about a quarter of a millisecond per conversation; left to
// the first filtered search after a 100,000-conversation import, that search took 20-28 s. So it runs right after
// the import commits, in batches of short transactions with the event loop free between them (requests are
// answered in between), and reports progress. The filtered search then finds every scan current and answers at once.

const BATCH = 100;

/**
 * Where the run of listed rows that ends at the workspace's last thread starts (the threads an import added, in
 * rowid order): every thread from there on is to be checked, so a search need not look up their scans.
 */
function tailOf(db: DatabaseSync, rows: readonly { rowid: number }[]): number {
  const last = (db.prepare('SELECT max(rowid) AS n FROM threads').get() as { n: number | null }).n ?? 0;
  if (rows.length === 0 || rows.at(-1)!.rowid !== last) return last + 1;
  let k = rows.length - 1;
  while (k > 0 && rows[k - 1]!.rowid === rows[k]!.rowid - 1) k--;
  return rows[k]!.rowid;
}

/** mark: where searches asked meanwhile learn how far the check got (rows are checked in rowid order). */
export async function scanAhead(db: DatabaseSync, onProgress?: (p: { done: number; total: number }) => void, mark?: ScanMark): Promise<{ scanned: number }> {
  const { rows, scan } = staleScans(db);
  const after = (i: number) => rows[i]?.rowid ?? (rows.at(-1)?.rowid ?? 0) + 1;
  mark?.listed(after(0), rows.length, tailOf(db, rows));
  let scanned = 0;
  if (rows.length) onProgress?.({ done: 0, total: rows.length });
  for (let i = 0; i < rows.length; i += BATCH) {
    scanned += scan(rows.slice(i, i + BATCH));
    mark?.advance(after(i + BATCH), Math.max(0, rows.length - i - BATCH));
    onProgress?.({ done: Math.min(i + BATCH, rows.length), total: rows.length });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  // Records the whole-refresh state: the next filtered search checks one aggregate and scans nothing.
  refreshScans(db);
  // Threads scanned again because the detectors improved: one audit entry for the whole run.
  if (scanned > 0) auditRescans(db, DETECTOR_VERSION);
  return { scanned };
}
