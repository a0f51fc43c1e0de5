import { parentPort } from 'node:worker_threads';
import { crashHookFor } from '../../worker-link.ts';
import { applyOps, FileAssembler } from './row-files.ts';
import type { WriterMessage, WriterReply } from './row-files.ts';

// The row files' writer (see row-files.ts): copies, writes and hashes while the builder goes on. After a failure
// it only reports it: the builder then abandons the build, and the previous site is left as it was.

const assemblers = new Map<number, FileAssembler>();
let failed = false;
const reply = (r: WriterReply) => parentPort!.postMessage(r);

parentPort!.on('message', (msg: WriterMessage) => {
  if (failed) return;
  try {
    if (msg.type === 'open') for (const spec of msg.files) assemblers.set(spec.id, new FileAssembler(spec));
    else if (msg.type === 'ops') {
      crashHookFor('open-data');
      applyOps(assemblers, msg.ops);
      reply({ type: 'ack', bytes: msg.bytes });
    } else {
      const files = [...assemblers.entries()].map(([id, a]) => ({ id, ...a.close() }));
      reply({ type: 'done', seq: msg.seq, files });
    }
  } catch (err) {
    failed = true;
    reply({ type: 'error', message: (err as Error).message });
  }
});
