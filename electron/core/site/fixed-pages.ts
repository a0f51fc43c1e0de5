import { WITHHOLD_REASONS } from '../../shared/model/thread.ts';
import { periodStats } from '../../shared/curation/stats.ts';
import type { PeriodStats, Stats } from '../../shared/curation/stats.ts';
import { filledMonths, headlineFigures } from './figures.ts';
import { openDataColumns } from './open-data/columns.ts';
import { moderationShape } from './moderation-view.ts';
import type { Placeholder } from './moderation-view.ts';
import { BIAS_MARGIN_POINTS } from './bias-check.ts';
import { changesView } from './changes-view.ts';
import type { LogEntry } from './publication-log.ts';
import { NEVER_PUBLISHED, withholdReasons } from './reviews-policy.ts';
import type { SourceRow } from './reviews-policy.ts';
import { ratingChart, trendChart } from './chart.ts';
import { claimView, PROGRESS_LABELS } from './claim-views.ts';
import { monthLabel } from './format.ts';
import { organizationJsonLd } from './jsonld.ts';
import { KIND_LABELS, KIND_ORDER, REASONS, sourceLabel, STATUS_LABELS } from './labels.ts';
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

const DEFAULT_POLICY = `We publish customer conversations in full, including complaints and our replies, because a record that only shows praise is not a record.

We hold a conversation back only for one of the reasons listed below, and every such decision is recorded with its reason. Held-back conversations still count in every statistic on this site. Personal data such as e-mail addresses, phone numbers, payment details and customers' names is removed before publication and replaced by a label such as [email removed]. Internal notes are never published.`;

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
  /** The publication log's entries (oldest first) and the ids of the conversations published now. */
  publication: { entries: LogEntry[]; published: ReadonlySet<string> };
  /** Each source with what it brought in and what became of it (the reviews policy page). */
  sources: SourceRow[];
};

type ClaimsSummary = { total: number; published: number; retired: number; byProgress: unknown[]; items: Record<string, unknown>[] };

function claimsSummary(opts: FixedPagesInput): ClaimsSummary {
  const { claims } = opts.data;
  return {
    total: claims.length,
    published: claims.filter((c) => c.status === 'published').length,
    retired: claims.filter((c) => c.status === 'retired').length,
    byProgress: ['achieved', 'on_track', 'behind', 'missed', 'unknown', 'statement'].map((status) => ({
      status, label: PROGRESS_LABELS[status]!, count: claims.filter((c) => c.status === 'published' && c.progress.status === status).length,
    })),
    items: claims.map((c) => claimView(c, opts.data.lastUpdated, opts.evidencePath)),
  };
}

/** The home page's figures: shares, breakdowns and the two charts. */
function statsView(stats: Stats): Record<string, unknown> {
  const overall = stats.overall;
  const mod = overall.moderation;
  // Empty months stay in the chart and its table as empty: a gap must not close up and hide a quiet (or a lost) month.
  const months = filledMonths(stats.byMonth, (month) => ({ month, ...periodStats([]) }), 24);
  const trend = months.map((m) => ({ month: m.month, label: monthLabel(m.month, true), complaints: m.byKind.complaint ?? 0, other: m.all.threads - (m.byKind.complaint ?? 0), total: m.all.threads, resolvedShare: m.all.shareResolved }));
  const rated = [5, 4, 3, 2, 1].reduce((s, n) => s + (overall.byRating[String(n)] ?? 0), 0);
  const ratings = [5, 4, 3, 2, 1].map((n) => ({ stars: n, count: overall.byRating[String(n)] ?? 0, share: share(overall.byRating[String(n)] ?? 0, rated) ?? 0 }));
  return {
    note: stats.note,
    imported: mod.imported,
    published: mod.published,
    withheld: mod.withheld,
    pending: mod.pending,
    publishedShare: share(mod.published, mod.imported),
    complaintShare: share(overall.byKind.complaint ?? 0, mod.imported),
    ...headline(overall),
    headline: headlineFigures(overall),
    byKind: KIND_ORDER.map((k) => ({ kind: k, label: KIND_LABELS[k].many, count: overall.byKind[k] ?? 0, share: share(overall.byKind[k] ?? 0, mod.imported), url: `${kindFolder(k)}index.html` })),
    byStatus: (['open', 'resolved', 'unresolved'] as const).map((s) => ({ status: s, label: s === 'unresolved' ? 'Not resolved' : s === 'open' ? 'Open' : 'Resolved', count: overall.byStatus[s] ?? 0, share: share(overall.byStatus[s] ?? 0, mod.imported) })),
    bySource: Object.entries(overall.bySource).map(([source, count]) => ({ label: sourceLabel(source), count, share: share(count, mod.imported) })),
    rated,
    unrated: overall.byRating.none ?? 0,
    ratings,
    ratingChart: ratingChart(ratings),
    trend,
    trendChart: trendChart(trend),
    dataUpTo: stats.dataUpTo,
    newestData: stats.newestData,
  };
}

function homePage(opts: FixedPagesInput, claims: ClaimsSummary): FixedPage {
  const { data, globals } = opts;
  return {
    path: PATHS.home, template: 'pages/home',
    scope: {
      page: pageMeta(globals, PATHS.home, 'home', `${data.organisation}: transparency report`, `Every published customer conversation with ${data.organisation}, complaints included, with statistics computed from all of them.`, { jsonLd: organizationJsonLd(data.organisation, data.texts.url) }),
      intro: data.texts.intro ? markdownToHtml(data.texts.intro) : null,
      stats: statsView(data.stats),
      latest: opts.latest,
      claims,
      lastUpdated: data.lastUpdated,
    },
  };
}

function moderationPage(opts: FixedPagesInput): FixedPage {
  const { data, globals } = opts;
  const mod = data.stats.overall.moderation;
  const policy: TrustedHtml = markdownToHtml(data.texts.policy ?? DEFAULT_POLICY);
  const reasons = WITHHOLD_REASONS.map((code) => ({ code, label: REASONS[code]!.label, description: REASONS[code]!.description, count: mod.withheldByReason[code] ?? 0 }));
  const months = filledMonths(data.stats.byMonth, (month) => ({ month, ...periodStats([]) }), 12).reverse().map((m) => ({ label: monthLabel(m.month, true), ...m.moderation }));
  return {
    path: PATHS.moderation, template: 'pages/moderation',
    scope: {
      page: pageMeta(globals, PATHS.moderation, 'moderation', 'Moderation report', 'What was published, what was held back and why, and what is still waiting for review.'),
      policy,
      moderation: { ...mod, publishedShare: share(mod.published, mod.imported), withheldShare: share(mod.withheld, mod.imported), pendingShare: share(mod.pending, mod.imported) },
      reasons,
      months,
      shape: moderationShape(data.stats.overall, mod, data.lastUpdated),
      placeholders: opts.placeholders,
      note: data.stats.note,
      lastUpdated: data.lastUpdated,
    },
  };
}

/** The publication log: what each build added, updated and withdrew (with the reason), newest first. */
function changesPage(opts: FixedPagesInput): FixedPage {
  const { globals, publication } = opts;
  return {
    path: PATHS.changes, template: 'pages/changes',
    scope: {
      page: pageMeta(globals, PATHS.changes, 'changes', 'Publication log', 'What each update of this site added, changed and withdrew, and why: a history that cannot be rewritten quietly.'),
      entries: changesView(publication.entries, publication.published),
      withdrawn: publication.entries.reduce((n, e) => n + e.threads.withdrawn.length, 0),
    },
  };
}

/** How reviews are collected and checked: sources, checks, what is never published, moderation (from the settings). */
function reviewsPolicyPage(opts: FixedPagesInput): FixedPage {
  const { data, globals } = opts;
  return {
    path: PATHS.reviewsPolicy, template: 'pages/reviews-policy',
    scope: {
      page: pageMeta(globals, PATHS.reviewsPolicy, 'reviews-policy', 'How reviews are collected and checked', 'Where the conversations on this site come from, how they are checked, what is never published and how they are moderated.'),
      sources: opts.sources,
      verification: data.texts.verification ? markdownToHtml(data.texts.verification) : null,
      never: NEVER_PUBLISHED,
      reasons: withholdReasons(),
      policy: markdownToHtml(data.texts.policy ?? DEFAULT_POLICY),
    },
  };
}

/** The claims index and one page per claim (none when there are no claims). */
function claimPages(opts: FixedPagesInput, claims: ClaimsSummary): FixedPage[] {
  const { data, globals } = opts;
  if (data.claims.length === 0) return [];
  const lastUpdated = data.lastUpdated;
  return [
    {
      path: PATHS.claims, template: 'pages/claims',
      scope: { page: pageMeta(globals, PATHS.claims, 'claims', 'Sustainability claims', 'Every environmental claim the organisation makes, with its figures, evidence, progress and history.'), claims, lastUpdated },
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
function searchFilters(opts: FixedPagesInput): { name: string; label: string; values: string[] }[] {
  const years = [...new Set(opts.data.published.map((k) => k.openedAt.slice(0, 4)))].filter((y) => /^\d{4}$/.test(y)).sort().reverse();
  return [
    { name: 'kind', label: 'Kind', values: KIND_ORDER.map((k) => KIND_LABELS[k].one) },
    { name: 'status', label: 'Status', values: Object.values(STATUS_LABELS) },
    { name: 'rating', label: 'Rating', values: ['5 stars', '4 stars', '3 stars', '2 stars', '1 star', 'No rating'] },
    { name: 'topic', label: 'Topic', values: opts.topics.map((t) => t.name) },
    { name: 'year', label: 'Year', values: years },
  ].filter((f) => f.values.length > 0);
}

/** Methodology, open data, search (with search) and the 404 page. */
function aboutPages(opts: FixedPagesInput): FixedPage[] {
  const { data, globals } = opts;
  const pages: FixedPage[] = [
    {
      path: PATHS.methodology, template: 'pages/methodology',
      scope: { page: pageMeta(globals, PATHS.methodology, 'methodology', 'Methodology', 'How every number on this site is computed, what is published and how to check that nothing was changed.'), note: data.stats.note, lastUpdated: data.lastUpdated, dataVersion: data.dataVersion, biasMargin: BIAS_MARGIN_POINTS },
    },
    {
      path: PATHS.data, template: 'pages/data',
      scope: { page: pageMeta(globals, PATHS.data, 'data', 'Open data', 'Everything on this site as JSON and CSV, with a schema for each file.'), threads: data.published.length, claims: data.claims.length, columns: openDataColumns() },
    },
  ];
  if (opts.search) {
    const bundles = [...Array.from({ length: opts.shards }, (_, i) => bundleDir(String(i))), ...(opts.hasClaimsBundle ? [bundleDir('claims')] : [])];
    pages.push({
      path: PATHS.search, template: 'pages/search',
      scope: { page: pageMeta(globals, PATHS.search, 'search', 'Search', 'Search every published conversation and claim.', { scripts: ['assets/search.js'] }), bundles: bundles.join(' '), filters: searchFilters(opts) },
    });
  }
  const notFound = pageMeta(globals, PATHS.notFound, 'none', 'Page not found', 'There is no page at this address.');
  // A host serves the 404 page at any depth: its links must not be relative.
  notFound.root = globals.baseUrl ?? '/';
  pages.push({ path: PATHS.notFound, template: 'pages/404', scope: { page: notFound } });
  return pages;
}

export function fixedPages(opts: FixedPagesInput): FixedPage[] {
  const claims = claimsSummary(opts);
  const topics: FixedPage = {
    path: PATHS.topics, template: 'pages/topics',
    scope: { page: pageMeta(opts.globals, PATHS.topics, 'topics', 'Topics', 'Published conversations grouped by what they are about.'), topics: opts.topics },
  };
  return [homePage(opts, claims), topics, moderationPage(opts), changesPage(opts), reviewsPolicyPage(opts), ...claimPages(opts, claims), ...aboutPages(opts)];
}
