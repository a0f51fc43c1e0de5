import { existsSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';

// Electron's utilityProcess, for tests where the runtime is not installed: the module runs for real, on a worker
// thread, with the `process.parentPort` Electron would give it (messages arrive as { data }). Sources (.ts) are
// used when the bundled .js beside main.ts does not exist, as when main.ts runs from the repository.

const BOOT = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
process.parentPort = {
  on: (name, listener) => parentPort.on(name, (data) => listener({ data })),
  postMessage: (message) => parentPort.postMessage(message),
};
process.argv.push(...workerData.args);
import(pathToFileURL(workerData.module).href);
`;

export type FakeUtility = EventEmitter & { postMessage: (m: unknown) => void; kill: () => boolean; worker: Worker; modulePath: string; args: string[] };

export function fakeFork(modulePath: string, args: string[]): FakeUtility {
  const module = existsSync(modulePath) ? modulePath : modulePath.replace(/\.js$/, '.ts');
  const worker = new Worker(BOOT, { eval: true, workerData: { module, args } });
  const child = Object.assign(new EventEmitter(), {
    postMessage: (m: unknown) => worker.postMessage(m),
    kill: () => {
      void worker.terminate();
      return true;
    },
    worker,
    modulePath,
    args,
  });
  worker.on('message', (m) => child.emit('message', m));
  worker.on('exit', (code) => child.emit('exit', code));
  worker.on('error', (err) => child.emit('error', err));
  return child;
}
