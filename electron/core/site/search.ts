import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { CandorError } from '../errors.ts';
import type { SearchRecord } from './render.ts';
import { SiteWriter } from './site-writer.ts';
import type { FileInfo } from './site-writer.ts';
import { wellFormed } from './trusted.ts';
import { workerEnv } from '../compile-cache.ts';

// Search with Pagefind's Node API, fed records (text we already have) rather than HTML to parse. Threads are split
// into shards of consecutive threads, oldest first, so a new thread lands in the newest shard and a changed one
// rebuilds only its own; the browser merges the shards. A shard is written as soon as its last record is in, while
// the rest of the site is still being rendered.

export const SEARCH_DIR = 'search';
export const SHARD_SIZE = 2000;
/** Pagefind's own UI bundles: the site has its own small search script. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;
const HIGH_WATER = 1000;
const LOW_WATER = 500;
/** Records a search worker may hold that its service has not taken yet. */
const QUEUE_LIMIT = 3000;

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

/**
 * Writes one bundle's files under `<temp>/search/<bundle>/` and returns them as the manifest lists them, sorted by
 * path. Pagefind's own UI bundles are left out; a path that would leave the bundle's folder is refused.
 */
export function writeBundle(temp: string, bundle: string, files: readonly { path: string; content: Uint8Array }[]): FileInfo[] {
  const writer = new SiteWriter(temp);
  const out: FileInfo[] = [];
  for (const f of files) {
    const rel = f.path.split(/[\\/]/);
    if (rel.some((p) => p === '' || p === '.' || p === '..')) throw new CandorError('SEARCH_FAILED', `The search index named a file outside its folder: ${f.path}`);
    if (rel.length === 1 && UNUSED.test(rel[0]!)) continue;
    out.push(writer.write(`${bundleDir(bundle)}${rel.join('/')}`, Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength)));
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export class SearchBuilder {
  private readonly temp: string;
  private readonly indexes = new Map<string, Promise<PagefindIndex>>();
  private readonly inflight = new Map<string, Set<Promise<unknown>>>();
  private readonly writes: Promise<FileInfo[]>[] = [];
  private failure: string | null = null;
  private outstanding = 0;
  private resume: (() => void) | null = null;
  records = 0;

  constructor(temp: string) {
    this.temp = temp;
  }

  private index(name: string): Promise<PagefindIndex> {
    let idx = this.indexes.get(name);
    if (!idx) {
      idx = pagefind.createIndex({ forceLanguage: 'en', writePlayground: false }).then((r) => {
        if (!r.index) throw new CandorError('SEARCH_FAILED', `The search index could not be started: ${r.errors.join('; ')}. Build with --no-search to skip search.`);
        return r.index;
      });
      this.indexes.set(name, idx);
      this.inflight.set(name, new Set());
    }
    return idx;
  }

  /** Queues a record; back-pressure keeps a few thousand in flight. */
  async add(bundle: string, raw: SearchRecord): Promise<void> {
    const record: SearchRecord = { ...raw, content: wellFormed(raw.content), meta: Object.fromEntries(Object.entries(raw.meta).map(([k, v]) => [k, wellFormed(v)])) };
    const pending = this.index(bundle).then((idx) => idx.addCustomRecord(record)).then((r) => {
      if (r.errors.length) this.failure ??= r.errors.join('; ');
    });
    this.records++;
    this.outstanding++;
    const set = this.inflight.get(bundle)!;
    set.add(pending);
    void pending.finally(() => {
      set.delete(pending);
      this.outstanding--;
      if (this.resume && this.outstanding <= LOW_WATER) {
        this.resume();
        this.resume = null;
      }
    }).catch(() => undefined);
    // Back-pressure: one waiter, woken when the service has caught up (never a race over thousands of promises).
    if (this.outstanding >= HIGH_WATER) await new Promise<void>((resolve) => (this.resume = resolve));
  }

  has(bundle: string): boolean {
    return this.indexes.has(bundle);
  }

  /** Starts writing one bundle once its records are in; the site goes on being built meanwhile. */
  write(bundle: string): void {
    if (!this.indexes.has(bundle)) return;
    const job = (async () => {
      await Promise.all(this.inflight.get(bundle)!);
      if (this.failure) throw new CandorError('SEARCH_FAILED', `The search index rejected a record: ${this.failure}`);
      const index = await this.indexes.get(bundle)!;
      // The bytes come back to us and we write them: Pagefind's own writeFiles can answer while its last write is
      // still in flight (a torn pagefind.js was seen in about one build in six under load; Pagefind issue #1271).
      const r = await index.getFiles();
      if (r.errors.length) throw new CandorError('SEARCH_FAILED', `The search index could not be written: ${r.errors.join('; ')}`);
      const files = writeBundle(this.temp, bundle, r.files);
      await index.deleteIndex();
      return files;
    })();
    // Observed by finish(); this keeps a failure from being reported as unhandled before then.
    job.catch(() => undefined);
    this.writes.push(job);
  }

  /** Every bundle written, its files hashed. */
  async finish(): Promise<FileInfo[]> {
    const all = await Promise.all(this.writes);
    return all.flat();
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.inflight.values()].flatMap((x) => [...x]));
    await Promise.allSettled(this.writes);
    if (this.indexes.size > 0) await pagefind.close();
  }
}

type SearchReply = { type: 'ack'; processed: number } | { type: 'files'; files: FileInfo[] } | { type: 'error'; error: { code: string; message: string } };

/**
 * The search indexes of a build, spread over worker threads that each run their own Pagefind service: a shard always
 * goes to the same worker. Workers start only when a record arrives, so a rebuild that changes no shard starts none.
 */
export class SearchPool {
  private readonly temp: string;
  private readonly size: number;
  private readonly slots: { worker: Worker; sent: number; acked: number; wake: (() => void) | null; files: Promise<FileInfo[]> | null; resolveFiles: ((f: FileInfo[]) => void) | null }[] = [];
  private readonly bundles = new Set<string>();
  private failure: CandorError | null = null;
  private rejectFiles: ((e: unknown) => void)[] = [];

  constructor(temp: string, size: number) {
    this.temp = temp;
    this.size = Math.max(1, size);
  }

  private slot(bundle: string) {
    const n = /^\d+$/.test(bundle) ? Number(bundle) % this.size : 0;
    while (this.slots.length <= n) this.start();
    return this.slots[n]!;
  }

  private start(): void {
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { workerData: { temp: this.temp }, env: workerEnv() });
    const slot = { worker, sent: 0, acked: 0, wake: null as (() => void) | null, files: null as Promise<FileInfo[]> | null, resolveFiles: null as ((f: FileInfo[]) => void) | null };
    worker.on('message', (m: SearchReply) => {
      if (m.type === 'ack') {
        slot.acked = m.processed;
        if (slot.wake && slot.sent - slot.acked <= LOW_WATER) {
          slot.wake();
          slot.wake = null;
        }
      } else if (m.type === 'files') slot.resolveFiles?.(m.files);
      else this.fail(new CandorError(m.error.code, m.error.message));
    });
    worker.on('error', (err) => this.fail(new CandorError('SEARCH_FAILED', `The search index failed: ${err.message}`)));
    this.slots.push(slot);
  }

  private fail(err: CandorError): void {
    this.failure ??= err;
    for (const s of this.slots) {
      s.wake?.();
      s.wake = null;
    }
    for (const r of this.rejectFiles) r(err);
  }

  async add(bundle: string, record: SearchRecord): Promise<void> {
    if (this.failure) throw this.failure;
    const slot = this.slot(bundle);
    this.bundles.add(bundle);
    slot.sent++;
    slot.worker.postMessage({ type: 'add', bundle, record });
    // Pagefind indexes more slowly than pages render: a bounded queue per service keeps memory flat.
    if (slot.sent - slot.acked >= QUEUE_LIMIT) await new Promise<void>((resolve) => (slot.wake = resolve));
    if (this.failure) throw this.failure;
  }

  has(bundle: string): boolean {
    return this.bundles.has(bundle);
  }

  /** The bundle has all its records: the worker writes it while the build goes on. */
  write(bundle: string): void {
    if (this.bundles.has(bundle)) this.slot(bundle).worker.postMessage({ type: 'write', bundle });
  }

  async finish(): Promise<FileInfo[]> {
    if (this.failure) throw this.failure;
    const all = await Promise.all(this.slots.map((s) => new Promise<FileInfo[]>((resolve, reject) => {
      s.resolveFiles = resolve;
      this.rejectFiles.push(reject);
      s.worker.postMessage({ type: 'finish' });
    })));
    return all.flat().sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => new Promise<void>((resolve) => {
      s.worker.once('exit', () => resolve());
      s.worker.postMessage({ type: 'close' });
      setTimeout(() => void s.worker.terminate(), 10_000).unref();
    })));
    this.slots.length = 0;
  }
}
