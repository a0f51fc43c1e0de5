import { parentPort, workerData } from 'node:worker_threads';
import { toErrorInfo } from '../../errors.ts';
import { RenderContext } from './context.ts';
import type { RenderInit, Task } from './context.ts';

// A render worker: the builder's second (and further) cores. It opens the workspace read-only and answers tasks
// one at a time; errors go back as values so the builder can abort the build and leave the old site alone.

const ctx = new RenderContext(workerData as RenderInit);
parentPort!.on('message', (task: Task | { type: 'close' }) => {
  if (task.type === 'close') {
    ctx.close();
    parentPort!.close();
    return;
  }
  try {
    const result = ctx.run(task);
    // A chunk's data rows are moved to the builder, not copied.
    parentPort!.postMessage({ ok: true, result }, result.type === 'threads' ? result.buffers : []);
  } catch (err) {
    parentPort!.postMessage({ ok: false, seq: task.seq, error: toErrorInfo(err) });
  }
});
