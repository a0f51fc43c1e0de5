import type { DatabaseSync } from 'node:sqlite';
import { diffClaims } from '../claims/history.ts';
import type { Claim } from '../../shared/claims/model.ts';
import type { Language } from '../../shared/claims/language.ts';
import { assessProgress } from '../../shared/claims/progress.ts';
import type { ProgressReason } from '../../shared/claims/progress.ts';
import { publicNotes } from '../claims/public-notes.ts';
import type { PublicNotes } from '../claims/public-notes.ts';
import { listRevisions, publishedClaims } from '../claims/read.ts';

// The claims the public sees: published and retired claims as of their latest published revision (never a draft
// in progress), with progress, evidence and the history of what changed between revisions.

type SiteEvidence = {
  type: string;
  title: string;
  issuer: string | null;
  independentThirdParty: boolean;
  issued: string | null;
  validUntil: string | null;
  covers: string[];
  url: string | null;
  file: { name: string; size: number; sha256: string } | null;
};

type SiteChange = { field: string; label: string; before: string | null; after: string | null };
/** `before` and `claim`: the claim as the revision before and this one had it, so a page words the changed values in its language. */
type SiteRevision = { revision: number; publishedAt: string; changes: SiteChange[]; before: Claim | null; claim: Claim };
/** `reason`: which explanation applies; the English one is what the open data carries. */
type SiteProgress = { status: string; reason: ProgressReason; explanation: string; ratio: number | null; elapsed: number | null };
type YearValue = { value: number; year: number };

export type SiteClaim = {
  id: string;
  title: string;
  statement: string;
  /** The statement's language as set on the claim (null: told from the statement, or the site's). */
  language: Language | null;
  markets: string[];
  category: string;
  scope: string;
  scopeDetail: string | null;
  metric: string | null;
  unit: string | null;
  baseline: YearValue | null;
  target: YearValue | null;
  currentValue: number | null;
  currentAsOf: string | null;
  comparisonBasis: string | null;
  usesOffsets: boolean | null;
  label: string | null;
  status: 'published' | 'retired';
  revision: number;
  publishedAt: string | null;
  progress: SiteProgress;
  evidence: SiteEvidence[];
  revisions: SiteRevision[];
  notes: PublicNotes;
};

function fromClaim(c: Claim): Omit<SiteClaim, 'status' | 'revision' | 'publishedAt' | 'progress' | 'revisions' | 'notes'> {
  return {
    id: c.id,
    title: c.title,
    statement: c.statement,
    language: c.language,
    markets: [...c.markets],
    category: c.category,
    scope: c.scope,
    scopeDetail: c.scope_detail,
    metric: c.metric,
    unit: c.unit,
    baseline: c.baseline,
    target: c.target,
    currentValue: c.current_value,
    currentAsOf: c.current_as_of,
    comparisonBasis: c.comparison_basis,
    usesOffsets: c.uses_offsets,
    label: c.label,
    evidence: c.evidence.map((e) => ({
      type: e.type,
      title: e.title,
      issuer: e.issuer,
      independentThirdParty: e.independent_third_party,
      issued: e.issued,
      validUntil: e.valid_until,
      covers: [...e.covers],
      url: e.url,
      file: e.file ? { name: e.file.name, size: e.file.size, sha256: e.file.sha256 } : null,
    })),
  };
}

/**
 * Published and retired claims as of their latest published revision. Progress is computed by the claims register
 * as of `asOf` (the date the data last changed, so the same workspace always gives the same page).
 */
export function loadSiteClaims(db: DatabaseSync, asOf: string): SiteClaim[] {
  return publishedClaims(db).map(({ status, revision }) => {
    const revisions = listRevisions(db, revision.claim.id);
    const progress = assessProgress(revision.claim, asOf);
    return {
      ...fromClaim(revision.claim),
      status,
      revision: revision.revision,
      publishedAt: revision.publishedAt,
      // A claim without a numeric target is a statement, not a target whose progress is unknown.
      progress: { status: revision.claim.target ? progress.status : 'statement', reason: progress.reason, explanation: progress.explanation, ratio: progress.done, elapsed: progress.elapsed },
      notes: publicNotes(db, status, revision, asOf),
      revisions: revisions.map((r, i) => ({
        revision: r.revision,
        publishedAt: r.publishedAt,
        before: i === 0 ? null : revisions[i - 1]!.claim,
        claim: r.claim,
        changes: i === 0 ? [] : diffClaims(revisions[i - 1]!.claim, r.claim).map((ch) => ({ field: ch.field, label: ch.label, before: ch.before, after: ch.after })),
      })),
    };
  });
}
