import { ratingLabel } from '../i18n.ts';
import type { SiteText } from '../i18n.ts';
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
 * Each published thread's status and rating, by its place in the site (ctx.data.published): `status[i]` is the position
 * in STATUSES, -1 for a thread the read did not return; `rating[i]` the stars, 0 for none. Read where the build's scans
 * read (scans.ts), from the index that holds the decision, status and rating (migration 0030), as ONE text of
 * "<rowid> <status><stars>" pairs: at 100,000 threads, stepping through the rows one by one cost five times the scan.
 */
function facetsOf(ctx: BuildContext): { status: Int8Array; rating: Int8Array } {
  const keys = ctx.data.published;
  let maxRowid = 0;
  for (const k of keys) if (k.rowid > maxRowid) maxRowid = k.rowid;
  const at = new Int32Array(maxRowid + 1).fill(-1);
  keys.forEach((k, i) => (at[k.rowid] = i));
  const status = new Int8Array(keys.length).fill(-1);
  const rating = new Int8Array(keys.length);
  const codes = STATUSES.map((name, code) => `WHEN '${name}' THEN ${code}`).join(' ');
  const row = ctx.scans.prepare(`SELECT group_concat(rowid || ' ' || (CASE status ${codes} ELSE 9 END) || coalesce(rating, 0), ' ') AS pairs FROM threads INDEXED BY threads_decision_opened WHERE decision = 'publish'`).get() as { pairs: string | null };
  const text = row.pairs ?? '';
  // Each pair: the rowid's digits, a space, the status digit and the rating digit; pairs are separated by a space.
  for (let p = 0; p < text.length;) {
    let rowid = 0;
    for (let c = text.charCodeAt(p); c !== 32 && p < text.length; c = text.charCodeAt(++p)) rowid = rowid * 10 + c - 48;
    const code = text.charCodeAt(p + 1) - 48;
    const stars = text.charCodeAt(p + 2) - 48;
    p += 4;
    const i = rowid <= maxRowid ? at[rowid]! : -1;
    if (i < 0 || code >= STATUSES.length) continue;
    status[i] = code;
    rating[i] = stars;
  }
  return { status, rating };
}

/** The status and rating lists (threads in site order, so each list is newest first) and the links to them. */
export function filterLists(ctx: BuildContext, tx: SiteText): { lists: FilterList[]; groups: FilterGroup[] } {
  const facets = facetsOf(ctx);
  const byStatus = new Map<string, number[]>();
  const byRating = new Map<number | null, number[]>();
  for (let i = 0; i < ctx.threads.length; i++) {
    const code = facets.status[i]!;
    if (code < 0) continue;
    const name = STATUSES[code]!;
    let s = byStatus.get(name);
    if (!s) byStatus.set(name, (s = []));
    s.push(i);
    const stars = facets.rating[i] || null;
    let r = byRating.get(stars);
    if (!r) byRating.set(stars, (r = []));
    r.push(i);
  }
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
