import { workerData } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { toErrorInfo } from '../../errors.ts';
import { crashHookFor } from '../../worker-link.ts';
import { RenderContext } from './context.ts';
import type { RenderInit, Task, TaskResult } from './context.ts';
import type { RenderReply } from './pool.ts';

// A render worker (one thread of the Piscina pool in pool.ts): the builder's second and further cores. It opens the
// workspace read-only once and answers tasks one at a time; errors go back as values (with the thread or file they
// concern) so the builder can abort the build and leave the old site alone. A crash is the pool's to report.

const ctx = new RenderContext(workerData as RenderInit);

export default function render(task: Task): unknown {
  crashHookFor('render');
  let result: TaskResult;
  try {
    result = ctx.run(task);
  } catch (err) {
    return { ok: false, seq: task.seq, error: toErrorInfo(err) };
  }
  // A chunk's data rows are moved to the builder, not copied.
  const reply: RenderReply = { ok: true, result };
  return result.type === 'threads' ? move(movable(result.buffers, reply)) : reply;
}

/** Piscina moves (rather than copies) the buffers listed under one symbol and hands over the value under the other. */
function movable(buffers: ArrayBuffer[], reply: RenderReply): Parameters<typeof move>[0] {
  return { get [transferableSymbol]() { return buffers; }, get [valueSymbol]() { return reply; } } as unknown as Parameters<typeof move>[0];
}
