import { Piscina } from 'piscina';
import { CandorError } from '../../errors.ts';
import type { CandorErrorInfo } from '../../errors.ts';
import { workerEnv } from '../../compile-cache.ts';
import { workerFailure } from '../../worker-link.ts';
import { RenderContext } from './context.ts';
import type { RenderInit, Task, TaskResult } from './context.ts';

// Runs render tasks on worker threads, or in this thread for small sites (starting a worker costs more than
// rendering a few hundred pages). Either way the same RenderContext does the work.
//
// The workers are a Piscina pool (pinned in package.json): it rejects the task of a worker that crashes, exits or
// runs out of memory (tinypool 2.2 leaves such a task pending forever, which is how a build could hang), queues
// tasks, and moves transferable results. The first failure fails every later task: the build stops and cleans up.

export type Pool = {
  run: <R extends TaskResult>(task: Task) => Promise<R>;
  close: () => Promise<void>;
  size: number;
};

export type RenderReply = { ok: true; result: TaskResult } | { ok: false; seq: number; error: CandorErrorInfo };

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
  const pool = new Piscina<Task, RenderReply>({
    filename: new URL('./render-worker.ts', import.meta.url).href,
    workerData: init,
    minThreads: size,
    maxThreads: size,
    // Every worker keeps its workspace connection and compiled templates: never retired while the build runs.
    idleTimeout: Number.MAX_SAFE_INTEGER,
    concurrentTasksPerWorker: 1,
    env: workerEnv() as Record<string, string>,
    // A worker's garbage (rendered pages) is short-lived: a small heap makes V8 collect it early instead of growing.
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 32 },
  });
  let failed: CandorError | null = null;
  // Without a task in hand, a worker's crash is an 'error' event of the pool: kept, and every later task fails.
  pool.on('error', (err: Error) => {
    failed ??= workerFailure('rendering pages', err);
  });
  return {
    size,
    run: async <R extends TaskResult>(task: Task) => {
      if (failed) throw failed;
      let reply: RenderReply;
      try {
        reply = await pool.run(task);
      } catch (err) {
        failed ??= workerFailure('rendering pages', exitCode(err as Error));
        throw failed;
      }
      if (!reply.ok) throw new CandorError(reply.error.code, reply.error.message, reply.error.location);
      return reply.result as R;
    },
    close: async () => {
      // After a worker failed, Piscina's close can wait for ever on the task the dead worker held (with two dying at
      // once, seen with a crash in every worker): the workers are terminated instead.
      if (failed) await pool.destroy();
      else await pool.close({ force: true }).catch(() => pool.destroy());
    },
  };
}

/** Piscina says "worker exited with code: N" for a worker that exited: the exit code, to name it like the others. */
function exitCode(err: Error): Error | number {
  const m = /^worker exited with code: (-?\d+)$/.exec(err.message);
  return m ? Number(m[1]) : err;
}
