import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseSync } from 'node:sqlite';
import { CandorError } from '../errors.ts';
import { openWorkspace } from '../workspace.ts';
import type { Workspace } from '../workspace.ts';
import { cachePaths, discardPending, pendingCards, readPreviousBuild, saveBuild } from './cache.ts';
import type { CacheState, ThreadRecord } from './cache.ts';
import { DataWriter } from './data-files.ts';
import { dataVersion, loadSiteData, openThreadReader, siteStats, threadCount } from './data.ts';
import type { SiteData } from './data.ts';
import { readBranding, siteBranding } from './branding.ts';
import { atomFeed, robotsTxt, sitemapFiles } from './feeds.ts';
import type { SitemapEntry } from './feeds.ts';
import { readSigningKey, signBytes, SITE_PUBLIC_KEY } from './keys.ts';
import { createEngine, templateRoots, themeFiles, themeFingerprint } from './liquid.ts';
import { MANIFEST_FILE, serializeManifest, SIGNATURE_FILE } from './manifest.ts';
import type { BuildInfo, ManifestFile } from './manifest.ts';
import { abortOutput, commitInPlace, commitOutput, prepareOutput } from './output.ts';
import type { Output } from './output.ts';
import { claimCsvRow, CLAIMS_CSV_HEADER, EVIDENCE_CSV_HEADER, evidenceCsvRows, jsonSchemaOf, MESSAGES_CSV_HEADER, OpenClaimsFile, openClaim, OpenThreadsFile, THREADS_CSV_HEADER } from './open-data.ts';
import { claimPath, kindFolder, kindListTitle, listPagePath, PAGE_SIZE, pageMeta, PATHS, siteGlobals } from './pages.ts';
import type { SiteGlobals } from './pages.ts';
import { inProcessPool, workerPool } from './pool.ts';
import type { Pool } from './pool.ts';
import { inputHash } from './render.ts';
import { SiteWriter } from './site-writer.ts';
import type { ListPage, PagesResult, RenderInit, ThreadOutput, ThreadResult } from './render.ts';
import { bundleDir, endsShard, membershipHash, SearchPool, shardCount, shardOfIndex } from './search.ts';
import { singletonPages } from './singletons.ts';
import type { SiteClaim } from './claims-data.ts';
import { KIND_ORDER, slugify, summarize, threadUrl, topicKey } from './views.ts';

// `candor build`: the workspace in, a static site out. Threads are rendered on worker threads in chunks and
// streamed to disk; data files are written as results arrive, in order. Everything is written to a temporary
// sibling folder first: a clean build swaps the whole folder in; a rebuild of a site Candor made renders only the
// pages whose inputs changed and moves just those files into place, under a journal (see output.ts).

export const GENERATOR = 'Candor 0.1.0';
const CHUNK = 250;
const PAGES_BATCH = 40;

export type BuildPhase = 'load' | 'threads' | 'pages' | 'data' | 'search' | 'manifest' | 'done';
export type BuildProgress = { phase: BuildPhase; done: number; total: number };

export type BuildOptions = {
  /** A workspace folder, or a workspace already open (the app's); an open one is left open. */
  workspace: string | Workspace;
  out: string;
  theme?: string;
  baseUrl?: string | null;
  /** Build the Pagefind search index (default true). */
  search?: boolean;
  /** Render workers; 0 renders in this thread. Default: one per core for big sites, none for small ones. */
  workers?: number;
  /** Ignore what the last build saved and render everything. */
  clean?: boolean;
  onProgress?: (p: BuildProgress) => void;
};

export type BuildTimings = { load: number; threads: number; pages: number; data: number; search: number; manifest: number; total: number };

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
  /** Settles when the replaced site has been deleted (the new one is already in place). */
  cleanup: Promise<void>;
};

/**
 * The code that decides what the site says: the builder itself, curation (published view, statistics) and the claims
 * register (progress, history). A change there re-renders everything; changes elsewhere (importers, the app) do not.
 */
const OUTPUT_CODE = ['site', 'curation', 'claims', 'model'];
let codeHash: string | null = null;
function codeFingerprint(): string {
  if (codeHash) return codeHash;
  const h = createHash('sha256').update(GENERATOR);
  const core = fileURLToPath(new URL('../', import.meta.url));
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts')) h.update(relative(core, full).split(sep).join('/')).update(readFileSync(full));
    }
  };
  for (const part of OUTPUT_CODE) walk(join(core, part));
  codeHash = h.digest('hex');
  return codeHash;
}

/** The page numbers a pager shows: all of them up to 12, else the first, the last and three either side. */
export function pageWindow(current: number, total: number): number[] {
  if (total <= 12) return Array.from({ length: total }, (_, i) => i + 1);
  const out = new Set<number>([1, total]);
  for (let i = Math.max(1, current - 3); i <= Math.min(total, current + 3); i++) out.add(i);
  return [...out].sort((a, b) => a - b);
}

export function normalizeBaseUrl(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new CandorError('USAGE', `--base-url "${raw}" is not a web address (expected e.g. https://transparency.example.com/).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CandorError('USAGE', `--base-url must start with https:// or http:// (got "${raw}").`);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function auditChanges(db: DatabaseSync, since: number): Set<string> | 'all' {
  const rows = db.prepare('SELECT entity_type, entity_id FROM audit_log WHERE seq > ?').all(since) as { entity_type: string; entity_id: string }[];
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.entity_type === 'thread') ids.add(r.entity_id);
    // Imports are audited per thread as well; claims are always read in full (there are few).
    else if (r.entity_type === 'import' || r.entity_type === 'claim') continue;
    // A setting (pseudonyms, topic rules, detectors...) may change any thread's public view.
    else return 'all';
  }
  return ids;
}

function manifestSha(dir: string): string {
  return createHash('sha256').update(readFileSync(join(dir, MANIFEST_FILE))).digest('hex');
}

/** The previous site's files by path; an unchanged file's entry goes into the new manifest as it is. */
function readOldManifest(dir: string): Map<string, ManifestFile> {
  const raw = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as { files: ManifestFile[] };
  return new Map(raw.files.map((f) => [f.path, f]));
}

/** The feed's length; the home page shows the first few of them. */
const FEED_SIZE = 50;

const SAFE_EVIDENCE_EXT = new Set(['.pdf', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.txt', '.csv', '.json', '.xlsx', '.xls', '.ods', '.docx', '.doc', '.odt', '.zip']);

/** Evidence files are published under their hash with a harmless extension: an uploaded .html or .svg never runs. */
export function evidencePath(sha: string, name: string): string {
  const ext = extname(name).toLowerCase();
  return `evidence/${sha}${SAFE_EVIDENCE_EXT.has(ext) ? ext : '.bin'}`;
}

export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const warnings: string[] = [];
  // An explicit theme or address (even an empty one) wins over the workspace's saved ones, read once it is open.
  const explicitBaseUrl = options.baseUrl === undefined ? undefined : normalizeBaseUrl(options.baseUrl);
  const wantSearch = options.search !== false;
  const timings: BuildTimings = { load: 0, threads: 0, pages: 0, data: 0, search: 0, manifest: 0, total: 0 };
  let mark = started;
  const lap = (k: keyof BuildTimings) => {
    const now = performance.now();
    timings[k] += now - mark;
    mark = now;
  };

  // Refuse a folder that is not ours before anything else is read or written.
  const output: Output = prepareOutput(options.out);
  const owned = typeof options.workspace === 'string';
  const ws = (() => {
    try {
      return typeof options.workspace === 'string' ? openWorkspace(options.workspace) : options.workspace;
    } catch (err) {
      abortOutput(output);
      throw err;
    }
  })();
  let pool: Pool | null = null;
  let search: SearchPool | null = null;
  let dataWriters: DataWriter[] = [];
  let cardsWritten = false;
  const paths = cachePaths(ws.dir, output.target);
  try {
    progress({ phase: 'load', done: 0, total: 1 });
    // The statistics take longest to read of what a rebuild needs (a second at 100,000 threads): they start first, on
    // a worker of their own for big workspaces. The build checks at the end that the workspace did not change since.
    const statsReady = siteStats(ws.db, ws.dir, { worker: threadCount(ws.db) >= 20_000 });
    statsReady.catch(() => undefined);
    const saved = readBranding(ws.db);
    const theme = options.theme ?? saved.theme ?? 'default';
    const baseUrl = explicitBaseUrl === undefined ? saved.baseUrl : explicitBaseUrl;
    const branding = siteBranding(ws.dir, saved);
    warnings.push(...branding.warnings);
    const data: SiteData = loadSiteData(ws.db, ws.dir);
    const roots = templateRoots(theme, ws.dir);
    const signing = readSigningKey(ws.dir);
    const globals: SiteGlobals = siteGlobals({
      name: data.organisation, url: data.texts.url, baseUrl, theme, generator: GENERATOR, hasClaims: data.claims.length > 0,
      hasSearch: wantSearch, keyFingerprint: signing?.fingerprint ?? null, ...branding.globals,
    });
    const fingerprint = createHash('sha256').update(JSON.stringify({ code: codeFingerprint(), theme: themeFingerprint(roots), globals, texts: data.texts })).digest('hex');
    if (!baseUrl) warnings.push('No --base-url: the sitemap and the feed use relative links, and pages have no canonical address.');

    // What the last build of this folder left, if it can be trusted.
    const previous = !options.clean && output.previous ? readPreviousBuild(paths, { fingerprint, manifestSha: manifestSha(output.previous) }) : null;
    const oldFiles = previous && output.previous ? readOldManifest(output.previous) : new Map<string, ManifestFile>();
    const changes = previous ? auditChanges(ws.db, previous.dataVersion) : 'all';
    lap('load');

    const keys = data.published;
    const total = keys.length;
    const shards = wantSearch ? shardCount(total) : 0;

    type Plan = { id: string; rowid: number; url: string; read: boolean; search: boolean; cached: ThreadRecord | undefined; shard: number };
    const plans: Plan[] = keys.map((k, i) => {
      const cached = previous?.threads[k.id];
      const url = threadUrl(k.id);
      const reusable = cached !== undefined && changes !== 'all' && !changes.has(k.id) && oldFiles.has(url);
      return { id: k.id, rowid: k.rowid, url, read: !reusable, search: false, cached, shard: shards ? shardOfIndex(i, total) : -1 };
    });
    // A shard is rebuilt when its members changed (a thread added, removed or moved) or one of them did.
    const members: Record<string, string> = {};
    const affected = new Set<number>();
    if (shards) {
      const ids = new Map<number, string[]>();
      for (const p of plans) {
        let list = ids.get(p.shard);
        if (!list) ids.set(p.shard, (list = []));
        list.push(p.id);
      }
      for (const [shard, list] of ids) members[String(shard)] = membershipHash(list);
      for (const p of plans) {
        if (p.read || previous?.members[String(p.shard)] !== members[String(p.shard)] || !oldFiles.has(`${bundleDir(String(p.shard))}pagefind-entry.json`)) affected.add(p.shard);
      }
      // A bundle is rebuilt whole: every thread of an affected shard is read again for its record.
      for (const p of plans) if (affected.has(p.shard)) { p.search = true; p.read = true; }
    }

    // Starting a worker costs a few hundred milliseconds: worth it only when there is a lot to read and render.
    const reads = plans.reduce((n, p) => n + (p.read ? 1 : 0), 0);
    const parallel = options.workers ?? (reads >= 1500 ? Math.max(1, Math.min(availableParallelism(), 8)) : 0);
    const init: RenderInit = { workspaceDir: ws.dir, roots, temp: output.temp, previous: output.previous, fingerprint, globals };
    pool = parallel > 0 ? workerPool(init, parallel) : inProcessPool(init);
    search = wantSearch ? new SearchPool(output.temp, Math.min(2, Math.max(1, availableParallelism()))) : null;
    const writer = new SiteWriter(output.temp);
    mkdirSync(join(output.temp, 'data'), { recursive: true });

    // --- Threads: read, render or link, stream data rows in order ------------------------------------------------
    const files: ManifestFile[] = [];
    const states: (ThreadRecord & { id: string })[] = new Array(total);
    // The open data is written on a worker of its own for big sites (hundreds of megabytes to copy and hash).
    // Two writers, the JSON on one and the CSV files on the other: about the same number of bytes each.
    // Below 20,000 threads (under 150 MB of open data) starting two workers costs more than it saves.
    const jsonWriter = new DataWriter({ worker: total >= 20_000 });
    const csvWriter = new DataWriter({ worker: total >= 20_000 });
    dataWriters = [jsonWriter, csvWriter];
    const dataFile = (writer: DataWriter, path: string) => writer.file(path, join(output.temp, path), output.previous ? join(output.previous, path) : null);
    const json = dataFile(jsonWriter, 'data/threads.json');
    const tcsv = dataFile(csvWriter, 'data/threads.csv');
    const mcsv = dataFile(csvWriter, 'data/messages.csv');
    // Each thread's list item, rendered once, kept on disk for the list pages of this build and the next one. The list
    // pages read it as soon as the threads are done, so it is written here, in order, and not hashed (it is not published).
    // After a previous build the new list items are appended to its file (unchanged ones stay where they are),
    // until half the file is items no longer used: then it is written afresh.
    const appendCards = previous !== null && existsSync(paths.cards)
      && statSync(paths.cards).size <= 2 * (previous.cardBytes ?? 0) + (64 << 10);
    const cardsPath = appendCards ? paths.cards : pendingCards(paths);
    const cardsWriter = new DataWriter({ worker: false });
    const cards = cardsWriter.file('cards', cardsPath, previous ? paths.cards : null, { hash: false, append: appendCards });
    cardsWritten = true;
    json.write('{"threads":[\n');
    tcsv.write(THREADS_CSV_HEADER);
    mcsv.write(MESSAGES_CSV_HEADER);
    let rendered = 0;
    let reused = 0;
    let written = 0;
    const results = new Map<number, ThreadResult | null>();
    let nextChunk = 0;
    const chunks: Plan[][] = [];
    for (let i = 0; i < plans.length; i += CHUNK) chunks.push(plans.slice(i, i + CHUNK));

    // Results arrive in any order; rows are written in site order, one drain at a time.
    let draining: Promise<void> = Promise.resolve();
    const scheduleDrain = (): Promise<void> => (draining = draining.then(drain));
    const drain = async () => {
      while (results.has(nextChunk)) {
        const result = results.get(nextChunk)!;
        results.delete(nextChunk);
        const byId = new Map((result?.threads ?? []).map((t) => [t.id, t]));
        for (const p of chunks[nextChunk]!) {
          const idx = written;
          const out: ThreadOutput | undefined = byId.get(p.id);
          const sep = idx === 0 ? '' : ',\n';
          if (out) {
            if (sep) json.write(sep);
            states[idx] = {
              id: p.id, pageHash: out.pageHash, summaryHash: out.summaryHash, kind: out.kind, topics: out.topics,
              card: cards.write(out.card), json: json.write(out.json), threadsCsv: tcsv.write(out.threadsCsv), messagesCsv: mcsv.write(out.messagesCsv),
            };
            if (out.rendered) {
              rendered++;
              files.push(out.file);
            } else {
              reused++;
              files.push(oldFiles.get(out.file.path)!);
            }
            if (out.search && search) await search.add(String(p.shard), out.search);
            if (search && p.search && endsShard(idx, total)) search.write(String(p.shard));
          } else if (!p.read && p.cached) {
            const c = p.cached;
            states[idx] = {
              id: p.id, pageHash: c.pageHash, summaryHash: c.summaryHash, kind: c.kind, topics: c.topics,
              card: appendCards ? c.card : cards.copy(c.card), json: json.copy(c.json, sep), threadsCsv: tcsv.copy(c.threadsCsv), messagesCsv: mcsv.copy(c.messagesCsv),
            };
            files.push(oldFiles.get(p.url)!);
            reused++;
          } else {
            throw new CandorError('WORKSPACE_CHANGED', `Thread ${p.id} was unpublished while the site was being built. Build again.`);
          }
          written++;
        }
        nextChunk++;
        progress({ phase: 'threads', done: written, total });
        for (const w of dataWriters) await w.caughtUp();
      }
    };

    // Chunks are handed to the workers a few at a time ahead of the drain, so results never pile up in memory
    // (at 100k threads, or when the search index is slower than rendering).
    const jobs: Promise<unknown>[] = [];
    const window = Math.max(4, pool.size * 4);
    let submitted = 0;
    let failed: unknown = null;
    let finished: () => void = () => {};
    const allDone = new Promise<void>((resolve) => (finished = resolve));
    const submit = (seq: number) => {
      const chunk = chunks[seq]!;
      const reads = chunk.filter((p) => p.read);
      if (reads.length === 0) {
        results.set(seq, null);
        return;
      }
      jobs.push(pool!.run<ThreadResult>({
        type: 'threads', seq, items: reads.map((p) => ({ id: p.id, rowid: p.rowid, prevPageHash: p.cached?.pageHash ?? null, search: p.search })),
      }).then(async (r) => {
        if (r.missing.length) throw new CandorError('WORKSPACE_CHANGED', `Thread ${r.missing[0]} was unpublished while the site was being built. Build again.`);
        results.set(seq, r);
        await step();
      }).catch((err: unknown) => {
        failed ??= err;
        finished();
      }));
    };
    /** Drain what is ready, hand out more chunks; return when the next chunk waits on a worker. */
    const step = async () => {
      for (;;) {
        await scheduleDrain();
        const before = submitted;
        while (submitted < chunks.length && submitted - nextChunk < window) submit(submitted++);
        if (nextChunk === chunks.length) {
          finished();
          return;
        }
        if (submitted === before && !results.has(nextChunk)) return;
      }
    };
    await step().catch((err: unknown) => {
      failed ??= err;
      finished();
    });
    await allDone;
    if (failed) throw failed;
    await Promise.all(jobs);
    if (written !== total) throw new CandorError('INTERNAL', `Only ${written} of ${total} threads were written.`);
    json.write(total ? '\n]}\n' : ']}\n');
    // The data files finish on their worker while the pages are made; they are waited for before the manifest.
    const dataFiles = Promise.all([jsonWriter.close([json]), csvWriter.close([tcsv, mcsv])]).then(([a, b]) => [...a, ...b]);
    dataFiles.catch(() => undefined);
    await cardsWriter.close([cards]);
    // Workers read the workspace on their own connections: if it changed meanwhile, the site would mix two states.
    if (dataVersion(ws.db).seq !== data.dataVersion) throw new CandorError('WORKSPACE_CHANGED', 'The workspace changed while the site was being built. Build again.');
    // The newest threads' summaries (feed, home page) are read again: cheaper than keeping 100,000 in memory.
    const newest = (() => {
      const reader = openThreadReader(ws.dir);
      try {
        const byId = new Map(reader.read(keys.slice(0, FEED_SIZE).map((k) => k.rowid)).map((t) => [t.id, summarize(t)]));
        return keys.slice(0, FEED_SIZE).map((k) => byId.get(k.id)!);
      } finally {
        reader.close();
      }
    })();
    lap('threads');

    // --- List pages: all conversations, by kind, by topic ----------------------------------------------------------
    const pageHashes: Record<string, string> = {};
    const listJobs: Promise<void>[] = [];
    let renderBatch: ListPage[] = [];
    let htmlPages = total;
    const flushBatch = () => {
      if (renderBatch.length === 0) return;
      const batch = renderBatch;
      renderBatch = [];
      listJobs.push(pool!.run<PagesResult>({ type: 'pages', seq: 0, cardsFile: cardsPath, pages: batch }).then((r) => {
        for (const f of r.files) files.push({ path: f.path, sha256: f.sha256, size: f.size });
        rendered += r.files.length;
      }));
    };
    const topics = new Map<string, { name: string; indexes: number[] }>();
    const byKind = new Map<string, number[]>();
    // A site has a few dozen topics and 100,000 threads: each name's key is worked out once.
    const keyOf = new Map<string, string>();
    states.forEach((s, i) => {
      let k = byKind.get(s.kind);
      if (!k) byKind.set(s.kind, (k = []));
      k.push(i);
      for (const name of s.topics) {
        let key = keyOf.get(name);
        if (key === undefined) keyOf.set(name, (key = topicKey(name)));
        let t = topics.get(key);
        if (!t) topics.set(key, (t = { name, indexes: [] }));
        else if (name < t.name) t.name = name;
        t.indexes.push(i);
      }
    });
    type ListSpec = { folder: string; section: string; title: string; heading: string; intro: string; indexes: number[]; feedTopic?: string };
    const lists: ListSpec[] = [{ folder: 'conversations/', section: 'conversations', title: 'All conversations', heading: 'All published conversations', intro: 'Every published conversation, newest first: complaints, praise, questions and suggestions, with the company\'s replies.', indexes: states.map((_, i) => i) }];
    for (const kind of KIND_ORDER) {
      lists.push({ folder: kindFolder(kind), section: 'conversations', title: kindListTitle(kind), heading: kindListTitle(kind), intro: `Published conversations of this kind, newest first.`, indexes: byKind.get(kind) ?? [] });
    }
    const topicList = [...topics.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [, t] of topicList) {
      lists.push({ folder: `topics/${slugify(t.name)}/`, section: 'topics', title: `Topic: ${t.name}`, heading: t.name, intro: 'Published conversations about this topic, newest first.', indexes: t.indexes });
    }
    const kindTabs = [{ label: 'All', path: 'conversations/index.html', count: total }, ...KIND_ORDER.map((k) => ({ label: kindListTitle(k), path: `${kindFolder(k)}index.html`, count: byKind.get(k)?.length ?? 0 }))];
    // What a list item contributes to its page's input hash: its summary's hash (the summary holds the thread's id
    // and address), so a page is rendered again when any of its items changed.
    const itemKeys = states.map((s) => s.summaryHash);
    const tabsKey = JSON.stringify(kindTabs);
    for (const list of lists) {
      const pages = Math.max(1, Math.ceil(list.indexes.length / PAGE_SIZE));
      for (let n = 1; n <= pages; n++) {
        const path = listPagePath(list.folder, n);
        const slice = list.indexes.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE);
        const hasTabs = list.section === 'conversations';
        // Everything the page shows besides its items follows from these and the tabs (the same for every list), so
        // a rebuild hashes them and builds the page's values only for the few pages it renders again.
        const key = JSON.stringify([list.title, list.heading, list.intro, list.section, list.folder, list.indexes.length, n]);
        let items = '';
        for (const i of slice) items += itemKeys[i]!;
        const hash = inputHash(fingerprint, 'list', `${key}\n${hasTabs ? tabsKey : ''}\n${items}`);
        pageHashes[path] = hash;
        htmlPages++;
        if (previous && previous.pages[path] === hash && oldFiles.has(path)) {
          files.push(oldFiles.get(path)!);
          continue;
        }
        const pagination = {
          current: n, total: pages,
          prev: n > 1 ? listPagePath(list.folder, n - 1) : null,
          next: n < pages ? listPagePath(list.folder, n + 1) : null,
          pages: pageWindow(n, pages).map((number) => ({ number, path: listPagePath(list.folder, number), current: number === n })),
        };
        const meta = { title: list.title, heading: list.heading, intro: list.intro, count: list.indexes.length, first: (n - 1) * PAGE_SIZE + 1, last: (n - 1) * PAGE_SIZE + slice.length, pagination, tabs: hasTabs ? kindTabs : [], folder: list.folder };
        const title = n > 1 ? `${list.title} (page ${n} of ${pages})` : list.title;
        renderBatch.push({ path, template: 'pages/list', hash, page: pageMeta(globals, path, list.section, title, list.intro), list: meta, cards: slice.map((i) => states[i]!.card) });
        if (renderBatch.length >= PAGES_BATCH) flushBatch();
      }
    }
    flushBatch();

    // --- The pages there is one of: home, topics index, moderation, claims, methodology, search, data, 404 ----------
    const engine = createEngine(roots);
    const latest = newest.slice(0, 8);
    const topicIndex = topicList.map(([, t]) => ({ name: t.name, url: `topics/${slugify(t.name)}/index.html`, count: t.indexes.length }));
    const evidenceFiles = new Map<string, string>();
    for (const c of data.claims) for (const e of c.evidence) if (e.file) evidenceFiles.set(e.file.sha256, evidencePath(e.file.sha256, e.file.name));
    const { stats, dataVersion: statsVersion } = await statsReady;
    // They were read apart, before the rest: from the same state, or the site would mix two.
    if (statsVersion !== data.dataVersion) throw new CandorError('WORKSPACE_CHANGED', 'The workspace changed while the site was being built. Build again.');
    const singles = singletonPages({ data: { ...data, stats }, globals, latest, topics: topicIndex, evidencePath: (sha) => evidenceFiles.get(sha) ?? null, search: wantSearch, shards, hasClaimsBundle: wantSearch && data.claims.length > 0 });
    for (const p of singles) {
      const hash = inputHash(fingerprint, p.template, p.scope);
      pageHashes[p.path] = hash;
      htmlPages++;
      if (previous && previous.pages[p.path] === hash && oldFiles.has(p.path)) {
        files.push(oldFiles.get(p.path)!);
        continue;
      }
      files.push(writer.write(p.path, engine.render(p.template, { site: globals, ...p.scope })));
      rendered++;
    }
    await Promise.all(listJobs);
    lap('pages');

    // --- Open data, feeds, assets, evidence, key -------------------------------------------------------------------
    progress({ phase: 'data', done: 0, total: 1 });
    const openClaims = data.claims.map((c: SiteClaim) => openClaim(c, (sha) => evidenceFiles.get(sha) ?? null));
    files.push(writer.write('data/claims.json', `{"claims":[${openClaims.map((c) => `\n${JSON.stringify(c)}`).join(',')}${openClaims.length ? '\n' : ''}]}\n`));
    files.push(writer.write('data/claims.csv', CLAIMS_CSV_HEADER + openClaims.map(claimCsvRow).join('')));
    files.push(writer.write('data/claim-evidence.csv', EVIDENCE_CSV_HEADER + openClaims.map(evidenceCsvRows).join('')));
    const schemaId = (name: string) => (baseUrl ? `${baseUrl}data/${name}` : name);
    files.push(writer.write('data/threads.schema.json', jsonSchemaOf(OpenThreadsFile, schemaId('threads.schema.json'))));
    files.push(writer.write('data/claims.schema.json', jsonSchemaOf(OpenClaimsFile, schemaId('claims.schema.json'))));
    const feedEntries = newest;
    const updated = data.lastUpdated ?? feedEntries[0]?.lastActivityAt ?? '1970-01-01T00:00:00.000Z';
    files.push(writer.write(PATHS.feed, atomFeed({ title: `${data.organisation}: published conversations`, baseUrl, updated, entries: feedEntries })));
    // Sorted as plain strings (the engine's own comparison, the same order as `<`): 110,000 entries.
    const lastmod = new Map<string, string | null>();
    for (const path of Object.keys(pageHashes)) if (path !== PATHS.notFound) lastmod.set(path, null);
    keys.forEach((k, i) => lastmod.set(plans[i]!.url, k.lastActivityAt));
    const sitemap: SitemapEntry[] = [...lastmod.keys()].sort().map((path) => ({ path, lastmod: lastmod.get(path) ?? null }));
    for (const f of sitemapFiles(baseUrl, sitemap)) files.push(writer.write(f.path, f.content));
    files.push(writer.write('robots.txt', robotsTxt(baseUrl)));
    for (const [rel, file] of themeFiles(roots)) if (rel.startsWith('assets/')) files.push(writer.write(rel, readFileSync(file)));
    for (const f of branding.files) files.push(writer.write(f.path, f.content));
    for (const [sha, path] of evidenceFiles) {
      const src = join(ws.dir, 'evidence', sha);
      if (existsSync(src) && statSync(src).isFile()) files.push(writer.copy(path, src, sha));
      else warnings.push(`Evidence file ${sha} is missing from the workspace; its claim lists it without a download.`);
    }
    if (signing) files.push(writer.write(SITE_PUBLIC_KEY, signing.publicKeyPem));
    lap('data');

    // --- Search: affected shards rebuilt, the others taken as they were --------------------------------------------
    const bundles: Record<string, string> = {};
    if (search) {
      progress({ phase: 'search', done: 0, total: shards });
      const byShard = new Map<number, string[]>();
      states.forEach((s, i) => {
        let m = byShard.get(plans[i]!.shard);
        if (!m) byShard.set(plans[i]!.shard, (m = []));
        m.push(`${s.id}:${s.pageHash}`);
      });
      for (const [shard, list] of byShard) bundles[String(shard)] = inputHash(fingerprint, 'search', list);
      if (data.claims.length) {
        bundles.claims = inputHash(fingerprint, 'search-claims', data.claims);
        if (previous?.bundles.claims !== bundles.claims || !oldFiles.has(`${bundleDir('claims')}pagefind-entry.json`)) {
          for (const c of data.claims) await search.add('claims', { url: `/${claimPath(c.id)}`, content: [c.title, c.statement, c.scopeDetail ?? '', ...c.evidence.map((e) => `${e.title} ${e.issuer ?? ''}`)].join('\n'), language: 'en', meta: { title: c.title, kind: 'Claim', status: c.status, date: c.publishedAt?.slice(0, 10) ?? '' } });
          search.write('claims');
        }
      }
      files.push(...await search.finish());
      // Bundles not rebuilt stay as they are in the previous site.
      for (const name of Object.keys(bundles)) {
        if (search.has(name)) continue;
        const prefix = bundleDir(name);
        for (const [path, info] of oldFiles) if (path.startsWith(prefix)) files.push(info);
      }
    }
    lap('search');

    // --- Manifest, signature, swap ----------------------------------------------------------------------------------
    progress({ phase: 'manifest', done: 0, total: 1 });
    // The statistics were read apart (see siteStats): the workspace must still be in the state the build read.
    if (dataVersion(ws.db).seq !== data.dataVersion) throw new CandorError('WORKSPACE_CHANGED', 'The workspace changed while the site was being built. Build again.');
    files.push(...await dataFiles);
    dataWriters = [];
    const keep = files;
    const moderation = stats.overall.moderation;
    const build: BuildInfo = {
      generator: GENERATOR, organisation: data.organisation, theme, baseUrl, dataVersion: data.dataVersion, lastUpdated: data.lastUpdated,
      threads: total, withheld: moderation.withheld, pending: moderation.pending, claims: data.claims.length, pages: htmlPages,
      search: wantSearch, signed: signing !== null, publicKeyFingerprint: signing?.fingerprint ?? null,
    };
    const manifestText = serializeManifest(build, keep);
    const manifestBytes = Buffer.from(manifestText, 'utf8');
    writer.write(MANIFEST_FILE, manifestBytes);
    let bytes = keep.reduce((s, f) => s + f.size, 0) + manifestBytes.length;
    if (signing) bytes += writer.write(SIGNATURE_FILE, `${signBytes(signing, manifestBytes)}\n`).size;
    await pool.close();
    pool = null;
    const cleanup = previous ? commitInPlace(output, keep, oldFiles) : commitOutput(output);
    lap('manifest');

    const state: Omit<CacheState, 'format' | 'threads'> = {
      fingerprint, dataVersion: data.dataVersion, manifestSha: createHash('sha256').update(manifestBytes).digest('hex'), shardCount: shards, bundles, members, pages: pageHashes,
      cardBytes: states.reduce((n, t) => n + t.card[1], 0),
    };
    try {
      saveBuild(paths, state, (function* () {
        for (const { id, ...record } of states) yield [id, record] as [string, ThreadRecord];
      })());
    } catch (err) {
      warnings.push(`The build cache could not be saved (${(err as Error).message}); the next build will render everything.`);
    }
    cardsWritten = false;
    timings.total = performance.now() - started;
    progress({ phase: 'done', done: 1, total: 1 });
    return {
      out: output.target, pages: htmlPages, threads: total, withheld: moderation.withheld, claims: data.claims.length, bytes, ms: Math.round(timings.total),
      files: keep.length + 1 + (signing ? 1 : 0), incremental: previous !== null, rendered, reused, signed: signing !== null, search: wantSearch, timings, warnings, cleanup,
    };
  } catch (err) {
    // Workers and the search service may still be writing into the temporary folder: stop them first.
    if (pool) await pool.close().catch(() => undefined);
    pool = null;
    if (search) await search.close().catch(() => undefined);
    search = null;
    for (const w of dataWriters) await w.abort().catch(() => undefined);
    dataWriters = [];
    abortOutput(output);
    if (cardsWritten) discardPending(paths);
    throw err;
  } finally {
    if (pool) await pool.close().catch(() => undefined);
    if (search) await search.close().catch(() => undefined);
    if (owned) ws.close();
  }
}
