import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { CandorError } from '../../errors.ts';
import type { SearchRecord } from '../render/context.ts';
import { SiteWriter } from '../site-writer.ts';
import type { FileInfo } from '../site-writer.ts';
import { wellFormed } from '../trusted.ts';
import { bundleDir } from './shards.ts';

// Search with Pagefind's Node API, fed records (text we already have) rather than HTML to parse. A bundle is written
// as soon as its last record is in, while the rest of the site is still being rendered. This runs in a search
// worker (worker.ts), one Pagefind service per worker.

/** Pagefind's own UI bundles: the site has its own small search script. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;
const HIGH_WATER = 1000;
const LOW_WATER = 500;

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

  /**
   * A bundle holds one index per language its records are in (each record says its own; Pagefind splits them), so
   * each conversation is stemmed in the language it is written in. The search page searches all of them.
   */
  private index(name: string): Promise<PagefindIndex> {
    let idx = this.indexes.get(name);
    if (!idx) {
      idx = pagefind.createIndex({ writePlayground: false }).then((r) => {
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
