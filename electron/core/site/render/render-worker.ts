import { workerData } from 'node:worker_threads';
import { toErrorInfo } from '../../errors.ts';
import { crashHookFor } from '../../worker-link.ts';
import { RenderContext } from './context.ts';
import type { RenderInit, Task, TaskResult } from './context.ts';
import type { RenderReply } from './pool.ts';

// A render worker (one thread of the Piscina pool in pool.ts): the builder's second and further cores. It opens the
// workspace read-only once and answers tasks one at a time; errors go back as values (with the thread or file they
// concern) so the builder can abort the build and leave the old site alone. A crash is the pool's to report.

const ctx = new RenderContext(workerData as RenderInit);

/** Piscina moves (rather than copies) what a value lists under this symbol, and hands over what it lists under the other. */
const TRANSFERABLE = Symbol.for('Piscina.transferable');
const VALUE = Symbol.for('Piscina.valueOf');

export default function render(task: Task): RenderReply | { [TRANSFERABLE]: ArrayBuffer[]; [VALUE]: RenderReply } {
  crashHookFor('render');
  let result: TaskResult;
  try {
    result = ctx.run(task);
  } catch (err) {
    return { ok: false, seq: task.seq, error: toErrorInfo(err) };
  }
  // A chunk's data rows are moved to the builder, not copied.
  const reply: RenderReply = { ok: true, result };
  return result.type === 'threads' ? { [TRANSFERABLE]: result.buffers, [VALUE]: reply } : reply;
}
