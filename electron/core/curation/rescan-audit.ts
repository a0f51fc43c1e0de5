import type { DatabaseSync } from 'node:sqlite';
import { transaction } from '../db/transaction.ts';
import { appendAudit } from '../store/audit.ts';

// Conversations scanned again because the personal-data detectors got better leave one audit entry per re-scan:
// how many, from which detector version to which, and how many new findings curators have to review. The entry is
// not about one thread, so the site builder counts it as a change that may touch any page: the next build renders
// every page again instead of keeping ones made when the old detectors missed something.

const TALLY_KEY = 'curation.rescanTally';

export type RescanTally = { threads: number; newFindings: number; from: string[] };

/** Adds a batch's re-scans to the running tally (call inside the batch's transaction). */
export function tallyRescans(db: DatabaseSync, add: RescanTally): void {
  const now = readTally(db) ?? { threads: 0, newFindings: 0, from: [] };
  const next: RescanTally = { threads: now.threads + add.threads, newFindings: now.newFindings + add.newFindings, from: [...new Set([...now.from, ...add.from])].sort() };
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(TALLY_KEY, JSON.stringify(next));
}

function readTally(db: DatabaseSync): RescanTally | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(TALLY_KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    const v = JSON.parse(row.value) as Partial<RescanTally>;
    return { threads: Number(v.threads ?? 0), newFindings: Number(v.newFindings ?? 0), from: Array.isArray(v.from) ? v.from.map(String) : [] };
  } catch {
    return null;
  }
}

/** Writes the re-scans counted so far as one audit entry, and starts the count again. Nothing counted: nothing written. */
export function auditRescans(db: DatabaseSync, detectorVersion: string): void {
  transaction(db, () => {
    const tally = readTally(db);
    if (!tally) return;
    db.prepare('DELETE FROM meta WHERE key = ?').run(TALLY_KEY);
    if (tally.threads === 0) return;
    appendAudit(db, {
      actor: 'Candor',
      action: 'curation.rescan',
      entityType: 'detector',
      entityId: detectorVersion,
      before: { detectorVersion: tally.from.join(', ') },
      after: { detectorVersion: detectorVersion, threads: tally.threads, newFindings: tally.newFindings },
    });
  });
}
