import { CandorError } from '../../errors.ts';
import { startWorker } from '../../worker-link.ts';
import type { WorkerLink } from '../../worker-link.ts';
import type { SearchRecord } from '../render/context.ts';
import type { FileInfo } from '../site-writer.ts';
import type { SearchMessage } from './search-worker.ts';

/** Records a search worker may hold that its service has not taken yet; a build waits until it is down to LOW_WATER. */
const QUEUE_LIMIT = 3000;
const LOW_WATER = 500;

export type SearchReply = { type: 'ack'; processed: number } | { type: 'files'; files: FileInfo[] } | { type: 'error'; error: { code: string; message: string } };

/**
 * The search indexes of a build, spread over worker threads that each run their own Pagefind service: a shard always
 * goes to the same worker. Workers start only when a record arrives, so a rebuild that changes no shard starts none.
 */
export class SearchPool {
  private readonly temp: string;
  private readonly size: number;
  private readonly slots: { worker: WorkerLink<SearchMessage>; sent: number; acked: number; wake: (() => void) | null; files: Promise<FileInfo[]> | null; resolveFiles: ((f: FileInfo[]) => void) | null }[] = [];
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
    const slot = { worker: null as unknown as WorkerLink<SearchMessage>, sent: 0, acked: 0, wake: null as (() => void) | null, files: null as Promise<FileInfo[]> | null, resolveFiles: null as ((f: FileInfo[]) => void) | null };
    slot.worker = startWorker<SearchMessage, SearchReply>(new URL('./search-worker.ts', import.meta.url), {
      name: 'the search index',
      workerData: { temp: this.temp },
      onMessage: (m) => {
        if (m.type === 'ack') {
          slot.acked = m.processed;
          if (slot.wake && slot.sent - slot.acked <= LOW_WATER) {
            slot.wake();
            slot.wake = null;
          }
        } else if (m.type === 'files') slot.resolveFiles?.(m.files);
        else this.fail(new CandorError(m.error.code, m.error.message));
      },
      onFailure: (err) => this.fail(new CandorError('SEARCH_FAILED', `The search index failed: ${err.message}`)),
    });
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
    slot.worker.post({ type: 'add', bundle, record });
    // Pagefind indexes more slowly than pages render: a bounded queue per service keeps memory flat.
    if (slot.sent - slot.acked >= QUEUE_LIMIT) await new Promise<void>((resolve) => (slot.wake = resolve));
    if (this.failure) throw this.failure;
  }

  has(bundle: string): boolean {
    return this.bundles.has(bundle);
  }

  /** The bundle has all its records: the worker writes it while the build goes on. */
  write(bundle: string): void {
    if (this.bundles.has(bundle)) this.slot(bundle).worker.post({ type: 'write', bundle });
  }

  async finish(): Promise<FileInfo[]> {
    if (this.failure) throw this.failure;
    const all = await Promise.all(this.slots.map((s) => new Promise<FileInfo[]>((resolve, reject) => {
      s.resolveFiles = resolve;
      this.rejectFiles.push(reject);
      // A worker that failed before this point already rejected nothing: it is this promise that must fail.
      const failure = s.worker.failure() ?? this.failure;
      if (failure) reject(failure);
      else s.worker.post({ type: 'finish' });
    })));
    return all.flat().sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map(async (s) => {
      if (s.worker.failure()) return;
      s.worker.expectExit();
      s.worker.post({ type: 'close' });
      const timer = setTimeout(() => void s.worker.end(), 10_000);
      await s.worker.exited;
      clearTimeout(timer);
    }));
    this.slots.length = 0;
  }
}
