import { claimLanguage } from '../claims/language.ts';
import { progressBar } from './chart.ts';
import { englishText } from './i18n.ts';
import type { SiteText } from './i18n.ts';
import { safeHref } from './markdown.ts';
import { claimPath } from './pages.ts';
import type { SiteClaim } from './site-claims.ts';
import { currentText, fieldText, findingText, progressText, word } from './claim-text.ts';

// A claim as the claims pages and the home page's scorecard show it: figures, progress, evidence and revisions,
// worded for the public.

function figure(tx: SiteText, v: { value: number; year: number } | null, unit: string | null): string | null {
  return v ? `${tx.withUnit(v.value, unit)} (${v.year})` : null;
}

/** The public notes with the site's own words in its language (the reasons staff recorded stay as written). */
function notesView(tx: SiteText, notes: SiteClaim['notes']): Record<string, unknown> {
  return {
    ...notes,
    categoryLabel: notes.categoryLabel === null ? null : tx.text('claim.targetPassed'),
    override: notes.override && { reason: notes.override.reason, findings: notes.override.findings.map((f) => ({ rule: f.rule, message: findingText(tx, f) })) },
  };
}

/**
 * The language the claim's words are in, for `lang` on them when it is not the site's: the one set on the claim, else
 * the one its statement is written in, else, when too short to tell ("100% recycelt"), the site's (null).
 */
function ownLang(c: SiteClaim, tx: SiteText): string | null {
  const lang = claimLanguage(c, tx.lang);
  return lang === tx.lang ? null : lang;
}

export function claimView(c: SiteClaim, asOf: string | null, evidencePath: (sha: string) => string | null, tx: SiteText = englishText()): Record<string, unknown> {
  const progressLabel = word(tx, 'progress', c.progress.status);
  return {
    id: c.id,
    url: claimPath(c.id),
    title: c.title,
    statement: c.statement,
    lang: ownLang(c, tx),
    markets: c.markets.join(', '),
    category: word(tx, 'category', c.category),
    scope: word(tx, 'scope', c.scope),
    scopeDetail: c.scopeDetail,
    metric: c.metric,
    unit: c.unit,
    baseline: figure(tx, c.baseline, c.unit),
    target: figure(tx, c.target, c.unit),
    current: currentText(tx, c.currentValue, c.unit, c.currentAsOf),
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
      explanation: progressText(tx, c),
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
    notes: notesView(tx, c.notes),
    revisions: [...c.revisions].reverse().map((r) => ({
      revision: r.revision,
      publishedAt: r.publishedAt,
      first: r.changes.length === 0,
      changes: r.changes.map((ch) => ({ field: tx.has(`field.${ch.field}`) ? tx.text(`field.${ch.field}`) : ch.label, before: fieldText(tx, ch.field, r.before), after: fieldText(tx, ch.field, r.claim) })),
    })),
  };
}

