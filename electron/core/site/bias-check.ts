import type { ModerationReport, PeriodStats } from '../../shared/curation/stats.ts';
import { englishText } from './i18n.ts';
import type { SiteText } from './i18n.ts';

// The publication-bias check: is what we publish a fair picture of what we received? It sets the share of complaints
// and the spread of star ratings among published conversations against all received ones, and says in a plain
// sentence when they differ by more than a set margin ("Complaints are 44% of what we received and 38% of what we
// publish"). Everything received counts, held back and pending included: that is the point of the comparison.

/** Percentage points by which a published share may differ from the received one before the site says so. */
export const BIAS_MARGIN_POINTS = 5;

type ShareComparison = { label: string; received: number | null; published: number | null; differs: boolean };

export type BiasCheck = {
  margin: number;
  /** Nothing published yet, or nothing received: no comparison to make. */
  comparable: boolean;
  complaints: ShareComparison;
  lowRatings: ShareComparison;
  ratings: (ShareComparison & { stars: number })[];
  /** The plain sentences: one per comparison that differs by more than the margin. */
  findings: string[];
  /** One sentence when nothing differs by more than the margin. */
  summary: string;
};

function share(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

function differs(a: number | null, b: number | null, margin: number): boolean {
  // Compared in whole percentage points, as the reader sees them: 44% against 38% is 6 points.
  return a !== null && b !== null && Math.abs(Math.round(a * 100) - Math.round(b * 100)) > margin;
}

function compare(label: string, received: number | null, published: number | null, margin: number): ShareComparison {
  return { label, received, published, differs: differs(received, published, margin) };
}

function rated(byRating: Record<string, number>): number {
  return [1, 2, 3, 4, 5].reduce((s, n) => s + (byRating[String(n)] ?? 0), 0);
}

/** The check over the whole period: `all` is every conversation received, `mod` their moderation report. */
export function biasCheck(all: Pick<PeriodStats, 'byKind' | 'byRating'>, mod: Pick<ModerationReport, 'imported' | 'published' | 'publishedByKind' | 'publishedByRating'>, margin = BIAS_MARGIN_POINTS, tx: SiteText = englishText()): BiasCheck {
  const formatPercent = (v: number) => tx.percent(v);
  const ratedAll = rated(all.byRating);
  const ratedPublished = rated(mod.publishedByRating);
  const complaints = compare(tx.text('bias.complaints'), share(all.byKind.complaint ?? 0, mod.imported), share(mod.publishedByKind.complaint ?? 0, mod.published), margin);
  const low = (r: Record<string, number>) => (r['1'] ?? 0) + (r['2'] ?? 0);
  const lowRatings = compare(tx.text('bias.lowRatings'), share(low(all.byRating), ratedAll), share(low(mod.publishedByRating), ratedPublished), margin);
  const ratings = [5, 4, 3, 2, 1].map((stars) => ({
    stars, ...compare(tx.text('bias.stars', { stars }), share(all.byRating[String(stars)] ?? 0, ratedAll), share(mod.publishedByRating[String(stars)] ?? 0, ratedPublished), margin),
  }));
  const findings: string[] = [];
  if (complaints.differs) findings.push(tx.text('bias.complaintsDiffer', { received: formatPercent(complaints.received!), published: formatPercent(complaints.published!) }));
  if (lowRatings.differs) findings.push(tx.text('bias.lowRatingsDiffer', { received: formatPercent(lowRatings.received!), published: formatPercent(lowRatings.published!) }));
  for (const r of ratings) {
    if (r.differs && r.stars > 2) findings.push(tx.text('bias.starsDiffer', { stars: r.stars, received: formatPercent(r.received!), published: formatPercent(r.published!) }));
  }
  const comparable = mod.published > 0 && mod.imported > 0;
  const summary = !comparable
    ? tx.text('bias.nothing')
    : findings.length > 0
      ? tx.text('bias.differs', { margin })
      : tx.text('bias.matches', { margin, received: formatPercent(complaints.received ?? 0), published: formatPercent(complaints.published ?? 0) });
  return { margin, comparable, complaints, lowRatings, ratings, findings: comparable ? findings : [], summary };
}
