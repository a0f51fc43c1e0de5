import { parentPort, workerData } from 'node:worker_threads';
import { toErrorInfo } from '../../errors.ts';
import { crashHookFor } from '../../worker-link.ts';
import type { SearchRecord } from '../render/context.ts';
import { SearchBuilder } from './bundle.ts';

// A search worker: its own Pagefind service (a process of its own, as the Node API starts one per module
// instance), fed records for the shards given to it. Pagefind's service handles one request at a time, so two of
// them index in parallel while the render workers go on rendering.

export type SearchMessage =
  | { type: 'add'; bundle: string; record: SearchRecord }
  | { type: 'write'; bundle: string }
  | { type: 'finish' }
  | { type: 'close' };

const builder = new SearchBuilder((workerData as { temp: string }).temp);
const port = parentPort!;
let processed = 0;
let failed = false;

const fail = (err: unknown) => {
  if (failed) return;
  failed = true;
  port.postMessage({ type: 'error', error: toErrorInfo(err) });
};

// Messages are handled in order: each add waits for the service's back-pressure before the next one is read.
let chain: Promise<void> = Promise.resolve();
port.on('message', (m: SearchMessage) => {
  if (m.type === 'add') crashHookFor('search');
  chain = chain.then(async () => {
    if (failed && m.type !== 'close') return;
    try {
      if (m.type === 'add') {
        await builder.add(m.bundle, m.record);
        if (++processed % 250 === 0) port.postMessage({ type: 'ack', processed });
      } else if (m.type === 'write') builder.write(m.bundle);
      else if (m.type === 'finish') port.postMessage({ type: 'files', files: await builder.finish() });
      else {
        await builder.close();
        port.close();
      }
    } catch (err) {
      fail(err);
    }
  });
});
