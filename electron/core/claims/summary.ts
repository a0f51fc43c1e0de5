// One claim as lists and detail views show it: counts of findings and progress, computed as of a review date.
import { countBySeverity, LINT_DISCLAIMER, lintClaim } from './lint.ts';
import type { ClaimRecord } from '../../shared/claims/model.ts';
import type { Language } from '../../shared/claims/language.ts';
import { computeProgress } from '../../shared/claims/progress.ts';
import type { ClaimDetail, ClaimSummary } from '../../shared/claims/views.ts';

/** language: the workspace's, for a claim too short to tell its own (workspaceLanguage). */
export function claimSummary(r: ClaimRecord, asOf: string, language?: Language): ClaimSummary {
  const c = r.claim;
  return {
    id: c.id, title: c.title, statement: c.statement, status: r.status, revision: r.revision, markets: c.markets, category: c.category,
    scope: c.scope, owner: c.owner, evidence: c.evidence.length, findings: countBySeverity(lintClaim(c, { asOf, language })),
    progress: c.target ? computeProgress(c, asOf) : null, updatedAt: r.updatedAt, updatedBy: r.updatedBy,
  };
}

export function claimDetail(r: ClaimRecord, asOf: string, language?: Language): ClaimDetail {
  return { record: r, asOf, findings: lintClaim(r.claim, { asOf, language }), progress: r.claim.target ? computeProgress(r.claim, asOf) : null, disclaimer: LINT_DISCLAIMER };
}
