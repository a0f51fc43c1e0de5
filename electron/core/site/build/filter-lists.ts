import { ratingLabel } from '../i18n.ts';
import type { SiteText } from '../i18n.ts';
import { publishedRows } from '../site-data.ts';
import type { BuildContext } from './context.ts';

// Pre-built lists by status and by star rating: the conversations page's filters for readers without script (the
// search page filters the same way with Pagefind). A list is made only when it has conversations, and a group of
// filter links is shown only when it offers a choice: a site of e-mails alone gets no rating links.

const STATUSES = ['open', 'resolved', 'unresolved'] as const;
const RATINGS = [5, 4, 3, 2, 1, null] as const;

type FilterList = { folder: string; section: string; title: string; heading: string; intro: string; indexes: number[] };
type FilterTab = { label: string; path: string; count: number };
/** A group of filter links the list pages show: its name (for the navigation's label) and its links. */
export type FilterGroup = { name: 'status' | 'rating'; label: string; lead: string; tabs: FilterTab[] };

/**
 * Each published thread's status and rating, by rowid (read from the same workspace the build checks unchanged).
 * Read row by row (the rows as one array were 100,000 arrays held at once), where the build's scans read (scans.ts).
 */
function facetsOf(ctx: BuildContext): Map<number, { status: string; rating: number | null }> {
  const statement = ctx.scans.prepare(`SELECT rowid, status, rating FROM ${publishedRows(ctx.data)} WHERE decision = 'publish'`);
  statement.setReturnArrays(true);
  const out = new Map<number, { status: string; rating: number | null }>();
  for (const [rowid, status, rating] of statement.iterate() as unknown as Iterable<[number, string, number | null]>) out.set(rowid, { status, rating });
  return out;
}

/** The status and rating lists (threads in site order, so each list is newest first) and the links to them. */
export function filterLists(ctx: BuildContext, tx: SiteText): { lists: FilterList[]; groups: FilterGroup[] } {
  const facets = facetsOf(ctx);
  const byStatus = new Map<string, number[]>();
  const byRating = new Map<number | null, number[]>();
  // ctx.threads[i] is the thread of ctx.data.published[i].
  const keys = ctx.data.published;
  ctx.threads.forEach((_, i) => {
    const f = facets.get(keys[i]!.rowid);
    if (!f) return;
    let s = byStatus.get(f.status);
    if (!s) byStatus.set(f.status, (s = []));
    s.push(i);
    let r = byRating.get(f.rating);
    if (!r) byRating.set(f.rating, (r = []));
    r.push(i);
  });
  const lists: FilterList[] = [];
  const statusTabs: FilterTab[] = [];
  for (const status of STATUSES) {
    const indexes = byStatus.get(status);
    if (!indexes) continue;
    const folder = `conversations/status/${status}/`;
    const title = tx.text('list.status.title', { status });
    lists.push({ folder, section: 'conversations', title, heading: title, intro: tx.text('list.status.intro', { status }), indexes });
    statusTabs.push({ label: tx.text(`status.${status}`), path: `${folder}index.html`, count: indexes.length });
  }
  const ratingTabs: FilterTab[] = [];
  for (const stars of RATINGS) {
    const indexes = byRating.get(stars);
    if (!indexes) continue;
    const folder = `conversations/rating/${stars ?? 'none'}/`;
    const title = stars === null ? tx.text('list.unrated.title') : tx.text('list.rating.title', { stars });
    const intro = stars === null ? tx.text('list.unrated.intro') : tx.text('list.rating.intro', { stars });
    lists.push({ folder, section: 'conversations', title, heading: title, intro, indexes });
    ratingTabs.push({ label: ratingLabel(tx, stars), path: `${folder}index.html`, count: indexes.length });
  }
  const groups: FilterGroup[] = [];
  if (statusTabs.length > 1) groups.push({ name: 'status', label: tx.text('list.statuses'), lead: tx.text('list.statusLabel'), tabs: statusTabs });
  if (ratingTabs.length > 1) groups.push({ name: 'rating', label: tx.text('list.ratings'), lead: tx.text('list.ratingLabel'), tabs: ratingTabs });
  return { lists, groups };
}
