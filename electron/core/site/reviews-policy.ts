import type { DatabaseSync } from 'node:sqlite';
import { WITHHOLD_REASONS } from '../../shared/model/thread.ts';
import { englishText, sourceText } from './i18n.ts';
import type { SiteText } from './i18n.ts';
import { sourceLabel } from './labels.ts';

// The reviews policy page: how conversations are collected and checked, generated from the workspace (its sources and
// what each published, its settings, its moderation reasons). It gives the disclosures the EU's Omnibus Directive
// (UCPD Art. 7(6)), the UK's DMCC Act 2024 (Schedule 20) and the FTC's rule on consumer reviews (16 CFR Part 465)
// expect of anyone who publishes reviews: where they come from, whether and how they are checked, what is never
// published and why, and that reviews are not held back for being negative. See docs/site.md.

type SourceKind = 'help-desk' | 'review-site' | 'file';

const KINDS: Record<string, SourceKind> = {
  zendesk: 'help-desk', freshdesk: 'help-desk', intercom: 'help-desk', helpscout: 'help-desk', email: 'help-desk', mbox: 'help-desk', eml: 'help-desk', web: 'help-desk', 'web-form': 'help-desk',
  trustpilot: 'review-site', google: 'review-site', 'google-reviews': 'review-site',
};

/** What a source's records can and cannot show about who wrote: said plainly, claiming no check that is not made. */
function howChecked(kind: SourceKind, label: string, tx: SiteText): string {
  return tx.text(`reviewsPolicy.checked.${kind}`, { source: label });
}

export type SourceRow = { label: string; received: number; published: number; withheld: number; pending: number; checked: string };

/** Each source with what it brought in and what became of it. */
export function sourceRows(db: DatabaseSync, tx: SiteText = englishText()): SourceRow[] {
  const rows = db.prepare('SELECT source, decision, count(*) AS n FROM threads GROUP BY source, decision ORDER BY source').all() as { source: string; decision: string; n: number }[];
  const by = new Map<string, SourceRow>();
  for (const r of rows) {
    const label = sourceText(tx, r.source, sourceLabel(r.source));
    let row = by.get(label);
    if (!row) by.set(label, (row = { label, received: 0, published: 0, withheld: 0, pending: 0, checked: howChecked(KINDS[r.source.toLowerCase()] ?? 'file', label, tx) }));
    row.received += r.n;
    if (r.decision === 'publish') row.published += r.n;
    else if (r.decision === 'withhold') row.withheld += r.n;
    else row.pending += r.n;
  }
  return [...by.values()].sort((a, b) => b.received - a.received || a.label.localeCompare(b.label));
}

const NEVER = ['personal', 'notes', 'systems', 'withheld'] as const;

/** What never reaches the site, whatever the decision, and why. */
export function neverPublished(tx: SiteText = englishText()): { what: string; why: string }[] {
  return NEVER.map((k) => ({ what: tx.text(`reviewsPolicy.never.${k}.what`), why: tx.text(`reviewsPolicy.never.${k}.why`) }));
}

export function withholdReasons(tx: SiteText = englishText()): { label: string; description: string }[] {
  return WITHHOLD_REASONS.map((code) => ({ label: tx.text(`reason.${code}.label`), description: tx.text(`reason.${code}.description`) }));
}
