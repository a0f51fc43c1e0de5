import type { DatabaseSync } from 'node:sqlite';
import { WITHHOLD_REASONS } from '../../shared/model/thread.ts';
import { REASONS, sourceLabel } from './labels.ts';

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
function howChecked(kind: SourceKind, label: string): string {
  switch (kind) {
    case 'help-desk':
      return `Conversations customers started with us through ${label}. They are taken from our own customer-service records, so each is a real exchange with the person who wrote; we do not check separately that every writer bought from us.`;
    case 'review-site':
      return `Reviews posted on ${label}, imported with our replies. ${label} applies its own checks to reviewers; we add none of our own and do not choose which of its reviews to import by their rating.`;
    default:
      return `Conversations imported by our staff from a file (${label}). Where they came from before that is not recorded by Candor.`;
  }
}

export type SourceRow = { label: string; received: number; published: number; withheld: number; pending: number; checked: string };

/** Each source with what it brought in and what became of it. */
export function sourceRows(db: DatabaseSync): SourceRow[] {
  const rows = db.prepare('SELECT source, decision, count(*) AS n FROM threads GROUP BY source, decision ORDER BY source').all() as { source: string; decision: string; n: number }[];
  const by = new Map<string, SourceRow>();
  for (const r of rows) {
    const label = sourceLabel(r.source);
    let row = by.get(label);
    if (!row) by.set(label, (row = { label, received: 0, published: 0, withheld: 0, pending: 0, checked: howChecked(KINDS[r.source.toLowerCase()] ?? 'file', label) }));
    row.received += r.n;
    if (r.decision === 'publish') row.published += r.n;
    else if (r.decision === 'withhold') row.withheld += r.n;
    else row.pending += r.n;
  }
  return [...by.values()].sort((a, b) => b.received - a.received || a.label.localeCompare(b.label));
}

/** What never reaches the site, whatever the decision, and why. */
export const NEVER_PUBLISHED = [
  { what: 'Customers’ names, e-mail addresses, phone numbers, postal addresses, payment card and bank numbers', why: 'They identify people. They are replaced by labels such as [email removed], and customers appear under a pseudonym.' },
  { what: 'Internal notes between our staff', why: 'They were never part of the conversation with the customer.' },
  { what: 'Private details from the source systems (IP addresses, account ids and the like)', why: 'They identify people and say nothing about how we handled the conversation.' },
  { what: 'The text of conversations held back', why: 'Each is held back for a recorded reason (below); it still counts in every figure, and the moderation report lists it by month, kind, rating and reason.' },
];

export function withholdReasons(): { label: string; description: string }[] {
  return WITHHOLD_REASONS.map((code) => REASONS[code]!);
}
