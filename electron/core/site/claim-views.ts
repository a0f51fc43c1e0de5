import { progressBar } from './chart.ts';
import { englishText } from './i18n.ts';
import type { SiteText } from './i18n.ts';
import { safeHref } from './markdown.ts';
import { claimPath } from './pages.ts';
import type { SiteClaim } from './site-claims.ts';

// A claim as the claims pages and the home page's scorecard show it: figures, progress, evidence and revisions,
// worded for the public.

/** A number with at most two decimals, in the site's language. */
function num(tx: SiteText, n: number): string {
  return tx.count(Number(n.toFixed(2)));
}

function figure(tx: SiteText, v: { value: number; year: number } | null, unit: string | null): string | null {
  return v ? `${num(tx, v.value)}${unit ? ` ${unit}` : ''} (${v.year})` : null;
}

/** A code's word when the locale has one, else the code as it is (a category a newer Candor added, say). */
function word(tx: SiteText, group: string, code: string): string {
  return tx.has(`${group}.${code}`) ? tx.text(`${group}.${code}`) : code;
}

export function claimView(c: SiteClaim, asOf: string | null, evidencePath: (sha: string) => string | null, tx: SiteText = englishText()): Record<string, unknown> {
  const progressLabel = word(tx, 'progress', c.progress.status);
  return {
    id: c.id,
    url: claimPath(c.id),
    title: c.title,
    statement: c.statement,
    markets: c.markets.join(', '),
    category: word(tx, 'category', c.category),
    scope: word(tx, 'scope', c.scope),
    scopeDetail: c.scopeDetail,
    metric: c.metric,
    unit: c.unit,
    baseline: figure(tx, c.baseline, c.unit),
    target: figure(tx, c.target, c.unit),
    current: c.currentValue === null ? null : `${num(tx, c.currentValue)}${c.unit ? ` ${c.unit}` : ''}${c.currentAsOf ? ` (${tx.date(c.currentAsOf)})` : ''}`,
    comparisonBasis: c.comparisonBasis,
    usesOffsets: tx.text(`offsets.${c.usesOffsets === null ? 'unknown' : c.usesOffsets ? 'yes' : 'no'}`),
    label: c.label,
    status: c.status,
    retired: c.status === 'retired',
    statusLabel: tx.text(c.status === 'retired' ? 'claim.retired' : 'claim.published'),
    revision: c.revision,
    publishedAt: c.publishedAt,
    progress: {
      status: c.progress.status,
      label: progressLabel,
      explanation: c.progress.explanation,
      bar: progressBar(c.progress.ratio, c.progress.elapsed, c.progress.ratio === null ? tx.text('claim.barNoMeasure', { progress: progressLabel }) : tx.text('claim.barLabel', { progress: progressLabel, share: tx.percent(Math.max(0, c.progress.ratio)) })),
    },
    evidence: c.evidence.map((e) => {
      const expired = Boolean(asOf && e.validUntil && e.validUntil < asOf.slice(0, 10));
      return {
        type: word(tx, 'evidenceType', e.type),
        title: e.title || word(tx, 'evidenceType', e.type),
        issuer: e.issuer,
        independent: e.independentThirdParty,
        issued: e.issued,
        validUntil: e.validUntil,
        expired,
        covers: e.covers.join('; '),
        url: safeHref(e.url),
        file: e.file ? { name: e.file.name, size: tx.count(e.file.size), sha256: e.file.sha256, path: evidencePath(e.file.sha256) } : null,
      };
    }),
    notes: c.notes,
    revisions: [...c.revisions].reverse().map((r) => ({
      revision: r.revision,
      publishedAt: r.publishedAt,
      first: r.changes.length === 0,
      changes: r.changes.map((ch) => ({ field: ch.label || word(tx, 'field', ch.field), before: ch.before, after: ch.after })),
    })),
  };
}

