import { createHash } from 'node:crypto';

// Threads are split into shards of consecutive threads, oldest first, so a new thread lands in the newest shard and a
// changed one rebuilds only its own; the browser merges the shards. Each shard is a Pagefind bundle of its own.

export const SEARCH_DIR = 'search';
export const SHARD_SIZE = 2000;

export function shardCount(threads: number): number {
  return Math.ceil(threads / SHARD_SIZE);
}

/** The shard of the thread at `index` in the site's order (newest first): counted from the oldest. */
export function shardOfIndex(index: number, total: number): number {
  return Math.floor((total - 1 - index) / SHARD_SIZE);
}

/** True for the oldest thread of its shard: the last one a build in site order reaches. */
export function endsShard(index: number, total: number): boolean {
  return (total - 1 - index) % SHARD_SIZE === 0;
}

export function membershipHash(ids: readonly string[]): string {
  const h = createHash('sha256');
  for (const id of ids) h.update(id).update('\u0000');
  return h.digest('hex');
}

export function bundleDir(name: string): string {
  return `${SEARCH_DIR}/${name}/`;
}
