import type { Claim, Evidence } from '../../shared/claims/model.ts';
import type { SiteText } from './i18n.ts';
import type { SiteClaim } from './site-claims.ts';

// What the site itself says about a claim, in the site's language: why its progress reads as it does, what the
// check found, and the values a revision changed. The claim's own words (title, statement, metric, unit, notes)
// are the company's and stay as written.

/** A code's word when the locale has one, else the code as it is (a category a newer Candor added, say). */
export function word(tx: SiteText, group: string, code: string): string {
  return tx.has(`${group}.${code}`) ? tx.text(`${group}.${code}`) : code;
}

/** The latest value with the date it was measured: "84 L/kg (31 December 2025)". */
export function currentText(tx: SiteText, value: number | null, unit: string | null, asOf: string | null): string | null {
  return value === null ? null : `${tx.withUnit(value, unit)}${asOf ? ` (${tx.date(asOf)})` : ''}`;
}

/** The progress explanation (progress.ts decides which applies; the words and figures are the site's language). */
export function progressText(tx: SiteText, c: SiteClaim): string {
  const params = {
    target: c.target ? tx.withUnit(c.target.value, c.unit) : '',
    targetYear: c.target ? String(c.target.year) : '',
    baseline: c.baseline ? tx.withUnit(c.baseline.value, c.unit) : '',
    baselineYear: c.baseline ? String(c.baseline.year) : '',
    current: currentText(tx, c.currentValue, c.unit, c.currentAsOf) ?? '',
    done: tx.percent(Math.max(c.progress.ratio ?? 0, 0)),
    elapsed: tx.percent(c.progress.elapsed ?? 0),
  };
  const key = `progress.explain.${c.progress.reason}`;
  return tx.has(key) ? tx.text(key, params) : c.progress.explanation;
}

/** A finding of the check as the public reads it: the rule's own sentence in the site's language. English keeps the check's message, which names the words it found. */
export function findingText(tx: SiteText, f: { rule: string; message: string }): string {
  return tx.lang === 'en' || !tx.has(`rule.${f.rule}`) ? f.message : tx.text(`rule.${f.rule}`);
}

function evidenceText(tx: SiteText, e: Evidence): string {
  return tx.text('claim.evidenceEntry', {
    type: word(tx, 'evidenceType', e.type),
    name: e.title || e.issuer || word(tx, 'evidenceType', e.type),
    issuer: e.title && e.issuer ? e.issuer : 'none',
    validUntil: e.valid_until ?? 'none',
    file: e.file?.name ?? 'none',
    sha: e.file?.sha256.slice(0, 12) ?? '',
  }) + (e.url ? `, ${e.url}` : '');
}

/** A changed field's value in one revision, worded like the claim page words it. */
export function fieldText(tx: SiteText, field: string, c: Claim | null): string | null {
  if (!c) return null;
  switch (field) {
    case 'markets': return c.markets.join(', ');
    case 'category': return word(tx, 'category', c.category);
    case 'scope': return word(tx, 'scope', c.scope);
    case 'baseline': case 'target': {
      const v = c[field];
      return v ? `${tx.withUnit(v.value, c.unit)} (${v.year})` : null;
    }
    case 'current_value': return c.current_value === null ? null : tx.withUnit(c.current_value, c.unit);
    case 'current_as_of': return c.current_as_of ? tx.date(c.current_as_of) : null;
    case 'uses_offsets': return tx.text(`offsets.${c.uses_offsets === null ? 'unknown' : c.uses_offsets ? 'yes' : 'no'}`);
    case 'evidence': return c.evidence.length ? c.evidence.map((e) => evidenceText(tx, e)).join('; ') : null;
    default: {
      const v = c[field as keyof Claim];
      return v === null || v === undefined ? null : String(v);
    }
  }
}
