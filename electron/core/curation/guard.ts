import type { DatabaseSync } from 'node:sqlite';
import { refreshScans } from './scan.ts';
import { readSettings } from './settings.ts';

/**
 * The workspace policy "requirePiiHandled": a thread whose high-confidence personal data has not all been accepted
 * or kept cannot be published. Returns why publishing is refused, or null. Registered where the core is composed
 * (publish-guards.ts, createCore), so the CLI, the app and bulk decisions all go through it.
 */
export function personalDataGuard(db: DatabaseSync, threadRowid: number, _threadId: string): string | null {
  if (!readSettings(db).requirePiiHandled) return null;
  refreshScans(db, { rowids: [threadRowid] });
  const r = db.prepare('SELECT unreviewed_high AS n FROM curation_scans WHERE thread_rowid = ?').get(threadRowid) as { n: number } | undefined;
  const n = r?.n ?? 0;
  if (n === 0) return null;
  return `${n} high-confidence personal data finding${n === 1 ? ' is' : 's are'} not handled yet: this workspace publishes a conversation only once its personal data has been reviewed (workspace setting “Personal data reviewed before publishing”). Confirm or keep ${n === 1 ? 'it' : 'them'} in the conversation's personal data panel.`;
}
