import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { CandorError } from '../errors.ts';
import { sha256File } from './manifest.ts';
import type { FileInfo, SearchRecord } from './render.ts';
import { wellFormed } from './trusted.ts';

// Search with Pagefind's Node API, fed records (text we already have) rather than HTML to parse. Threads are
// split into shards by a hash of their id, a power of two of them sized by the site; the browser merges them.
// A one-thread change rebuilds one shard; the others are reused from the previous site as they are.

export const SEARCH_DIR = 'search';
export const SHARD_TARGET = 2000;
/** Pagefind writes one fragment file per record unless told to bundle them; hosts limit file counts. */
const MAX_FRAGMENTS = 200;
/** Pagefind's own UI bundles: the site has its own small search script. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;

export function shardCount(threads: number): number {
  let n = 1;
  while (n * SHARD_TARGET < threads) n *= 2;
  return n;
}

export function shardOf(id: string, count: number): number {
  if (count <= 1) return 0;
  const h = createHash('sha256').update(id).digest();
  return h.readUInt32BE(0) % count;
}

export function bundleDir(name: string): string {
  return `${SEARCH_DIR}/${name}/`;
}

function listFiles(dir: string, base: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, base, out);
    else out.push(relative(base, full).split(sep).join('/'));
  }
  return out;
}

export class SearchBuilder {
  private readonly temp: string;
  private readonly indexes = new Map<string, Promise<PagefindIndex>>();
  private readonly inflight = new Set<Promise<unknown>>();
  private failure: string | null = null;
  records = 0;

  constructor(temp: string) {
    this.temp = temp;
  }

  private index(name: string): Promise<PagefindIndex> {
    let idx = this.indexes.get(name);
    if (!idx) {
      idx = pagefind.createIndex({ forceLanguage: 'en', maxFragments: MAX_FRAGMENTS, writePlayground: false }).then((r) => {
        if (!r.index) throw new CandorError('SEARCH_FAILED', `The search index could not be started: ${r.errors.join('; ')}. Build with --no-search to skip search.`);
        return r.index;
      });
      this.indexes.set(name, idx);
    }
    return idx;
  }

  /** Queues a record; back-pressure keeps at most a few thousand in flight. */
  async add(bundle: string, raw: SearchRecord): Promise<void> {
    const record: SearchRecord = { ...raw, content: wellFormed(raw.content), meta: Object.fromEntries(Object.entries(raw.meta).map(([k, v]) => [k, wellFormed(v)])) };
    const p = this.index(bundle).then((idx) => idx.addCustomRecord(record)).then((r) => {
      if (r.errors.length) this.failure ??= r.errors.join('; ');
    });
    this.records++;
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p)).catch(() => undefined);
    if (this.inflight.size >= 2000) await Promise.race(this.inflight);
  }

  has(bundle: string): boolean {
    return this.indexes.has(bundle);
  }

  /** Writes every bundle that received records; returns the files, hashed. */
  async write(): Promise<FileInfo[]> {
    await Promise.all(this.inflight);
    if (this.failure) throw new CandorError('SEARCH_FAILED', `The search index rejected a record: ${this.failure}`);
    const files: FileInfo[] = [];
    for (const [name, idx] of this.indexes) {
      const dir = join(this.temp, SEARCH_DIR, name);
      const index = await idx;
      const r = await index.writeFiles({ outputPath: dir });
      if (r.errors.length) throw new CandorError('SEARCH_FAILED', `The search index could not be written: ${r.errors.join('; ')}`);
      for (const entry of readdirSync(dir)) if (UNUSED.test(entry)) rmSync(join(dir, entry));
      for (const rel of listFiles(dir, this.temp).sort()) files.push({ path: rel, ...sha256File(join(this.temp, rel)) });
      await index.deleteIndex();
    }
    return files;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.inflight);
    if (this.indexes.size > 0) await pagefind.close();
  }
}
