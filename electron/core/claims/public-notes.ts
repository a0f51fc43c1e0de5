// What the public claim page must say beyond the claim's figures: that it was published over error-level findings
// (and the reason recorded), when and why it was retired, and whether its target's deadline has passed.
import type { DatabaseSync } from 'node:sqlite';
import type { Claim } from '../../shared/claims/model.ts';
import type { Revision } from '../../shared/claims/views.ts';

export type PublicNotes = {
  /** Published despite error-level findings of the check: the rules' messages and the reason staff recorded. */
  override: { reason: string; findings: { rule: string; message: string }[] } | null;
  retirement: { at: string; reason: string | null } | null;
  /** The target's deadline (end of its year) is before the review date: no longer a future target. */
  targetPassed: boolean;
  /** The category label when the claim was a future target whose deadline has passed; null otherwise. */
  categoryLabel: string | null;
};

/** Annual targets are due by the end of their year (as in progress.ts). */
export function targetPassed(claim: Pick<Claim, 'target'>, asOf: string): boolean {
  return claim.target !== null && Number(asOf.slice(0, 4)) > claim.target.year;
}

/** The latest retirement of a claim in the audit log: when, and the reason given (or the note, for older logs). */
export function retirementOf(db: DatabaseSync, id: string): { at: string; reason: string | null } | null {
  const row = db.prepare(`SELECT at, after FROM audit_log WHERE entity_type = 'claim' AND entity_id = ? AND action = 'claim.retire' ORDER BY seq DESC LIMIT 1`)
    .get(id) as { at: string; after: string | null } | undefined;
  if (!row) return null;
  const after = (row.after ? JSON.parse(row.after) : {}) as { reason?: unknown; note?: unknown };
  const reason = typeof after.reason === 'string' ? after.reason : typeof after.note === 'string' ? after.note : null;
  return { at: row.at, reason };
}

export function publicNotes(db: DatabaseSync, status: 'published' | 'retired', revision: Revision, asOf: string): PublicNotes {
  const errors = revision.findings.filter((f) => f.severity === 'error');
  const passed = targetPassed(revision.claim, asOf);
  return {
    override: revision.overrideReason && errors.length ? { reason: revision.overrideReason, findings: errors.map((f) => ({ rule: f.rule, message: f.message })) } : null,
    retirement: status === 'retired' ? retirementOf(db, revision.claim.id) : null,
    targetPassed: passed,
    categoryLabel: passed && revision.claim.category === 'future_target' ? 'Target (deadline passed)' : null,
  };
}
