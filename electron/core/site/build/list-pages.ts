import { KIND_ORDER } from '../labels.ts';
import { textOf } from '../i18n.ts';
import { kindFolder, listPagePath, PAGE_SIZE, pageMeta } from '../pages.ts';
import { inputHash } from '../render/context.ts';
import type { ListPage, PagesResult } from '../render/context.ts';
import { slugify } from '../topics.ts';
import type { FileInfo } from '../site-writer.ts';
import type { BuildContext, Phase } from './context.ts';
import { filterLists } from './filter-lists.ts';
import { ListHasher } from './list-hash.ts';
import type { Topic } from './thread-groups.ts';
import type { FilterGroup } from './filter-lists.ts';
import { inPhase } from './errors.ts';
import { keepListPages, keptListPages } from '../kept.ts';

// The list pages phase: all conversations, each kind and each topic, 50 to a page, newest first. A page's items are
// the threads' list items rendered once (the cards file); a page is rendered again only when its input hash changed.
// The pages are rendered on the render workers while the fixed pages are made; the fixed pages phase waits for them.

const PAGES_BATCH = 40;

type ListSpec = { folder: string; section: string; title: string; heading: string; intro: string; indexes: number[] };

/** The page numbers a pager shows: all of them up to 12, else the first, the last and three either side. */
function pageWindow(current: number, total: number): number[] {
  if (total <= 12) return Array.from({ length: total }, (_, i) => i + 1);
  const out = new Set<number>([1, total]);
  for (let i = Math.max(1, current - 3); i <= Math.min(total, current + 3); i++) out.add(i);
  return [...out].sort((a, b) => a - b);
}

/** The threads of each kind and of each topic (by key, sorted), indexes into ctx.threads; sets ctx.topics. */
function topicsOf(ctx: BuildContext): { byKind: Map<string, number[]>; sorted: [string, Topic][] } {
  const sorted = ctx.groups.sortedTopics();
  ctx.topics = sorted.map(([, t]) => ({ name: t.name, url: `topics/${slugify(t.name)}/index.html`, count: t.indexes.length }));
  return { byKind: ctx.groups.byKind, sorted };
}

/** Every list: all conversations, each kind, each topic (by key), each year, status and rating; indexes into ctx.threads. */
function listsOf(ctx: BuildContext): { lists: ListSpec[]; byKind: Map<string, number[]>; byYear: Map<string, number[]>; filters: FilterGroup[] } {
  const { byKind, sorted } = topicsOf(ctx);
  const tx = textOf(ctx.settings.globals);
  const lists: ListSpec[] = [{ folder: 'conversations/', section: 'conversations', title: tx.text('list.all.title'), heading: tx.text('list.all.heading'), intro: tx.text('list.all.intro'), indexes: ctx.threads.map((_, i) => i) }];
  for (const kind of KIND_ORDER) {
    lists.push({ folder: kindFolder(kind), section: 'conversations', title: tx.text(`kinds.${kind}`), heading: tx.text(`kinds.${kind}`), intro: tx.text('list.kind.intro'), indexes: byKind.get(kind) ?? [] });
  }
  for (const [, t] of sorted) {
    lists.push({ folder: `topics/${slugify(t.name)}/`, section: 'topics', title: tx.text('list.topic.title', { topic: t.name }), heading: t.name, intro: tx.text('list.topic.intro'), indexes: t.indexes });
  }
  // Pre-built lists by the year conversations started: a filter that works without script (threads are in site
  // order, newest first, so each year's list is too).
  const byYear = new Map<string, number[]>();
  ctx.data.published.forEach((k, i) => {
    const year = k.openedAt.slice(0, 4);
    if (!/^\d{4}$/.test(year)) return;
    let y = byYear.get(year);
    if (!y) byYear.set(year, (y = []));
    y.push(i);
  });
  for (const [year, indexes] of byYear) {
    lists.push({ folder: `conversations/${year}/`, section: 'conversations', title: tx.text('list.year.title', { year }), heading: tx.text('list.year.title', { year }), intro: tx.text('list.year.intro', { year }), indexes });
  }
  const { lists: filtered, groups: filters } = filterLists(ctx, tx);
  lists.push(...filtered);
  return { lists, byKind, byYear, filters };
}

/** The values a list page's template receives besides its items (made only for pages rendered again). */
function listValues(list: ListSpec, n: number, pages: number, shown: number, tabs: unknown[], years: unknown[], filters: FilterGroup[]): Record<string, unknown> {
  const pagination = {
    current: n, total: pages,
    prev: n > 1 ? listPagePath(list.folder, n - 1) : null,
    next: n < pages ? listPagePath(list.folder, n + 1) : null,
    pages: pageWindow(n, pages).map((number) => ({ number, path: listPagePath(list.folder, number), current: number === n })),
  };
  const first = (n - 1) * PAGE_SIZE + 1;
  return { title: list.title, heading: list.heading, intro: list.intro, count: list.indexes.length, first, last: first - 1 + shown, pagination, tabs, years, filters, folder: list.folder };
}

function pageCount(list: ListSpec): number {
  return Math.max(1, Math.ceil(list.indexes.length / PAGE_SIZE));
}

/** The data version this build read at. */
const versionOf = (ctx: BuildContext) => ({ seq: ctx.data.dataVersion, at: ctx.data.lastUpdated });

/**
 * A rebuild of the same data with the same settings: the list pages an earlier build worked out (kept.ts), when every
 * one of them is in the previous site as it was verified. Nothing is rendered; only the topics are worked out, for
 * the fixed pages. False when anything differs: the pages are worked out as in any build.
 */
function reuseKept(ctx: BuildContext): boolean {
  const { previous } = ctx;
  if (!previous || !ctx.trustKept) return false;
  const kept = keptListPages(ctx.ws.db, ctx.ws.dir, versionOf(ctx), ctx.settings.fingerprint);
  if (!kept || !kept.every(([path, hash]) => previous.state.pages[path] === hash && previous.files.has(path))) return false;
  topicsOf(ctx);
  for (const [path, hash] of kept) {
    ctx.pageHashes[path] = hash;
    ctx.listPaths.push(path);
    ctx.files.push(previous.files.get(path)!);
  }
  ctx.counts.htmlPages += kept.length;
  ctx.pending.listPages = Promise.resolve();
  return true;
}

/** Keeps the list pages' paths and hashes for the next build of the same data (a failure only costs that build time). */
function keep(ctx: BuildContext, pages: [string, string][]): void {
  try {
    keepListPages(ctx.ws.db, ctx.ws.dir, versionOf(ctx), ctx.settings.fingerprint, pages);
  } catch (err) {
    ctx.warnings.push(`The list pages could not be kept for the next build (${(err as Error).message}); it works them out again.`);
  }
}

/**
 * The pages to render, a batch at a time, made as the workers take them: made all at once, the 19,000 pages of a
 * 100,000-thread site (their values and items) were held in memory until the last was rendered. A page whose input
 * hash is unchanged is taken from the previous site as it is met.
 */
function* batchesOf(ctx: BuildContext, made: ReturnType<typeof listsOf>): Generator<ListPage[]> {
  const { settings, previous, threads } = ctx;
  const { lists, byKind, byYear, filters } = made;
  const tx = textOf(settings.globals);
  const kindTabs = [{ label: tx.text('list.tab.all'), path: 'conversations/index.html', count: threads.length }, ...KIND_ORDER.map((k) => ({ label: tx.text(`kinds.${k}`), path: `${kindFolder(k)}index.html`, count: byKind.get(k)?.length ?? 0 }))];
  const yearTabs = [...byYear].map(([year, indexes]) => ({ label: year, path: `conversations/${year}/index.html`, count: indexes.length }));
  // The tabs are the same on every page that has them: hashed once, not with each of 19,000 pages at 100,000 threads.
  const tabsHash = inputHash(settings.fingerprint, 'tabs', [kindTabs, yearTabs, filters]);
  const hasher = new ListHasher(settings.fingerprint, ctx.groups.summaryBytes());
  const worked: [string, string][] = [];
  let batch: ListPage[] = [];
  for (const list of lists) {
    const pages = pageCount(list);
    const hasTabs = list.section === 'conversations';
    // A page shows its items (their summaries' hashes hold each thread's id and address) and values that follow from
    // these, its list's and its number, and the tabs, so a rebuild hashes them and makes the values only for pages
    // rendered again.
    const key = `${JSON.stringify([list.title, list.heading, list.intro, list.section, list.folder, list.indexes.length])}\n${hasTabs ? tabsHash : ''}`;
    for (let n = 1; n <= pages; n++) {
      const path = listPagePath(list.folder, n);
      const from = (n - 1) * PAGE_SIZE;
      const to = Math.min(list.indexes.length, n * PAGE_SIZE);
      const hash = hasher.page(`${key}\n${n}`, list.indexes, from, to);
      ctx.pageHashes[path] = hash;
      worked.push([path, hash]);
      ctx.counts.htmlPages++;
      if (previous && previous.state.pages[path] === hash && previous.files.has(path)) {
        ctx.files.push(previous.files.get(path)!);
        continue;
      }
      const slice = list.indexes.slice(from, to);
      const title = n > 1 ? tx.text('page.numbered', { title: list.title, current: n, total: pages }) : list.title;
      batch.push({ path, template: 'pages/list', hash, page: pageMeta(settings.globals, path, list.section, title, list.intro), list: listValues(list, n, pages, slice.length, hasTabs ? kindTabs : [], hasTabs ? yearTabs : [], hasTabs ? filters : []), cards: slice.map((i) => threads[i]!.card) });
      if (batch.length >= PAGES_BATCH) {
        yield batch;
        batch = [];
      }
    }
  }
  keep(ctx, worked);
  if (batch.length > 0) yield batch;
}

export const listPages: Phase = {
  name: 'list pages',
  timing: 'pages',
  run(ctx) {
    if (reuseKept(ctx)) return;
    const pool = ctx.resources.pool!;
    const made = listsOf(ctx);
    for (const list of made.lists) for (let n = 1; n <= pageCount(list); n++) ctx.listPaths.push(listPagePath(list.folder, n));
    const batches = batchesOf(ctx, made);
    // Two batches per worker in flight: one rendering, one waiting, so a worker never waits on this thread.
    const take = async () => {
      for (let next = batches.next(); !next.done; next = batches.next()) {
        const r = await pool.run<PagesResult>({ type: 'pages', seq: 0, cardsFile: ctx.cardsFile, pages: next.value });
        for (const f of r.files) ctx.files.push({ path: f.path, sha256: f.sha256, size: f.size, stamp: f.stamp } as FileInfo);
        ctx.counts.rendered += r.files.length;
      }
    };
    const jobs = Array.from({ length: pool.size * 2 }, take);
    // The render workers have nothing left to do once the list pages are made: they are stopped then, so their heaps
    // are given back before the commit, the build's peak of memory.
    ctx.pending.listPages = Promise.all(jobs).then(async () => {
      await pool.close();
      if (ctx.resources.pool === pool) ctx.resources.pool = null;
    }, (err: unknown) => {
      throw inPhase(err, 'list pages');
    });
    ctx.pending.listPages.catch(() => undefined);
  },
};
