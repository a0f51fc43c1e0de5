import { WITHHOLD_REASONS } from '../model/thread.ts';
import type { PeriodStats, Stats } from '../curation/stats.ts';
import { progressBar, ratingChart, trendChart } from './chart.ts';
import type { SiteClaim } from './claims-data.ts';
import type { SiteData } from './data.ts';
import { dateLabel, formatCount, formatNumber, formatPercent, monthLabel } from './format.ts';
import { organizationJsonLd } from './jsonld.ts';
import { markdownToHtml, safeHref } from './markdown.ts';
import { claimPath, kindFolder, PATHS, pageMeta } from './pages.ts';
import type { PageMeta, SiteGlobals } from './pages.ts';
import { bundleDir } from './search.ts';
import type { TrustedHtml } from './trusted.ts';
import { KIND_LABELS, KIND_ORDER, sourceLabel } from './views.ts';

// The pages there is one of (and the claim pages, which are few): their scopes are built here, in the main
// thread, from the site data; charts and staff Markdown are turned into trusted HTML on the way.

export type SinglePage = { path: string; template: string; scope: { page: PageMeta } & Record<string, unknown> };

export const REASONS: Record<string, { label: string; description: string }> = {
  'privacy-request': { label: 'Privacy request', description: 'The customer asked for the conversation not to be published, or to be removed.' },
  legal: { label: 'Legal', description: 'Publishing it could breach a law or a legal obligation, for example while a legal case is open.' },
  abusive: { label: 'Abusive', description: 'It contains abuse, threats, harassment or hate.' },
  spam: { label: 'Spam', description: 'It is spam or advertising rather than feedback.' },
  duplicate: { label: 'Duplicate', description: 'The same conversation is already published from another source.' },
  'off-topic': { label: 'Off-topic', description: 'It is not about the organisation\'s products or services.' },
  'no-consent': { label: 'No consent', description: 'The customer has not agreed to publication where agreement is needed.' },
  other: { label: 'Other', description: 'Another reason, recorded with a note in the organisation\'s audit log.' },
};

const DEFAULT_POLICY = `We publish customer conversations in full, including complaints and our replies, because a record that only shows praise is not a record.

We hold a conversation back only for one of the reasons listed below, and every such decision is recorded with its reason. Held-back conversations still count in every statistic on this site. Personal data such as e-mail addresses, phone numbers, payment details and customers' names is removed before publication and replaced by a label such as [email removed]. Internal notes are never published.`;

const PROGRESS_LABELS: Record<string, string> = { on_track: 'On track', behind: 'Behind', achieved: 'Achieved', missed: 'Missed', unknown: 'Not yet measured', statement: 'Statement (no numeric target)' };
const CATEGORY_LABELS: Record<string, string> = {
  generic: 'General environmental claim', climate: 'Climate', recycled_content: 'Recycled content', recyclability: 'Recyclability', compostability: 'Compostability',
  degradability: 'Degradability', free_of: '"Free of" claim', toxicity: 'Toxicity', renewable_energy: 'Renewable energy', renewable_material: 'Renewable material',
  label: 'Label', future_target: 'Future target', comparison: 'Comparison', water: 'Water', biodiversity: 'Biodiversity', other: 'Other',
};
const SCOPE_LABELS: Record<string, string> = { product: 'A whole product', part: 'Part of a product', company: 'The whole company' };
const EVIDENCE_LABELS: Record<string, string> = { certificate: 'Certificate', report: 'Report', audit: 'Audit', dataset: 'Dataset', url: 'Web page' };
const FIELD_LABELS: Record<string, string> = {
  statement: 'Statement', title: 'Title', baseline: 'Baseline', target: 'Target', current_value: 'Current value', current_as_of: 'Measured on', unit: 'Unit', metric: 'Metric',
  scope: 'Scope', scope_detail: 'What it covers', markets: 'Markets', category: 'Category', comparison_basis: 'Compared with', uses_offsets: 'Uses carbon credits', label: 'Label', evidence: 'Evidence',
};

function share(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

function headline(p: PeriodStats): Record<string, unknown> {
  return {
    threads: p.all.threads,
    responseRate: p.all.responseRate,
    medianFirstReply: p.all.medianFirstReplySeconds,
    shareResolved: p.all.shareResolved,
    medianResolution: p.all.medianResolutionSeconds,
    complaints: {
      threads: p.complaints.threads,
      responseRate: p.complaints.responseRate,
      medianFirstReply: p.complaints.medianFirstReplySeconds,
      shareResolved: p.complaints.shareResolved,
      medianResolution: p.complaints.medianResolutionSeconds,
    },
  };
}

function figure(v: { value: number; year: number } | null, unit: string | null): string | null {
  return v ? `${formatNumber(v.value)}${unit ? ` ${unit}` : ''} (${v.year})` : null;
}

export function claimView(c: SiteClaim, asOf: string | null, evidencePath: (sha: string) => string | null): Record<string, unknown> {
  const progressLabel = PROGRESS_LABELS[c.progress.status] ?? c.progress.status;
  return {
    id: c.id,
    url: claimPath(c.id),
    title: c.title,
    statement: c.statement,
    markets: c.markets.join(', '),
    category: CATEGORY_LABELS[c.category] ?? c.category,
    scope: SCOPE_LABELS[c.scope] ?? c.scope,
    scopeDetail: c.scopeDetail,
    metric: c.metric,
    unit: c.unit,
    baseline: figure(c.baseline, c.unit),
    target: figure(c.target, c.unit),
    current: c.currentValue === null ? null : `${formatNumber(c.currentValue)}${c.unit ? ` ${c.unit}` : ''}${c.currentAsOf ? ` (${dateLabel(c.currentAsOf)})` : ''}`,
    comparisonBasis: c.comparisonBasis,
    usesOffsets: c.usesOffsets === null ? 'Not stated' : c.usesOffsets ? 'Yes' : 'No',
    label: c.label,
    status: c.status,
    retired: c.status === 'retired',
    statusLabel: c.status === 'retired' ? 'Retired' : 'Published',
    revision: c.revision,
    publishedAt: c.publishedAt,
    progress: {
      status: c.progress.status,
      label: progressLabel,
      explanation: c.progress.explanation,
      bar: progressBar(c.progress.ratio, c.progress.elapsed, `${progressLabel}: ${c.progress.ratio === null ? 'no measure' : formatPercent(Math.max(0, c.progress.ratio))} of the way to the target`),
    },
    evidence: c.evidence.map((e) => {
      const expired = Boolean(asOf && e.validUntil && e.validUntil < asOf.slice(0, 10));
      return {
        type: EVIDENCE_LABELS[e.type] ?? e.type,
        title: e.title || EVIDENCE_LABELS[e.type] || e.type,
        issuer: e.issuer,
        independent: e.independentThirdParty,
        issued: e.issued,
        validUntil: e.validUntil,
        expired,
        covers: e.covers.join('; '),
        url: safeHref(e.url),
        file: e.file ? { name: e.file.name, size: formatCount(e.file.size), sha256: e.file.sha256, path: evidencePath(e.file.sha256) } : null,
      };
    }),
    notes: c.notes,
    revisions: [...c.revisions].reverse().map((r) => ({
      revision: r.revision,
      publishedAt: r.publishedAt,
      first: r.changes.length === 0,
      changes: r.changes.map((ch) => ({ field: ch.label || FIELD_LABELS[ch.field] || ch.field, before: ch.before, after: ch.after })),
    })),
  };
}

export function singletonPages(opts: {
  data: SiteData & { stats: Stats };
  globals: SiteGlobals;
  latest: unknown[];
  topics: { name: string; url: string; count: number }[];
  evidencePath: (sha: string) => string | null;
  search: boolean;
  shards: number;
  hasClaimsBundle: boolean;
}): SinglePage[] {
  const { data, globals } = opts;
  const stats = data.stats;
  const overall = stats.overall;
  const mod = overall.moderation;
  const pages: SinglePage[] = [];
  const lastUpdated = data.lastUpdated;

  // Home
  const months = stats.byMonth.filter((m) => /^\d{4}-\d{2}$/.test(m.month)).slice(-24);
  const trend = months.map((m) => ({ month: m.month, label: monthLabel(m.month, true), complaints: m.byKind.complaint ?? 0, other: m.all.threads - (m.byKind.complaint ?? 0), total: m.all.threads, resolvedShare: m.all.shareResolved }));
  const rated = [5, 4, 3, 2, 1].reduce((s, n) => s + (overall.byRating[String(n)] ?? 0), 0);
  const ratings = [5, 4, 3, 2, 1].map((n) => ({ stars: n, count: overall.byRating[String(n)] ?? 0, share: share(overall.byRating[String(n)] ?? 0, rated) ?? 0 }));
  const claims = data.claims.map((c) => claimView(c, lastUpdated, opts.evidencePath));
  const progressCounts = ['achieved', 'on_track', 'behind', 'missed', 'unknown', 'statement'].map((status) => ({
    status, label: PROGRESS_LABELS[status]!, count: data.claims.filter((c) => c.status === 'published' && c.progress.status === status).length,
  }));
  const claimsSummary = {
    total: data.claims.length,
    published: data.claims.filter((c) => c.status === 'published').length,
    retired: data.claims.filter((c) => c.status === 'retired').length,
    byProgress: progressCounts,
    items: claims,
  };
  const statsView = {
    note: stats.note,
    imported: mod.imported,
    published: mod.published,
    withheld: mod.withheld,
    pending: mod.pending,
    publishedShare: share(mod.published, mod.imported),
    complaintShare: share(overall.byKind.complaint ?? 0, mod.imported),
    ...headline(overall),
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
  };
  pages.push({
    path: PATHS.home, template: 'pages/home',
    scope: {
      page: pageMeta(globals, PATHS.home, 'home', `${data.organisation}: transparency report`, `Every published customer conversation with ${data.organisation}, complaints included, with statistics computed from all of them.`, { jsonLd: organizationJsonLd(data.organisation, data.texts.url) }),
      intro: data.texts.intro ? markdownToHtml(data.texts.intro) : null,
      stats: statsView,
      latest: opts.latest,
      claims: claimsSummary,
      lastUpdated,
    },
  });

  // Topics index
  pages.push({
    path: PATHS.topics, template: 'pages/topics',
    scope: { page: pageMeta(globals, PATHS.topics, 'topics', 'Topics', 'Published conversations grouped by what they are about.'), topics: opts.topics },
  });

  // Moderation report
  const policy: TrustedHtml = markdownToHtml(data.texts.policy ?? DEFAULT_POLICY);
  const reasons = WITHHOLD_REASONS.map((code) => ({ code, label: REASONS[code]!.label, description: REASONS[code]!.description, count: mod.withheldByReason[code] ?? 0 }));
  const modMonths = stats.byMonth.filter((m) => /^\d{4}-\d{2}$/.test(m.month)).slice(-12).reverse().map((m) => ({ label: monthLabel(m.month, true), ...m.moderation }));
  pages.push({
    path: PATHS.moderation, template: 'pages/moderation',
    scope: {
      page: pageMeta(globals, PATHS.moderation, 'moderation', 'Moderation report', 'What was published, what was held back and why, and what is still waiting for review.'),
      policy,
      moderation: { ...mod, publishedShare: share(mod.published, mod.imported), withheldShare: share(mod.withheld, mod.imported), pendingShare: share(mod.pending, mod.imported) },
      reasons,
      months: modMonths,
      note: stats.note,
      lastUpdated,
    },
  });

  // Claims
  if (data.claims.length > 0) {
    pages.push({
      path: PATHS.claims, template: 'pages/claims',
      scope: { page: pageMeta(globals, PATHS.claims, 'claims', 'Sustainability claims', 'Every environmental claim the organisation makes, with its figures, evidence, progress and history.'), claims: claimsSummary, lastUpdated },
    });
    for (const c of claims) {
      const path = c.url as string;
      pages.push({
        path, template: 'pages/claim',
        scope: { page: pageMeta(globals, path, 'claims', c.title as string, c.statement as string), claim: c, lastUpdated },
      });
    }
  }

  // Methodology, open data, search, 404
  pages.push({
    path: PATHS.methodology, template: 'pages/methodology',
    scope: { page: pageMeta(globals, PATHS.methodology, 'methodology', 'How this site is made', 'How every number on this site is computed, what is published and how to check that nothing was changed.'), note: stats.note, lastUpdated, dataVersion: data.dataVersion },
  });
  pages.push({
    path: PATHS.data, template: 'pages/data',
    scope: { page: pageMeta(globals, PATHS.data, 'data', 'Open data', 'Everything on this site as JSON and CSV, with a schema for each file.'), threads: data.published.length, claims: data.claims.length },
  });
  if (opts.search) {
    const bundles = [...Array.from({ length: opts.shards }, (_, i) => bundleDir(String(i))), ...(opts.hasClaimsBundle ? [bundleDir('claims')] : [])];
    pages.push({
      path: PATHS.search, template: 'pages/search',
      scope: { page: pageMeta(globals, PATHS.search, 'search', 'Search', 'Search every published conversation and claim.', { scripts: ['assets/search.js'] }), bundles: bundles.join(' ') },
    });
  }
  const notFound = pageMeta(globals, PATHS.notFound, 'none', 'Page not found', 'There is no page at this address.');
  // A host serves the 404 page at any depth: its links must not be relative.
  notFound.root = globals.baseUrl ?? '/';
  pages.push({ path: PATHS.notFound, template: 'pages/404', scope: { page: notFound } });
  return pages;
}

