import { WITHHOLD_REASONS } from '../../shared/model/thread.ts';
import { periodStats } from '../../shared/curation/stats.ts';
import type { PeriodStats, Stats } from '../../shared/curation/stats.ts';
import { filledMonths, headlineFigures } from './figures.ts';
import { openDataColumns } from './open-data/columns.ts';
import { moderationShape } from './moderation-view.ts';
import type { Placeholder } from './moderation-view.ts';
import { BIAS_MARGIN_POINTS } from './bias-check.ts';
import { changesView } from './changes-view.ts';
import type { LoggedThread } from './changes-view.ts';
import type { LogEntry } from './publication-log.ts';
import { neverPublished, withholdReasons } from './reviews-policy.ts';
import type { SourceRow } from './reviews-policy.ts';
import { ratingChart, trendChart } from './chart.ts';
import { badgeFigures, badgePage, badgeSnippets } from './badge.ts';
import { claimView } from './claim-views.ts';
import { detectLanguage } from './language-detect.ts';
import { ratingLabel, sourceText, textOf } from './i18n.ts';
import type { SiteText } from './i18n.ts';
import { organizationJsonLd } from './jsonld.ts';
import { KIND_ORDER, sourceLabel } from './labels.ts';
import { markdownToHtml } from './markdown.ts';
import { kindFolder, PATHS, pageMeta } from './pages.ts';
import type { PageMeta, SiteGlobals } from './pages.ts';
import { bundleDir } from './search/shards.ts';
import type { SiteData } from './site-data.ts';
import type { TrustedHtml } from './trusted.ts';

// The pages there is one of (home, topics index, moderation report, claims, methodology, open data, search, 404)
// and the claim pages, which are few: their scopes are made here, in the main thread, from the site data; charts
// and staff Markdown are turned into trusted HTML on the way.

/** A page's path, template and scope; `claim` names the claim a claim page shows. */
export type FixedPage = { path: string; template: string; scope: { page: PageMeta } & Record<string, unknown>; claim?: string };

function share(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

function metricsView(m: PeriodStats['all']): Record<string, unknown> {
  return { threads: m.threads, responseRate: m.responseRate, medianFirstReply: m.medianFirstReplySeconds, shareResolved: m.shareResolved, medianResolution: m.medianResolutionSeconds };
}

/**
 * The rates a theme may print at the top level are over complaints and questions (the conversations that ask for a
 * reply and a resolution), never over everything: praise would flatter them. Praise has its own.
 */
function headline(p: PeriodStats): Record<string, unknown> {
  return {
    ...metricsView(p.needsReply),
    threads: p.all.threads,
    all: metricsView(p.all),
    complaints: metricsView(p.complaints),
    needsReply: metricsView(p.needsReply),
    praise: metricsView(p.praise),
  };
}

export type FixedPagesInput = {
  data: SiteData & { stats: Stats };
  globals: SiteGlobals;
  latest: unknown[];
  topics: { name: string; url: string; count: number }[];
  evidencePath: (sha: string) => string | null;
  search: boolean;
  shards: number;
  hasClaimsBundle: boolean;
  /** One public placeholder per held-back conversation, or null when the workspace turned them off. */
  placeholders: Placeholder[] | null;
  /** The publication log's entries (oldest first) and the conversations it names that are published now, by id. */
  publication: { entries: LogEntry[]; published: ReadonlyMap<string, LoggedThread> };
  /** Each source with what it brought in and what became of it (the reviews policy page). */
  sources: SourceRow[];
};

type ClaimsSummary = { total: number; published: number; retired: number; byProgress: unknown[]; items: Record<string, unknown>[] };

function claimsSummary(opts: FixedPagesInput, tx: SiteText): ClaimsSummary {
  const { claims } = opts.data;
  return {
    total: claims.length,
    published: claims.filter((c) => c.status === 'published').length,
    retired: claims.filter((c) => c.status === 'retired').length,
    byProgress: ['achieved', 'on_track', 'behind', 'missed', 'unknown', 'statement'].map((status) => ({
      status, label: tx.text(`progress.${status}`), count: claims.filter((c) => c.status === 'published' && c.progress.status === status).length,
    })),
    items: claims.map((c) => claimView(c, opts.data.lastUpdated, opts.evidencePath, tx)),
  };
}

/** The home page's figures: shares, breakdowns and the two charts. */
/** The note under every set of figures: what they are computed over. */
function statsNote(stats: Stats, tx: SiteText): string {
  const mod = stats.overall.moderation;
  return tx.text('stats.note', { imported: mod.imported, complaints: stats.overall.byKind.complaint ?? 0, published: mod.published, withheld: mod.withheld, pending: mod.pending });
}

function statsView(stats: Stats, tx: SiteText): Record<string, unknown> {
  const overall = stats.overall;
  const mod = overall.moderation;
  // Empty months stay in the chart and its table as empty: a gap must not close up and hide a quiet (or a lost) month.
  const months = filledMonths(stats.byMonth, (month) => ({ month, ...periodStats([]) }), 24);
  const trend = months.map((m) => ({ month: m.month, label: tx.month(m.month, true), complaints: m.byKind.complaint ?? 0, other: m.all.threads - (m.byKind.complaint ?? 0), total: m.all.threads, resolvedShare: m.all.shareResolved }));
  const rated = [5, 4, 3, 2, 1].reduce((s, n) => s + (overall.byRating[String(n)] ?? 0), 0);
  const ratings = [5, 4, 3, 2, 1].map((n) => ({ stars: n, count: overall.byRating[String(n)] ?? 0, share: share(overall.byRating[String(n)] ?? 0, rated) ?? 0 }));
  return {
    note: statsNote(stats, tx),
    imported: mod.imported,
    published: mod.published,
    withheld: mod.withheld,
    pending: mod.pending,
    publishedShare: share(mod.published, mod.imported),
    complaintShare: share(overall.byKind.complaint ?? 0, mod.imported),
    ...headline(overall),
    headline: headlineFigures(overall, tx),
    byKind: KIND_ORDER.map((k) => ({ kind: k, label: tx.text(`kinds.${k}`), count: overall.byKind[k] ?? 0, share: share(overall.byKind[k] ?? 0, mod.imported), url: `${kindFolder(k)}index.html` })),
    byStatus: (['open', 'resolved', 'unresolved'] as const).map((s) => ({ status: s, label: tx.text(`status.${s}`), count: overall.byStatus[s] ?? 0, share: share(overall.byStatus[s] ?? 0, mod.imported) })),
    bySource: Object.entries(overall.bySource).map(([source, count]) => ({ source, label: sourceText(tx, source, sourceLabel(source)), count, share: share(count, mod.imported) })),
    rated,
    unrated: overall.byRating.none ?? 0,
    ratings,
    ratingChart: ratingChart(ratings, undefined, tx),
    trend,
    trendChart: trendChart(trend, undefined, tx),
    dataUpTo: stats.dataUpTo,
    newestData: stats.newestData,
  };
}

function homePage(opts: FixedPagesInput, claims: ClaimsSummary, tx: SiteText): FixedPage {
  const { data, globals } = opts;
  return {
    path: PATHS.home, template: 'pages/home',
    scope: {
      page: pageMeta(globals, PATHS.home, 'home', tx.text('page.home.title', { name: data.organisation }), tx.text('page.home.description', { name: data.organisation }), { jsonLd: organizationJsonLd(data.organisation, data.texts.url) }),
      intro: data.texts.intro ? markdownToHtml(data.texts.intro) : null,
      // Staff wrote it; it is not translated, so a reader's screen reader is told its language.
      introLang: data.texts.intro ? detectLanguage(data.texts.intro) : null,
      stats: statsView(data.stats, tx),
      latest: opts.latest,
      claims,
      lastUpdated: data.lastUpdated,
    },
  };
}

function moderationPage(opts: FixedPagesInput, tx: SiteText): FixedPage {
  const { data, globals } = opts;
  const mod = data.stats.overall.moderation;
  const policy: TrustedHtml = markdownToHtml(data.texts.policy ?? tx.text('moderation.defaultPolicy'));
  const reasons = WITHHOLD_REASONS.map((code) => ({ code, label: tx.text(`reason.${code}.label`), description: tx.text(`reason.${code}.description`), count: mod.withheldByReason[code] ?? 0 }));
  const months = filledMonths(data.stats.byMonth, (month) => ({ month, ...periodStats([]) }), 12).reverse().map((m) => ({ month: m.month, label: tx.month(m.month, true), ...m.moderation }));
  return {
    path: PATHS.moderation, template: 'pages/moderation',
    scope: {
      page: pageMeta(globals, PATHS.moderation, 'moderation', tx.text('page.moderation.title'), tx.text('page.moderation.description')),
      policy,
      policyLang: data.texts.policy ? detectLanguage(data.texts.policy) : globals.lang,
      moderation: { ...mod, publishedShare: share(mod.published, mod.imported), withheldShare: share(mod.withheld, mod.imported), pendingShare: share(mod.pending, mod.imported) },
      reasons,
      months,
      shape: moderationShape(data.stats.overall, mod, data.lastUpdated, tx),
      placeholders: opts.placeholders,
      note: statsNote(data.stats, tx),
      lastUpdated: data.lastUpdated,
    },
  };
}

/** The publication log: what each build added, updated and withdrew (with the reason), newest first. */
function changesPage(opts: FixedPagesInput, tx: SiteText): FixedPage {
  const { globals, publication } = opts;
  return {
    path: PATHS.changes, template: 'pages/changes',
    scope: {
      page: pageMeta(globals, PATHS.changes, 'changes', tx.text('page.changes.title'), tx.text('page.changes.description')),
      entries: changesView(publication.entries, publication.published, tx),
      withdrawn: publication.entries.reduce((n, e) => n + e.threads.withdrawn.length, 0),
    },
  };
}

/** How reviews are collected and checked: sources, checks, what is never published, moderation (from the settings). */
function reviewsPolicyPage(opts: FixedPagesInput, tx: SiteText): FixedPage {
  const { data, globals } = opts;
  return {
    path: PATHS.reviewsPolicy, template: 'pages/reviews-policy',
    scope: {
      page: pageMeta(globals, PATHS.reviewsPolicy, 'reviews-policy', tx.text('page.reviewsPolicy.title'), tx.text('page.reviewsPolicy.description')),
      sources: opts.sources,
      verification: data.texts.verification ? markdownToHtml(data.texts.verification) : null,
      verificationLang: data.texts.verification ? detectLanguage(data.texts.verification) : null,
      never: neverPublished(tx),
      reasons: withholdReasons(tx),
      policy: markdownToHtml(data.texts.policy ?? tx.text('moderation.defaultPolicy')),
      policyLang: data.texts.policy ? detectLanguage(data.texts.policy) : globals.lang,
    },
  };
}

/** The claims index and one page per claim (none when there are no claims). */
function claimPages(opts: FixedPagesInput, claims: ClaimsSummary, tx: SiteText): FixedPage[] {
  const { data, globals } = opts;
  if (data.claims.length === 0) return [];
  const lastUpdated = data.lastUpdated;
  return [
    {
      path: PATHS.claims, template: 'pages/claims',
      scope: { page: pageMeta(globals, PATHS.claims, 'claims', tx.text('page.claims.title'), tx.text('page.claims.description')), claims, lastUpdated },
    },
    ...claims.items.map((c) => {
      const path = c.url as string;
      return {
        path, template: 'pages/claim', claim: c.id as string,
        scope: { page: pageMeta(globals, path, 'claims', c.title as string, c.statement as string), claim: c, lastUpdated },
      };
    }),
  ];
}

/** The search page's filters: each with the values the published conversations have. */
function searchFilters(opts: FixedPagesInput, tx: SiteText): { name: string; label: string; values: string[] }[] {
  const years = [...new Set(opts.data.published.map((k) => k.openedAt.slice(0, 4)))].filter((y) => /^\d{4}$/.test(y)).sort().reverse();
  return [
    { name: 'kind', label: tx.text('search.filter.kind'), values: KIND_ORDER.map((k) => tx.text(`kind.${k}`)) },
    { name: 'status', label: tx.text('search.filter.status'), values: (['open', 'resolved', 'unresolved'] as const).map((st) => tx.text(`status.${st}`)) },
    { name: 'rating', label: tx.text('search.filter.rating'), values: [5, 4, 3, 2, 1, null].map((n) => ratingLabel(tx, n)) },
    { name: 'topic', label: tx.text('search.filter.topic'), values: opts.topics.map((t) => t.name) },
    { name: 'year', label: tx.text('search.filter.year'), values: years },
  ].filter((f) => f.values.length > 0);
}

/** Methodology, open data, search (with search) and the 404 page. */
function aboutPages(opts: FixedPagesInput, tx: SiteText): FixedPage[] {
  const { data, globals } = opts;
  const pages: FixedPage[] = [
    {
      path: PATHS.methodology, template: 'pages/methodology',
      scope: { page: pageMeta(globals, PATHS.methodology, 'methodology', tx.text('page.methodology.title'), tx.text('page.methodology.description')), note: statsNote(data.stats, tx), lastUpdated: data.lastUpdated, dataVersion: data.dataVersion, biasMargin: BIAS_MARGIN_POINTS,
        badge: { ...badgeSnippets(tx, data.organisation, badgeFigures(data.stats), globals.baseUrl), addressed: globals.baseUrl !== null } },
    },
    {
      path: PATHS.data, template: 'pages/data',
      scope: { page: pageMeta(globals, PATHS.data, 'data', tx.text('page.data.title'), tx.text('page.data.description')), threads: data.published.length, claims: data.claims.length, columns: openDataColumns(tx) },
    },
  ];
  if (opts.search) {
    const bundles = [...Array.from({ length: opts.shards }, (_, i) => bundleDir(String(i))), ...(opts.hasClaimsBundle ? [bundleDir('claims')] : [])];
    pages.push({
      path: PATHS.search, template: 'pages/search',
      scope: { page: pageMeta(globals, PATHS.search, 'search', tx.text('page.search.title'), tx.text('page.search.description'), { scripts: ['assets/search.js'] }), bundles: bundles.join(' '), filters: searchFilters(opts, tx) },
    });
  }
  const notFound = pageMeta(globals, PATHS.notFound, 'none', tx.text('page.notFound.title'), tx.text('page.notFound.description'));
  // A host serves the 404 page at any depth: its links must not be relative.
  notFound.root = globals.baseUrl ?? '/';
  pages.push({ path: PATHS.notFound, template: 'pages/404', scope: { page: notFound } });
  return pages;
}

/** The fixed pages one at a time, each made as it is asked for (the builder renders each before the next is made). */
export function* fixedPages(opts: FixedPagesInput): Generator<FixedPage> {
  const tx = textOf(opts.globals);
  const claims = claimsSummary(opts, tx);
  yield homePage(opts, claims, tx);
  yield {
    path: PATHS.topics, template: 'pages/topics',
    scope: { page: pageMeta(opts.globals, PATHS.topics, 'topics', tx.text('page.topics.title'), tx.text('page.topics.description')), topics: opts.topics },
  };
  yield moderationPage(opts, tx);
  yield changesPage(opts, tx);
  yield reviewsPolicyPage(opts, tx);
  yield* claimPages(opts, claims, tx);
  yield* aboutPages(opts, tx);
  yield badgePage(opts.globals, opts.data.organisation, opts.data.stats);
}
