// The claims register's workspace settings, and the second-approver rule they switch on: the person who wrote a
// claim's current wording cannot also approve or publish it. Settings are rows of the workspace's meta table
// ("claims.<key>"), like the curation policy, and every change is in the audit log.
import type { DatabaseSync } from 'node:sqlite';
import { transaction } from '../db/transaction.ts';
import { CandorError } from '../errors.ts';
import { appendAudit } from '../store/audit.ts';
import { ClaimSettings } from '../../shared/claims/settings.ts';

const KEY = 'claims.secondApprover';

export function readClaimSettings(db: DatabaseSync): ClaimSettings {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  return { secondApprover: row?.value === 'true' };
}

/** Changes the settings in one transaction, with before and after in the audit log. */
export function writeClaimSettings(db: DatabaseSync, actor: string, patch: Partial<ClaimSettings>): ClaimSettings {
  return transaction(db, () => {
    const before = readClaimSettings(db);
    const after = ClaimSettings.parse({ ...before, ...patch });
    if (after.secondApprover !== before.secondApprover) {
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, String(after.secondApprover));
      appendAudit(db, { actor, action: 'claims.settings.set', entityType: 'setting', entityId: KEY, before, after });
    }
    return after;
  });
}

/**
 * Who wrote the claim's current wording: the person behind its latest create or update in the audit log (workflow
 * steps change who touched the row last, not who wrote the words).
 */
export function claimAuthor(db: DatabaseSync, id: string): string | null {
  const row = db.prepare(`SELECT actor FROM audit_log WHERE entity_type = 'claim' AND entity_id = ? AND action IN ('claim.create', 'claim.update') ORDER BY seq DESC LIMIT 1`)
    .get(id) as { actor: string } | undefined;
  return row?.actor ?? null;
}

/** Refuses an approval or publication by the claim's own author when the workspace asks for a second approver. */
export function assertSecondApprover(db: DatabaseSync, id: string, actor: string, to: 'approved' | 'published'): void {
  if (!readClaimSettings(db).secondApprover) return;
  const author = claimAuthor(db, id);
  if (author !== actor) return;
  const verb = to === 'approved' ? 'approve' : 'publish';
  throw new CandorError(
    'SECOND_APPROVER_REQUIRED',
    `Claim "${id}" was last written by you (${actor}); this workspace needs a second person to approve and publish it. Ask a colleague to ${verb} it.`,
    { field: 'status' },
  );
}
