import { progressBar } from './chart.ts';
import { dateLabel, formatCount, formatNumber, formatPercent } from './format.ts';
import { safeHref } from './markdown.ts';
import { claimPath } from './pages.ts';
import type { SiteClaim } from './site-claims.ts';

// A claim as the claims pages and the home page's scorecard show it: figures, progress, evidence and revisions,
// worded for the public.

export const PROGRESS_LABELS: Record<string, string> = { on_track: 'On track', behind: 'Behind', achieved: 'Achieved', missed: 'Missed', unknown: 'Not yet measured', statement: 'Statement (no numeric target)' };
const CATEGORY_LABELS: Record<string, string> = {
  generic: 'General environmental claim', climate: 'Climate', recycled_content: 'Recycled content', recyclability: 'Recyclability', compostability: 'Compostability',
  degradability: 'Degradability', free_of: '"Free of" claim', toxicity: 'Toxicity', renewable_energy: 'Renewable energy', renewable_material: 'Renewable material',
  label: 'Label', future_target: 'Future target', comparison: 'Comparison', water: 'Water', biodiversity: 'Biodiversity', other: 'Other',
};
const SCOPE_LABELS: Record<string, string> = { product: 'A whole product', part: 'Part of a product', company: 'The whole company' };
const EVIDENCE_LABELS: Record<string, string> = { certificate: 'Certificate', report: 'Report', audit: 'Audit', dataset: 'Dataset', url: 'Web page' };
const FIELD_LABELS: Record<string, string> = {
  statement: 'Statement', title: 'Title', baseline: 'Baseline', target: 'Target', current_value: 'Current value', current_as_of: 'Measured on', unit: 'Unit', metric: 'Metric',
  scope: 'Scope', scope_detail: 'What it covers', markets: 'Markets', category: 'Category', comparison_basis: 'Compared with', uses_offsets: 'Uses carbon credits', label: 'Label', evidence: 'Evidence',
};

function figure(v: { value: number; year: number } | null, unit: string | null): string | null {
  return v ? `${formatNumber(v.value)}${unit ? ` ${unit}` : ''} (${v.year})` : null;
}

export function claimView(c: SiteClaim, asOf: string | null, evidencePath: (sha: string) => string | null): Record<string, unknown> {
  const progressLabel = PROGRESS_LABELS[c.progress.status] ?? c.progress.status;
  return {
    id: c.id,
    url: claimPath(c.id),
    title: c.title,
    statement: c.statement,
    markets: c.markets.join(', '),
    category: CATEGORY_LABELS[c.category] ?? c.category,
    scope: SCOPE_LABELS[c.scope] ?? c.scope,
    scopeDetail: c.scopeDetail,
    metric: c.metric,
    unit: c.unit,
    baseline: figure(c.baseline, c.unit),
    target: figure(c.target, c.unit),
    current: c.currentValue === null ? null : `${formatNumber(c.currentValue)}${c.unit ? ` ${c.unit}` : ''}${c.currentAsOf ? ` (${dateLabel(c.currentAsOf)})` : ''}`,
    comparisonBasis: c.comparisonBasis,
    usesOffsets: c.usesOffsets === null ? 'Not stated' : c.usesOffsets ? 'Yes' : 'No',
    label: c.label,
    status: c.status,
    retired: c.status === 'retired',
    statusLabel: c.status === 'retired' ? 'Retired' : 'Published',
    revision: c.revision,
    publishedAt: c.publishedAt,
    progress: {
      status: c.progress.status,
      label: progressLabel,
      explanation: c.progress.explanation,
      bar: progressBar(c.progress.ratio, c.progress.elapsed, `${progressLabel}: ${c.progress.ratio === null ? 'no measure' : formatPercent(Math.max(0, c.progress.ratio))} of the way to the target`),
    },
    evidence: c.evidence.map((e) => {
      const expired = Boolean(asOf && e.validUntil && e.validUntil < asOf.slice(0, 10));
      return {
        type: EVIDENCE_LABELS[e.type] ?? e.type,
        title: e.title || EVIDENCE_LABELS[e.type] || e.type,
        issuer: e.issuer,
        independent: e.independentThirdParty,
        issued: e.issued,
        validUntil: e.validUntil,
        expired,
        covers: e.covers.join('; '),
        url: safeHref(e.url),
        file: e.file ? { name: e.file.name, size: formatCount(e.file.size), sha256: e.file.sha256, path: evidencePath(e.file.sha256) } : null,
      };
    }),
    notes: c.notes,
    revisions: [...c.revisions].reverse().map((r) => ({
      revision: r.revision,
      publishedAt: r.publishedAt,
      first: r.changes.length === 0,
      changes: r.changes.map((ch) => ({ field: ch.label || FIELD_LABELS[ch.field] || ch.field, before: ch.before, after: ch.after })),
    })),
  };
}

