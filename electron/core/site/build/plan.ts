import type { BuildState } from '../build-state.ts';
import type { Stamps } from '../file-stamps.ts';
import { threadFinder } from '../saved-threads.ts';
import type { ManifestFile } from '../manifest.ts';
import { threadUrl } from '../pages.ts';
import { bundleDir, membershipHash, shardCount, shardOfIndex } from '../search/shards.ts';
import type { ThreadKey } from '../site-data.ts';

// What a build must do, worked out before anything is read or rendered, from three things only: what the previous
// build of the folder left (its saved state and its files), what changed in the workspace since, and what this build
// is asked for. Pure: no disk, no database, no clock (test/site/plan.test.ts).

/**
 * The previous build of the output folder, when it can be trusted: its saved state, and the files its manifest lists
 * that were checked and still have the size and SHA-256 it gives (only those may be reused). `order` is every file
 * the manifest lists (in its order, by path), `stamps` their stamps as checked (file-stamps.ts), `unlisted` the files
 * present that it does not list, `repaired` the files that no longer match it and those added to the site since.
 */
export type PreviousBuild = {
  state: BuildState; files: ReadonlyMap<string, ManifestFile>; order: readonly ManifestFile[]; stamps: Stamps; unlisted: readonly string[]; repaired: readonly string[];
  /** The files the manifest lists that are not in `files` (not intact): a few, where `files` has 119,000 at 100k threads. */
  bad: ReadonlySet<string>;
};

/** The open data files a rebuild copies unchanged threads' rows from: all three must be intact to copy any. */
export const ROW_FILES = ['data/threads.json', 'data/threads.csv', 'data/messages.csv'];

/** The published threads in the site's order (newest first), and the threads changed since the previous build. */
export type Changes = { published: readonly ThreadKey[]; changed: ReadonlySet<string> | 'all' };

export type PlanSettings = {
  search: boolean;
  /** Render workers asked for (0: this thread); undefined lets the plan choose. */
  workers?: number;
  /** The machine's cores. */
  cores: number;
};

/**
 * One published thread: `read` when its page, rows or search record must be made again from the workspace; `saved`:
 * where the previous build's state has it (an index into its threads), -1 when it has not. Its record is made when
 * a phase asks for it (threadAt): held by the plan, 100,000 records were 16 MB kept to the build's end for nothing.
 */
export type ThreadPlan = { id: string; rowid: number; url: string; read: boolean; search: boolean; saved: number; shard: number };

export type BuildPlan = {
  threads: ThreadPlan[];
  /** The threads in chunks of at most CHUNK, smaller towards the end (chunkSizes), the unit of work handed to a render worker. */
  chunks: ThreadPlan[][];
  /** Search shards (0 without search). */
  shards: number;
  /** Shard -> hash of its members' ids (which threads it holds). */
  members: Record<string, string>;
  /** Render workers to start; 0 renders in the builder's thread. */
  workers: number;
};

export const CHUNK = 250;
const LAST_CHUNK = 25;

/**
 * Chunk lengths for `total` threads: CHUNK until the last eighth's worth, then an eighth of what is left. The build
 * waits for its last chunk, and with equal chunks one worker rendered the last one while the others had nothing left.
 */
export function chunkSizes(total: number): number[] {
  const sizes: number[] = [];
  for (let left = total; left > 0;) {
    const size = Math.min(left, CHUNK, Math.max(LAST_CHUNK, Math.ceil(left / 8)));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}
/** Starting a worker costs a few hundred milliseconds: worth it only when there is a lot to read and render. */
export const WORKERS_FROM = 1500;
const MAX_WORKERS = 8;

export function planBuild(previous: PreviousBuild | null, changes: Changes, settings: PlanSettings): BuildPlan {
  const { published, changed } = changes;
  const total = published.length;
  const shards = settings.search ? shardCount(total) : 0;
  const rowsIntact = previous !== null && ROW_FILES.every((f) => previous.files.has(f));
  const saved = previous?.state.threads;
  const find = saved ? threadFinder(saved) : null;
  const threads: ThreadPlan[] = published.map((k, i) => {
    const at = find ? find(k.id) : -1;
    const url = threadUrl(k.id);
    // The build that saved a thread wrote its page into the manifest the state is saved for (load.ts checks its hash):
    // the page is intact unless the check found it bad.
    const reusable = at >= 0 && changed !== 'all' && !changed.has(k.id) && rowsIntact && !previous!.bad.has(url);
    return { id: k.id, rowid: k.rowid, url, read: !reusable, search: false, saved: at, shard: shards ? shardOfIndex(i, total) : -1 };
  });
  const members = shards ? planShards(threads, previous) : {};
  const reads = threads.reduce((n, p) => n + (p.read ? 1 : 0), 0);
  const workers = settings.workers ?? (reads >= WORKERS_FROM ? Math.max(1, Math.min(settings.cores, MAX_WORKERS)) : 0);
  const chunks: ThreadPlan[][] = [];
  let at = 0;
  for (const size of chunkSizes(threads.length)) chunks.push(threads.slice(at, (at += size)));
  return { threads, chunks, shards, members, workers };
}

/**
 * A shard is rebuilt when its members changed (a thread added, removed or moved), one of them changed, or its bundle
 * is missing; a bundle is rebuilt whole, so every thread of an affected shard is read again for its record.
 */
function planShards(threads: ThreadPlan[], previous: PreviousBuild | null): Record<string, string> {
  const ids = new Map<number, string[]>();
  for (const p of threads) {
    let list = ids.get(p.shard);
    if (!list) ids.set(p.shard, (list = []));
    list.push(p.id);
  }
  const members: Record<string, string> = {};
  for (const [shard, list] of ids) members[String(shard)] = membershipHash(list);
  const affected = new Set<number>();
  for (const p of threads) {
    const name = String(p.shard);
    if (p.read || !previous || previous.state.members[name] !== members[name] || !previous.files.has(`${bundleDir(name)}pagefind-entry.json`)) affected.add(p.shard);
  }
  for (const p of threads) {
    if (affected.has(p.shard)) {
      p.search = true;
      p.read = true;
    }
  }
  return members;
}
