import type { SiteLanguage } from './i18n.ts';
import { openWorkspace } from '../workspace.ts';
import type { Workspace } from '../workspace.ts';
import { acquireExclusive } from '../store/writer.ts';
import type { ExclusiveLock } from '../store/writer.ts';
import { assets } from './build/assets.ts';
import { discardPending } from './build-state.ts';
import { commit } from './build/commit.ts';
import type { BuildContext, BuildProgress, BuildTimings, Phase } from './build/context.ts';
import { inPhase } from './build/errors.ts';
import { feeds } from './build/feeds.ts';
import { fixedPages } from './build/fixed-pages.ts';
import { listPages } from './build/list-pages.ts';
import { loadBuild } from './build/load.ts';
import { openData } from './build/open-data.ts';
import { buildCache } from './build/scans.ts';
import { search } from './build/search.ts';
import { threadPages } from './build/thread-pages.ts';
import { abortOutput, prepareOutput } from './output.ts';
import { normalizeBaseUrl } from './pages.ts';
import { recordPublication } from './publication-store.ts';
import { keepPublicationCurrent, keepPublicationState } from './kept.ts';

// `candor build`: the workspace in, a static site out, in phases that share one build context (build/context.ts):
// load and plan, thread pages, list pages, fixed pages, open data, feeds, assets, search, manifest and commit.
// Everything is written to a temporary sibling folder first: a clean build swaps the whole folder in; a rebuild of a
// site Candor made renders only the pages whose inputs changed and moves just those files into place, under a
// journal (see output.ts). A failed build names its phase, the file and the thread or claim, and leaves the previous
// site untouched.

export type { BuildProgress } from './build/context.ts';

export type BuildOptions = {
  /** A workspace folder, or a workspace already open (the app's); an open one is left open. */
  workspace: string | Workspace;
  out: string;
  theme?: string;
  /** The site's language; default: the workspace's saved one, else English. */
  lang?: SiteLanguage;
  baseUrl?: string | null;
  /** Build the Pagefind search index (default true). */
  search?: boolean;
  /** Render workers; 0 renders in this thread. Default: one per core for big sites, none for small ones. */
  workers?: number;
  /** Ignore what the last build saved and render everything. */
  clean?: boolean;
  /** Build even when more than half of the conversations the site publishes would go (refused otherwise). */
  allowShrink?: boolean;
  onProgress?: (p: BuildProgress) => void;
  /** Record this build in the workspace's publication log (default true; the app's preview does not). */
  record?: boolean;
};

export type BuildReport = {
  out: string;
  pages: number;
  threads: number;
  withheld: number;
  claims: number;
  bytes: number;
  ms: number;
  files: number;
  incremental: boolean;
  rendered: number;
  reused: number;
  signed: boolean;
  search: boolean;
  timings: BuildTimings;
  warnings: string[];
  /**
   * Files of the previous site that no longer matched its manifest (edited, corrupted, removed) or that it did not
   * list (added): nothing was reused from them; they were made again from the workspace, or removed.
   */
  repaired: string[];
  /** Settles when the replaced site has been deleted (the new one is already in place). */
  cleanup: Promise<void>;
};

/** After load: in order. The list pages render on the workers while the fixed pages are made in this thread. */
const PHASES: readonly Phase[] = [threadPages, listPages, fixedPages, openData, feeds, assets, search, commit];

/** Stops whatever may still be writing into the temporary folder, then removes it. */
async function abort(ctx: BuildContext | null, output: ReturnType<typeof prepareOutput>): Promise<void> {
  if (ctx) {
    await ctx.resources.pool?.close().catch(() => undefined);
    ctx.resources.pool = null;
    await ctx.resources.search?.close().catch(() => undefined);
    ctx.resources.search = null;
    for (const w of ctx.resources.rowWriters) await w.abort().catch(() => undefined);
    ctx.resources.rowWriters = [];
  }
  abortOutput(output);
  if (ctx?.resources.cardsPending) discardPending(ctx.paths);
}

/** The publication log entry this build showed, recorded now that its site (and manifest) is in place. */
function recordBuild(ctx: BuildContext): void {
  if (!ctx.publication) return;
  try {
    // The manifest now in place is the one the commit wrote and hashed.
    const warning = recordPublication(ctx.ws.db, ctx.publication, ctx.committed!.manifestSha, new Date().toISOString());
    if (warning) ctx.warnings.push(warning);
    else if (ctx.publication.path !== 'kept') keepPublication(ctx, ctx.publication.added?.seq ?? ctx.publication.basedOn);
  } catch (err) {
    ctx.warnings.push(`The publication log could not be recorded (${(err as Error).message}); the next build records the changes.`);
  }
}

/**
 * The recorded state is now what this data publishes: the next build of the same data need not work it out, and a
 * build of changed data works out only what changed since.
 */
function keepPublication(ctx: BuildContext, seq: number): void {
  if (seq === 0) return;
  try {
    keepPublicationCurrent(ctx.ws.db, ctx.ws.dir, { seq: ctx.data.dataVersion, at: ctx.data.lastUpdated }, seq);
    keepPublicationState(ctx.ws.db, ctx.ws.dir, seq);
  } catch (err) {
    ctx.warnings.push(`Could not keep the publication log's state for the next build (${(err as Error).message}); it works it out again.`);
  }
}

function report(ctx: BuildContext, timings: BuildTimings): BuildReport {
  const { data, settings, counts } = ctx;
  const done = ctx.committed!;
  return {
    out: ctx.output.target, pages: counts.htmlPages, threads: data.published.length, withheld: done.withheld, claims: data.claims.length, bytes: done.bytes,
    ms: Math.round(timings.total), files: done.files, incremental: ctx.previous !== null, rendered: counts.rendered, reused: counts.reused,
    signed: settings.signing !== null, search: settings.search, timings, warnings: ctx.warnings, repaired: [...(ctx.previous?.repaired ?? [])], cleanup: done.cleanup,
  };
}

export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  // An explicit theme or address (even an empty one) wins over the workspace's saved ones, read once it is open.
  const baseUrl = options.baseUrl === undefined ? undefined : normalizeBaseUrl(options.baseUrl);
  const timings: BuildTimings = { load: 0, threads: 0, pages: 0, data: 0, search: 0, manifest: 0, total: 0 };
  // Refuse a folder that is not ours before anything else is read or written.
  const output = prepareOutput(options.out);
  const owned = typeof options.workspace === 'string';
  let ws: Workspace;
  try {
    ws = typeof options.workspace === 'string' ? openWorkspace(options.workspace) : options.workspace;
  } catch (err) {
    abortOutput(output);
    throw err;
  }
  // One import or build per workspace at a time: another is told "busy: building the site (N%)".
  let lock: ExclusiveLock;
  try {
    lock = acquireExclusive(ws.dir, 'build');
  } catch (err) {
    abortOutput(output);
    if (owned) ws.close();
    throw err;
  }
  let ctx: BuildContext | null = null;
  const restoreCache = buildCache(ws);
  try {
    let mark = performance.now();
    try {
      ctx = await loadBuild(ws, output, { lang: options.lang, theme: options.theme, baseUrl, search: options.search !== false, workers: options.workers, clean: options.clean === true, allowShrink: options.allowShrink === true }, progress);
    } catch (err) {
      throw inPhase(err, 'load');
    }
    timings.load += performance.now() - mark;
    for (const phase of PHASES) phase.start?.(ctx);
    for (const [i, phase] of PHASES.entries()) {
      lock.progress((i / PHASES.length) * 100);
      mark = performance.now();
      try {
        await phase.run(ctx);
      } catch (err) {
        throw inPhase(err, phase.name);
      }
      timings[phase.timing] += performance.now() - mark;
    }
    if (options.record !== false) recordBuild(ctx);
    timings.total = performance.now() - started;
    progress({ phase: 'done', done: 1, total: 1 });
    return report(ctx, timings);
  } catch (err) {
    await abort(ctx, output);
    throw err;
  } finally {
    if (ctx) {
      await ctx.resources.pool?.close().catch(() => undefined);
      await ctx.resources.search?.close().catch(() => undefined);
    }
    restoreCache();
    lock.release();
    if (owned) ws.close();
  }
}
