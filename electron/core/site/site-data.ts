import type { DatabaseSync } from 'node:sqlite';
import { DatabaseSync as Database } from 'node:sqlite';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PublishedThread } from '../curation/model.ts';
import { publishedThreads } from '../curation/published.ts';
import { refreshScans, scansCurrent } from '../curation/scan.ts';
import { CandorError } from '../errors.ts';
import { dataVersion } from '../store/data-version.ts';
import type { Stats } from '../curation/stats.ts';
import { readVersionedStats } from '../curation/workspace-stats.ts';
import type { VersionedStats } from '../curation/workspace-stats.ts';
import { DB_FILE, readWorkspaceMeta } from '../workspace.ts';
import { loadSiteClaims } from './site-claims.ts';
import type { SiteClaim } from './site-claims.ts';
import { workerEnv } from '../compile-cache.ts';

// Everything the site needs from a workspace, gathered in one place. Thread text reaches the site only through
// the published view (curation's redactions, pseudonyms, no internal notes, no private data); statistics and the
// moderation report come from curation's computation over all threads; claims from the claims register.

export type { PublishedThread, SiteClaim, Stats };

/** What the list pages, the feed and the sitemap need to order and group threads, without their text. */
export type ThreadKey = { rowid: number; id: string; openedAt: string; lastActivityAt: string };

export type SiteTexts = {
  /** Staff Markdown shown on the home page under the title. */
  intro: string | null;
  /** Staff Markdown: the moderation policy, shown on the moderation report. */
  policy: string | null;
  /** The organisation's own website, for JSON-LD and the footer. */
  url: string | null;
  /** Staff Markdown: how conversations are checked to come from real customers (the reviews policy page). */
  verification: string | null;
};

/** Read in one read transaction. The statistics are read apart (siteStats), while a rebuild's data files are copied. */
export type SiteData = {
  organisation: string;
  texts: SiteTexts;
  /** The audit log's last entry: every change to the workspace moves it on. */
  dataVersion: number;
  /** When the data last changed (the audit log's latest time): the site's "last updated", never the clock. */
  lastUpdated: string | null;
  published: ThreadKey[];
  claims: SiteClaim[];
};

const SITE_TEXT_KEYS = { intro: 'site.intro', policy: 'site.policy', url: 'site.url', verification: 'site.verification' } as const;

export function readSiteTexts(db: DatabaseSync): SiteTexts {
  const get = (key: string): string | null => {
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row && row.value.trim() ? row.value : null;
  };
  return { intro: get(SITE_TEXT_KEYS.intro), policy: get(SITE_TEXT_KEYS.policy), url: get(SITE_TEXT_KEYS.url), verification: get(SITE_TEXT_KEYS.verification) };
}

export function siteTextKey(name: keyof SiteTexts): string {
  return SITE_TEXT_KEYS[name];
}

export { dataVersion };

/** Published threads in the site's order (newest first): the ordering keys only, no text. */
export function publishedThreadKeys(db: DatabaseSync): ThreadKey[] {
  const statement = db.prepare("SELECT rowid, id, opened_at, last_activity_at FROM threads WHERE decision = 'publish' ORDER BY opened_at DESC, id");
  statement.setReturnArrays(true);
  return (statement.all() as unknown as [number, string, string, string][]).map((r) => ({ rowid: r[0], id: r[1], openedAt: r[2], lastActivityAt: r[3] }));
}

/**
 * Reads the workspace once, inside one read transaction, so every part of the site sees the same state. Curation's
 * scans are brought up to date first (the only write) and checked current in that state, so render workers read
 * published views read-only without checking them again (the build checks at the end that nothing changed since).
 */
export function loadSiteData(db: DatabaseSync, workspaceDir: string): SiteData {
  const meta = readWorkspaceMeta(workspaceDir);
  for (let attempt = 1; ; attempt++) {
    refreshScans(db);
    db.exec('BEGIN');
    // An import may land between the refresh and the read: then refresh again.
    if (scansCurrent(db)) break;
    db.exec('COMMIT');
    if (attempt === 5) throw new CandorError('WORKSPACE_CHANGED', 'The workspace keeps changing (an import is running?). Build again when it is done.');
  }
  try {
    const version = dataVersion(db);
    const data: SiteData = {
      organisation: meta.name,
      texts: readSiteTexts(db),
      dataVersion: version.seq,
      lastUpdated: version.at,
      published: publishedThreadKeys(db),
      claims: loadSiteClaims(db, (version.at ?? '1970-01-01').slice(0, 10)),
    };
    return data;
  } finally {
    db.exec('COMMIT');
  }
}

/**
 * A read-only connection for a build's render worker: it reads published threads (by rowid, from the build's thread
 * keys) and nothing else. The build has checked the scans (loadSiteData) and checks the data version at the end.
 */
export type ThreadReader = {
  read: (rowids: readonly number[]) => PublishedThread[];
  /** The same threads one at a time, read `batchSize` at a time (fewer alive at once than `read`). */
  stream: (rowids: readonly number[], batchSize: number) => Iterable<PublishedThread>;
  version: () => number;
  close: () => void;
};

export function openThreadReader(workspaceDir: string): ThreadReader {
  const db = new Database(join(workspaceDir, DB_FILE), { readOnly: true });
  db.exec('PRAGMA busy_timeout = 5000');
  return {
    read: (rowids) => [...publishedThreads({ db }, { rowids, scansChecked: true })],
    stream: (rowids, batchSize) => publishedThreads({ db }, { rowids, scansChecked: true, batchSize }),
    version: () => dataVersion(db).seq,
    close: () => db.close(),
  };
}

/** How many threads the workspace holds (published or not): what the statistics go over. */
export function threadCount(db: DatabaseSync): number {
  return (db.prepare('SELECT count(*) AS n FROM threads').get() as { n: number }).n;
}

/**
 * The statistics over every imported thread. For big workspaces they are computed on a worker of their own, on a
 * read-only connection, while the builder goes on (a second at 100,000 threads); for small ones, right here. The
 * builder compares the data version they were read at with its own.
 */
export function siteStats(db: DatabaseSync, workspaceDir: string, options: { worker: boolean }): Promise<VersionedStats> {
  if (!options.worker) return Promise.resolve(readVersionedStats(db));
  return new Promise<VersionedStats>((resolve, reject) => {
    const worker = new Worker(new URL('./stats-worker.ts', import.meta.url), { workerData: { workspaceDir }, env: workerEnv() });
    worker.once('message', (reply: ({ ok: true } & VersionedStats) | { ok: false; message: string }) => {
      if (reply.ok) resolve({ stats: reply.stats, dataVersion: reply.dataVersion });
      else reject(new Error(reply.message));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
