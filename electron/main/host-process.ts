// The entry of Candor's core process: an Electron utility process started by the main process (core-host.ts). It
// runs the core host (electron/core/host.ts) on the port Electron gives a utility process to its parent. Nothing
// from Electron is imported: the same host runs on a worker thread for `npm run web` and the tests.
import { runCoreHost } from '../core/host.ts';
import type { FromHost, HostOptions } from '../core/host.ts';

type ParentPort = { on: (event: 'message', listener: (e: { data: unknown }) => void) => void; postMessage: (message: unknown) => void };

const parent = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parent) throw new Error('host-process runs as an Electron utility process.');
let options: HostOptions = {};
try {
  options = JSON.parse(process.argv.at(-1) ?? '{}') as HostOptions;
} catch {
  // No options: the defaults (memory secrets, the home folder for typed paths).
}
runCoreHost({
  postMessage: (m: FromHost) => parent.postMessage(m),
  onMessage: (listener) => parent.on('message', (e) => listener(e.data)),
}, options);
