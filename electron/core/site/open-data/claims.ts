import type { SiteClaim } from '../site-claims.ts';
import { csvRows } from '../../csv-write.ts';
import type { OpenClaim } from './schemas.ts';

// data/claims.json, data/claims.csv and data/claim-evidence.csv: every published or retired claim, with its
// evidence (files under their published address) and revisions.

const CLAIMS_CSV_HEADER = [['id', 'title', 'statement', 'markets', 'category', 'scope', 'scope_detail', 'metric', 'unit', 'baseline_value', 'baseline_year',
  'target_value', 'target_year', 'current_value', 'current_as_of', 'comparison_basis', 'uses_offsets', 'label', 'status', 'revision', 'published_at', 'progress', 'evidence']];
const EVIDENCE_CSV_HEADER = [['claim_id', 'type', 'title', 'issuer', 'independent_third_party', 'issued', 'valid_until', 'covers', 'url', 'file_name', 'file_sha256']];

export function openClaim(c: SiteClaim, evidencePath: (sha256: string, name: string) => string | null): OpenClaim {
  return {
    id: c.id,
    title: c.title,
    statement: c.statement,
    markets: c.markets,
    category: c.category,
    scope: c.scope,
    scope_detail: c.scopeDetail,
    metric: c.metric,
    unit: c.unit,
    baseline: c.baseline,
    target: c.target,
    current_value: c.currentValue,
    current_as_of: c.currentAsOf,
    comparison_basis: c.comparisonBasis,
    uses_offsets: c.usesOffsets,
    label: c.label,
    status: c.status,
    revision: c.revision,
    published_at: c.publishedAt,
    progress: { status: c.progress.status, explanation: c.progress.explanation },
    evidence: c.evidence.map((e) => ({
      type: e.type,
      title: e.title,
      issuer: e.issuer,
      independent_third_party: e.independentThirdParty,
      issued: e.issued,
      valid_until: e.validUntil,
      covers: e.covers,
      url: e.url,
      file: e.file ? { ...e.file, path: evidencePath(e.file.sha256, e.file.name) } : null,
    })),
    revisions: c.revisions.map((r) => ({ revision: r.revision, published_at: r.publishedAt, changes: r.changes })),
  };
}

/** data/claims.json: one claim per line. */
export function claimsJson(claims: readonly OpenClaim[]): string {
  return `{"claims":[${claims.map((c) => `\n${JSON.stringify(c)}`).join(',')}${claims.length ? '\n' : ''}]}\n`;
}

export function claimsCsv(claims: readonly OpenClaim[]): string {
  return csvRows([...CLAIMS_CSV_HEADER, ...claims.map((c) => [c.id, c.title, c.statement, c.markets.join('; '), c.category, c.scope, c.scope_detail, c.metric, c.unit,
    c.baseline?.value ?? null, c.baseline?.year ?? null, c.target?.value ?? null, c.target?.year ?? null, c.current_value, c.current_as_of, c.comparison_basis,
    c.uses_offsets, c.label, c.status, c.revision, c.published_at, c.progress.status, c.evidence.length])]);
}

export function claimEvidenceCsv(claims: readonly OpenClaim[]): string {
  return csvRows([...EVIDENCE_CSV_HEADER, ...claims.flatMap((c) => c.evidence.map((e) => [c.id, e.type, e.title, e.issuer, e.independent_third_party, e.issued,
    e.valid_until, e.covers.join('; '), e.url, e.file?.name ?? null, e.file?.sha256 ?? null]))]);
}
