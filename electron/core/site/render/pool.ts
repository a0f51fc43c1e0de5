import { Worker } from 'node:worker_threads';
import { CandorError } from '../../errors.ts';
import type { CandorErrorInfo } from '../../errors.ts';
import { RenderContext } from './context.ts';
import type { RenderInit, Task, TaskResult } from './context.ts';
import { workerEnv } from '../../compile-cache.ts';

// Runs render tasks on worker threads, or in this thread for small sites (starting a worker costs more than
// rendering a few hundred pages). Either way the same RenderContext does the work.

export type Pool = {
  run: <R extends TaskResult>(task: Task) => Promise<R>;
  close: () => Promise<void>;
  size: number;
};

type Reply = { ok: true; result: TaskResult } | { ok: false; seq: number; error: CandorErrorInfo };

export function inProcessPool(init: RenderInit): Pool {
  const ctx = new RenderContext(init);
  return {
    size: 1,
    run: <R extends TaskResult>(task: Task) => {
      try {
        return Promise.resolve(ctx.run(task) as R);
      } catch (err) {
        return Promise.reject(err);
      }
    },
    close: async () => ctx.close(),
  };
}

export function workerPool(init: RenderInit, size: number): Pool {
  type Slot = { worker: Worker; busy: boolean };
  const queue: { task: Task; resolve: (r: TaskResult) => void; reject: (e: unknown) => void }[] = [];
  const pending = new Map<Worker, { resolve: (r: TaskResult) => void; reject: (e: unknown) => void }>();
  let failed: unknown = null;
  const slots: Slot[] = [];

  const pump = () => {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.busy = true;
      pending.set(slot.worker, job);
      slot.worker.postMessage(job.task);
    }
  };

  for (let i = 0; i < size; i++) {
    // A worker's garbage (rendered pages) is short-lived: a small heap makes V8 collect it early instead of growing.
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: init, env: workerEnv(), resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 32 } });
    const slot: Slot = { worker, busy: false };
    worker.on('message', (reply: Reply) => {
      const job = pending.get(worker);
      pending.delete(worker);
      slot.busy = false;
      if (!job) return;
      if (reply.ok) job.resolve(reply.result);
      else job.reject(new CandorError(reply.error.code, reply.error.message, reply.error.location));
      pump();
    });
    worker.on('error', (err) => {
      failed = err;
      const job = pending.get(worker);
      pending.delete(worker);
      job?.reject(err);
      for (const q of queue.splice(0)) q.reject(err);
    });
    slots.push(slot);
  }

  return {
    size,
    run: <R extends TaskResult>(task: Task) => new Promise<R>((resolve, reject) => {
      if (failed) {
        reject(failed);
        return;
      }
      queue.push({ task, resolve: resolve as (r: TaskResult) => void, reject });
      pump();
    }),
    close: async () => {
      await Promise.all(slots.map((s) => new Promise<void>((resolve) => {
        s.worker.once('exit', () => resolve());
        s.worker.postMessage({ type: 'close' });
        setTimeout(() => void s.worker.terminate(), 5000).unref();
      })));
    },
  };
}
