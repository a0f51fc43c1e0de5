import { availableParallelism } from 'node:os';
import type { ErrorLocation } from '../errors.ts';
import { CandorError } from '../errors.ts';
import type { SourceFile } from './source-file.ts';
import type { Importer, ImporterContext, ImportRecord } from './types.ts';
import { startWorker } from '../worker-link.ts';
import type { SerializedRecord } from './staging.ts';

// Reading in parallel with writing. An import spends its time in two places: reading (JSON.parse, validation, HTML
// conversion, MIME parsing) and storing (SQLite). On a machine with two or more cores the reading runs on a worker
// thread (read-worker.ts) and the main thread only stores, so a large import takes about as long as its slower half
// instead of the sum. Small files are read on the main thread: starting a worker costs more than it saves.

export type ReadJob = {
  importer: string;
  path: string;
  /** The encoding chosen before reading (file-scan.ts), which the worker must not sniff again. */
  encoding: SourceFile['encoding'];
  staff: readonly string[];
  mapping: unknown;
  companions: readonly string[];
  /** Records per message to the main thread. */
  batch: number;
  /** Batches that may wait at once (back-pressure). */
  inFlight: number;
  /** Int32 counter of batches the main thread has taken (shared memory). */
  taken: SharedArrayBuffer;
};

export type FromWorker =
  | { type: 'batch'; records: SerializedRecord[]; bytes: number }
  | { type: 'done' }
  | { type: 'error'; error: { code?: string; message: string; location?: ErrorLocation } };

/** Files smaller than this are read on the main thread. */
const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;

/**
 * The worker's heap: reading streams, so its live data is small; a tight heap keeps the import's memory down. What
 * the worker's heap touched stays in the process after it ends (the import's commit then fills SQLite's cache on
 * top): a 16 MB young generation cost 15-20 MB of peak RSS. At 4 MB the records in flight (8 batches) outlived
 * scavenges and were promoted, and the worker's garbage collection cost the import ~10 % more CPU; 8 MB costs neither
 * (0.5-scale bench, docs/perf/import-2026-12-03.md).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 };

/**
 * The importer's records, read on a worker thread: the same records, in the same order, as `importer.read`, already
 * in the staging area's format (staging.ts: the worker does that work instead of copying objects over). A reader
 * that needs more memory than the worker has (a huge single JSON document, the header index of a huge mailbox)
 * carries on on the main thread, from the record where the worker stopped.
 */
async function* readInWorker(importer: Importer, file: SourceFile, ctx: ImporterContext, heapMb = WORKER_LIMITS.maxOldGenerationSizeMb): AsyncGenerator<ImportRecord | SerializedRecord> {
  const job: ReadJob = {
    importer: importer.id,
    path: file.path,
    encoding: file.encoding,
    staff: ctx.staff.entries,
    mapping: ctx.mapping,
    companions: ctx.companions.map((c) => c.path),
    // Small batches: a record then lives only briefly on the main thread and dies young, so the main heap stays
    // small (batches of 256 doubled the main thread's heap).
    batch: 16,
    inFlight: 8,
    taken: new SharedArrayBuffer(4),
  };
  const taken = new Int32Array(job.taken);
  const queue: FromWorker[] = [];
  let wake: (() => void) | null = null;
  let failure: CandorError | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  // Exiting without "done" or an error, whatever the code, is a failure: the records would be incomplete.
  const worker = startWorker<never, FromWorker>(new URL('./read-worker.ts', import.meta.url), {
    name: `reading ${file.path}`,
    workerData: job,
    resourceLimits: { ...WORKER_LIMITS, maxOldGenerationSizeMb: heapMb },
    onMessage: (m) => {
      queue.push(m);
      notify();
    },
    onFailure: (err) => {
      failure = err;
      notify();
    },
  });
  let yielded = 0;
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => { wake = resolve; });
      const m = queue.shift();
      if (!m) {
        if ((failure as CandorError | null)?.code === 'WORKER_OUT_OF_MEMORY') break;
        throw failure!;
      }
      if (m.type === 'done') return;
      if (m.type === 'error') {
        const e = m.error;
        throw e.code ? new CandorError(e.code, e.message, e.location) : new Error(e.message);
      }
      Atomics.add(taken, 0, 1);
      Atomics.notify(taken, 0);
      if (m.bytes) file.onBytes(m.bytes);
      for (const rec of m.records) {
        yielded++;
        yield rec;
      }
    }
  } finally {
    await worker.end();
  }
  // Only a worker that ran out of memory gets here. The records already taken are read again and passed over;
  // progress resumes where the worker stopped.
  let skip = yielded;
  for await (const rec of importer.read({ ...file, onBytes: (n) => { if (skip === 0) file.onBytes(n); } }, ctx)) {
    if (skip > 0) {
      skip--;
      continue;
    }
    yield rec;
  }
}

/** Reads on a worker when the file is large enough and the machine has a core to spare. */
export function readRecords(importer: Importer, file: SourceFile, ctx: ImporterContext, options: { parallel?: boolean; minBytes?: number; workerHeapMb?: number } = {}): AsyncIterable<ImportRecord | SerializedRecord> {
  const parallel = (options.parallel ?? true) && availableParallelism() > 1;
  if (parallel && file.size >= (options.minBytes ?? PARALLEL_MIN_BYTES)) return readInWorker(importer, file, ctx, options.workerHeapMb);
  return importer.read(file, ctx);
}
