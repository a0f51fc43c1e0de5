import { parentPort, workerData } from 'node:worker_threads';
import { CandorError } from '../errors.ts';
import { importerById } from './registry.ts';
import { openSourceFile } from './source-file.ts';
import { staffMatcher } from './staff.ts';
import type { ImportRecord } from './types.ts';
import type { FromWorker, ReadJob, ToWorker } from './parallel.ts';

// The reading half of an import, on its own thread: the file is read, parsed, validated and converted here while the
// main thread writes the previous records to the database. Records travel in batches; the main thread hands back a
// credit for each batch it has taken, so at most a few batches wait in memory.

const job = workerData as ReadJob;
const port = parentPort!;
let credits = job.inFlight;
let wake: (() => void) | null = null;
port.on('message', (m: ToWorker) => {
  if (m.type === 'credit') {
    credits++;
    wake?.();
    wake = null;
  }
});

async function send(message: FromWorker): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => { wake = resolve; });
  credits--;
  port.postMessage(message);
}

async function main(): Promise<void> {
  let bytes = 0;
  const file = openSourceFile(job.path, (n) => { bytes += n; });
  const companions = job.companions.map((p) => openSourceFile(p));
  const records: ImportRecord[] = [];
  for await (const rec of importerById(job.importer).read(file, { staff: staffMatcher(job.staff), mapping: job.mapping, companions })) {
    records.push(rec);
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
