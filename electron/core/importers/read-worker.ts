import { parentPort, workerData } from 'node:worker_threads';
import { CandorError } from '../errors.ts';
import { importerById } from './registry.ts';
import { openSourceFile } from './source-file.ts';
import { staffMatcher } from './staff.ts';
import { serializeRecord } from './staging.ts';
import type { SerializedRecord } from './staging.ts';
import type { FromWorker, ReadJob } from './parallel.ts';

// The reading half of an import, on its own thread: the file is read, parsed, validated and converted here while the
// main thread writes the previous records to the database. Records travel in small batches. Back-pressure goes
// through a shared counter: the main thread counts the batches it has taken; the worker waits while too many are
// still on their way, so memory holds a few batches whatever the size of the file.

const job = workerData as ReadJob;
const port = parentPort!;
const taken = new Int32Array(job.taken);
let sent = 0;

type WaitAsync = (typed: Int32Array, index: number, value: number) => { async: boolean; value: Promise<string> | string };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

async function send(message: FromWorker): Promise<void> {
  let seen = Atomics.load(taken, 0);
  if (sent - seen >= job.inFlight) {
    // A pending Atomics.waitAsync does not keep a thread's event loop alive; this timer does, while it waits.
    const alive = setInterval(() => {}, 60_000);
    try {
      while (sent - seen >= job.inFlight) {
        await waitAsync(taken, 0, seen).value;
        seen = Atomics.load(taken, 0);
      }
    } finally {
      clearInterval(alive);
    }
  }
  sent++;
  port.postMessage(message);
}

async function main(): Promise<void> {
  let bytes = 0;
  const file = { ...openSourceFile(job.path, (n) => { bytes += n; }), encoding: job.encoding };
  const companions = job.companions.map((p) => openSourceFile(p));
  const records: SerializedRecord[] = [];
  for await (const rec of importerById(job.importer).read(file, { staff: staffMatcher(job.staff), mapping: job.mapping, companions })) {
    records.push(serializeRecord(rec));
    if (records.length >= job.batch) {
      await send({ type: 'batch', records: records.splice(0), bytes });
      bytes = 0;
    }
  }
  await send({ type: 'batch', records: records.splice(0), bytes });
  port.postMessage({ type: 'done' } satisfies FromWorker);
}

main().catch((err: unknown) => {
  const error = err instanceof CandorError
    ? { code: err.code, message: err.message, ...(err.location ? { location: err.location } : {}) }
    : { message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  port.postMessage({ type: 'error', error } satisfies FromWorker);
});
