import { parentPort, workerData } from 'node:worker_threads';
import { runCoreHost } from './host.ts';
import type { FromHost, HostOptions } from './host.ts';

// The core host on a worker thread (npm run web, tests): the same host the desktop app runs in a utility process.
if (!parentPort) throw new Error('host-worker.ts runs as a worker thread.');
const port = parentPort;
runCoreHost({
  postMessage: (m: FromHost) => port.postMessage(m),
  onMessage: (listener) => port.on('message', listener),
}, workerData as HostOptions);
