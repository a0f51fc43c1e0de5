import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ruleTopicVerdicts, siteViewRules } from '../../curation/published.ts';
import { DETECTOR_VERSION } from '../../curation/scan.ts';
import { CandorError } from '../../errors.ts';
import { GENERATOR } from '../../version.ts';
import type { Workspace } from '../../workspace.ts';
import { readBranding, siteBranding } from '../branding.ts';
import { checkOverrides, siteMessages, textOf } from '../i18n.ts';
import type { SiteLanguage } from '../i18n.ts';
import { readSiteLanguage } from '../i18n-settings.ts';
import { readPreviousBuild, statePaths } from '../build-state.ts';
import { namingWords } from '../thread-reader.ts';
import { readSigningKey } from '../keys.ts';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../manifest.ts';
import { bundleDir, SEARCH_DIR } from '../search/shards.ts';
import type { ManifestFile } from '../manifest.ts';
import type { Output } from '../output.ts';
import { publishedEvidencePath, siteGlobals } from '../pages.ts';
import { loadSiteData, siteStats, threadCount } from '../site-data.ts';
import { keepTopicVerdicts, keptStats, keptTopicVerdicts } from '../kept.ts';
import type { VersionedStats } from '../../curation/workspace-stats.ts';
import { changedThreads } from '../../store/data-version.ts';
import { SiteWriter } from '../site-writer.ts';
import { templateRoots, themeFingerprint } from '../themes.ts';
import type { BuildContext, BuildProgress, BuildSettings } from './context.ts';
import { inPhase } from './errors.ts';
import { codeFingerprint } from './fingerprint.ts';
import { planBuild } from './plan.ts';
import { ThreadGroups } from './thread-groups.ts';
import { scanConnection } from './scans.ts';
import { readManifestFiles, siteScanOf, startSiteScan } from './site-scan.ts';
import type { StartedScan } from './site-scan.ts';
import type { PreviousBuild } from './plan.ts';

// The load phase: the workspace read once (in one read transaction), the settings resolved, what the previous build
// of the folder left, and the plan. Nothing is rendered yet.

export type LoadOptions = { lang?: SiteLanguage; theme?: string; baseUrl?: string | null; search: boolean; workers?: number; clean: boolean; allowShrink?: boolean };

/**
 * How many conversations the site in the folder publishes, from its manifest's build line (the first lines: read
 * without parsing the whole manifest of a big site); null when it cannot be told.
 */
function publishedBefore(dir: string | null): number | null {
  if (!dir) return null;
  try {
    const fd = openSync(join(dir, MANIFEST_FILE), 'r');
    try {
      const head = Buffer.alloc(8192);
      const n = readSync(fd, head, 0, head.length, 0);
      const m = /\n {2}"build": (\{[^\n]*\}),\n/.exec(head.subarray(0, n).toString('utf8'));
      const threads = m ? (JSON.parse(m[1]!) as { threads?: unknown }).threads : null;
      return typeof threads === 'number' ? threads : null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/**
 * A build that would take more than half of the published conversations off the site (a workspace restored from an
 * old backup, the wrong workspace, a mass withholding by mistake) is refused unless asked for with --allow-shrink.
 */
export function checkShrink(before: number | null, now: number, allowed: boolean): void {
  if (allowed || before === null || before === 0 || now * 2 >= before) return;
  throw new CandorError('SITE_WOULD_SHRINK', `This build would publish ${now.toLocaleString('en')} conversation${now === 1 ? '' : 's'} where the site has ${before.toLocaleString('en')}: more than half would disappear from it. Nothing was changed. If that is what you mean, build again with --allow-shrink.`, undefined, undefined, { published: before, wouldPublish: now });
}

/** The previous build of the folder, when its saved state describes exactly the site that is there. */
async function previousBuild(ctx: Pick<BuildContext, 'output' | 'paths'>, fingerprint: string, scanning: StartedScan | null): Promise<PreviousBuild | null> {
  const dir = ctx.output.previous;
  if (!dir) return null;
  const { sha, files } = readManifestFiles(dir, MANIFEST_FILE);
  const state = readPreviousBuild(ctx.paths, { fingerprint, manifestSha: sha });
  if (!state) return null;
  // Nothing is reused unchecked: a file edited, corrupted or removed since is made again from the workspace (and a
  // search bundle with such a file is rebuilt whole); files added to the site are removed. The scan checked them.
  const scan = await siteScanOf(scanning, dir, sha, files, ctx.paths.stamps);
  const changed = scan.changed.map((i) => files[i]!.path);
  const unlisted = scan.unlisted.filter((rel) => rel !== MANIFEST_FILE && rel !== SIGNATURE_FILE);
  const bad = new Set(changed);
  for (const path of changed) {
    const [top, bundle, ...rest] = path.split('/');
    if (top === SEARCH_DIR && bundle && rest.length) bad.add(`${bundleDir(bundle)}pagefind-entry.json`);
  }
  const intact = new Map<string, ManifestFile>();
  for (const f of files) if (!bad.has(f.path)) intact.set(f.path, f);
  return { state, files: intact, order: files, stamps: scan.stamps, unlisted, repaired: [...changed, ...unlisted].sort(), bad };
}

function settingsOf(ws: Workspace, options: LoadOptions, data: BuildContext['data']): { settings: BuildSettings; warnings: string[] } {
  const saved = readBranding(ws.db);
  const theme = options.theme ?? saved.theme ?? 'default';
  const baseUrl = options.baseUrl === undefined ? saved.baseUrl : options.baseUrl;
  const branding = siteBranding(ws.dir, saved);
  const roots = templateRoots(theme, ws.dir);
  const signing = readSigningKey(ws.dir);
  const savedLang = readSiteLanguage(ws.db);
  const lang = options.lang ?? savedLang.language;
  // Each language has its own saved wording; a build in another language (--lang) uses that language's.
  const strings = checkOverrides(savedLang.byLanguage[lang] ?? {}, lang);
  const globals = siteGlobals({
    lang, messages: siteMessages(lang, strings),
    name: data.organisation, url: data.texts.url, baseUrl, theme, generator: GENERATOR, hasClaims: data.claims.length > 0,
    hasSearch: options.search, keyFingerprint: signing?.fingerprint ?? null, ...branding.globals,
  });
  // The personal data detectors' version is named on its own: a new detector changes what every page may show.
  const code = codeFingerprint();
  const fingerprint = createHash('sha256').update(JSON.stringify({ code, detectors: DETECTOR_VERSION, theme: themeFingerprint(roots), globals, texts: data.texts })).digest('hex');
  const warnings = [...branding.warnings];
  if (code === null) warnings.push('The code that made the previous site cannot be identified (no build fingerprint): this build renders everything.');
  if (!baseUrl) warnings.push('No address for the published site: the sitemap and the feed use relative links, and pages have no canonical address.');
  // Topic names are checked once per code: a build keeps the verdicts (kept.ts) and runs no detector for them again.
  const known = options.clean ? new Map<string, boolean>() : keptTopicVerdicts(ws.dir);
  const topics = ruleTopicVerdicts(ws, known);
  if ([...topics.keys()].some((name) => !known.has(name))) keepTopicVerdicts(ws.dir, new Map([...known, ...topics]));
  const view = siteViewRules(ws, namingWords(textOf(globals)), topics);
  return { settings: { theme, baseUrl, search: options.search, roots, globals, signing, branding, fingerprint, trusted: code !== null, view }, warnings };
}

function startStats(ws: Workspace): Promise<VersionedStats> {
  const worker = threadCount(ws.db) >= 20_000;
  // In this thread they wait for the event loop's next turn: the render workers start first, and the statistics are
  // computed while this thread waits for their first pages (the builder checks the data version they were read at).
  const later = worker ? Promise.resolve() : new Promise<void>((resolve) => setImmediate(resolve));
  const stats = later.then(() => siteStats(ws.db, ws.dir, { worker })).catch((err: unknown) => {
    throw inPhase(err, 'load');
  });
  stats.catch(() => undefined);
  return stats;
}

/** Reads everything the build needs and plans it. */
export async function loadBuild(ws: Workspace, output: Output, options: LoadOptions, progress: (p: BuildProgress) => void): Promise<BuildContext> {
  progress({ phase: 'load', done: 0, total: 1 });
  // A big site's files are listed and stat'ed on a worker while the workspace is read (site-scan.ts).
  const paths = statePaths(ws.dir, output.target);
  const scanning = options.clean ? null : startSiteScan(output.previous, MANIFEST_FILE, paths.stamps);
  // The statistics take longest to read of what a rebuild needs (a second at 100,000 threads): they start first, on
  // a worker of their own for big workspaces. The build checks at the end that the workspace did not change since.
  // Unless the statistics of this very data were kept by an earlier build (kept.ts).
  const kept = options.clean ? null : keptStats(ws.db, ws.dir);
  let stats = kept ? Promise.resolve(kept) : startStats(ws);
  const data = loadSiteData(ws.db, ws.dir);
  // Bringing the scans up to date may have moved the data on since (a re-scan is audited).
  if (kept && kept.dataVersion !== data.dataVersion) stats = startStats(ws);
  checkShrink(publishedBefore(output.previous), data.published.length, options.allowShrink === true);
  const { settings, warnings } = settingsOf(ws, options, data);
  const previous = options.clean || !settings.trusted ? null : await previousBuild({ output, paths }, settings.fingerprint, scanning);
  const changed = previous ? changedThreads(ws.db, previous.state.dataVersion) : 'all';
  const plan = planBuild(previous, { published: data.published, changed }, { search: options.search, workers: options.workers, cores: availableParallelism() });
  // Evidence files are published once each, under their hash.
  const evidence = new Map<string, string>();
  for (const c of data.claims) for (const e of c.evidence) if (e.file) evidence.set(e.file.sha256, publishedEvidencePath(e.file.sha256, e.file.name));
  return {
    ws, scans: scanConnection(ws), output, paths, data, stats, statsKept: kept !== null && kept.dataVersion === data.dataVersion, trustKept: !options.clean, settings, previous, plan,
    writer: new SiteWriter(output.temp),
    files: [], pageHashes: {}, listPaths: [], threads: new Array(data.published.length), groups: new ThreadGroups(data.published.length), cardsFile: '', newest: [], topics: [], evidence, bundles: {},
    counts: { htmlPages: data.published.length, rendered: 0, reused: 0 },
    pending: { listPages: Promise.resolve(), rowFiles: Promise.resolve([]), publication: null },
    resources: { pool: null, search: null, rowWriters: [], cardsPending: false },
    committed: null, warnings, progress,
  };
}
