import type { DatabaseSync } from 'node:sqlite';
import { refreshScans, scansCurrent } from '../curation/scan.ts';
import { CandorError } from '../errors.ts';
import { dataVersion } from '../store/data-version.ts';
import { readVersionedStats } from '../curation/workspace-stats.ts';
import type { VersionedStats } from '../curation/workspace-stats.ts';
import { readWorkspaceMeta } from '../workspace.ts';
import { loadSiteClaims } from './site-claims.ts';
import type { SiteClaim } from './site-claims.ts';
import { startWorker } from '../worker-link.ts';
export { openThreadReader } from './thread-reader.ts';

// Everything the site needs from a workspace, gathered in one place. Thread text reaches the site only through
// the published view (curation's redactions, pseudonyms, no internal notes, no private data); statistics and the
// moderation report come from curation's computation over all threads; claims from the claims register.

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
  /** Every imported thread, published or not. */
  imported: number;
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
      imported: threadCount(db),
      claims: loadSiteClaims(db, (version.at ?? '1970-01-01').slice(0, 10)),
    };
    return data;
  } finally {
    db.exec('COMMIT');
  }
}

/**
 * Where a query over every published thread's row reads from: when they are most of the workspace, the table in its
 * own order. SQLite's planner (without statistics) takes the index on the decision and looks each row up: three to
 * four times as long at 100,000 threads. The rows come in another order: callers key them.
 */
export type PublishedRows = 'threads' | 'threads NOT INDEXED';

export function publishedRows(data: Pick<SiteData, 'published' | 'imported'>): PublishedRows {
  return data.published.length * 3 >= data.imported ? 'threads NOT INDEXED' : 'threads';
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
type StatsReply = ({ ok: true } & VersionedStats) | { ok: false; message: string };

export function siteStats(db: DatabaseSync, workspaceDir: string, options: { worker: boolean }): Promise<VersionedStats> {
  if (!options.worker) return Promise.resolve(readVersionedStats(db));
  return new Promise<VersionedStats>((resolve, reject) => {
    const worker = startWorker<never, StatsReply>(new URL('./stats-worker.ts', import.meta.url), {
      name: 'the statistics',
      workerData: { workspaceDir },
      onMessage: (reply) => {
        if (reply.ok) resolve({ stats: reply.stats, dataVersion: reply.dataVersion });
        else reject(new Error(reply.message));
        void worker.end();
      },
      onFailure: reject,
    });
  });
}
