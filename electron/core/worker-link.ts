import { Worker } from 'node:worker_threads';
import type { ResourceLimits, Transferable } from 'node:worker_threads';
import { workerEnv } from './compile-cache.ts';
import { CandorError } from './errors.ts';

// One typed way to talk to a worker thread that is not a render worker (those run in a Piscina pool): messages of
// a known type each way, and a worker that errors, runs out of memory or exits when it was not asked to is a failure
// from the moment it is created. The 'exit' event fires once and may fire before anyone waits for it, so it is
// listened for here, at creation, never later: a job waiting on a dead worker would otherwise wait forever and a
// build could end "successfully" with its temporary folder left behind.

export type WorkerLink<Request> = {
  post: (message: Request, transfer?: readonly Transferable[]) => void;
  /** Settles when the worker is gone: asked to end (`end`), or failed (the failure went to `onFailure` first). */
  exited: Promise<void>;
  /** Ends the worker now, whatever it is doing; an exit after this is not a failure. */
  end: () => Promise<void>;
  /** From now on the worker may exit on its own (it was told to finish and close). */
  expectExit: () => void;
  /** The failure, once there is one. */
  failure: () => CandorError | null;
  /** The worker's thread id (what a lock it takes is named with). */
  threadId: number;
};

export type WorkerOptions<Reply> = {
  /** What the worker does, in people's words ("the search index", "writing the open data"): named in errors. */
  name: string;
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
  onMessage: (reply: Reply) => void;
  onFailure: (err: CandorError) => void;
};

/** Why a worker stopped, for people: out of memory, a crash with its message, or an exit code. */
export function workerFailure(name: string, cause: Error | number): CandorError {
  if (typeof cause === 'number') return new CandorError('WORKER_FAILED', `The worker for ${name} stopped unexpectedly (exit code ${cause}).`);
  const oom = (cause as Error & { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(cause.message);
  if (oom) return new CandorError('WORKER_OUT_OF_MEMORY', `The worker for ${name} ran out of memory (${cause.message}).`);
  if (cause instanceof CandorError) return cause;
  return new CandorError('WORKER_FAILED', `The worker for ${name} failed: ${cause.message}`);
}

export function startWorker<Request, Reply>(url: URL, options: WorkerOptions<Reply>): WorkerLink<Request> {
  const worker = new Worker(url, { workerData: options.workerData, env: workerEnv(), resourceLimits: options.resourceLimits });
  let failure: CandorError | null = null;
  let ending = false;
  const fail = (err: CandorError) => {
    if (failure || ending) return;
    failure = err;
    options.onFailure(err);
  };
  worker.on('message', (reply: Reply) => {
    try {
      options.onMessage(reply);
    } catch (err) {
      fail(workerFailure(options.name, err as Error));
    }
  });
  worker.on('error', (err) => fail(workerFailure(options.name, err)));
  worker.on('messageerror', (err) => fail(workerFailure(options.name, err)));
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      fail(workerFailure(options.name, code));
      resolve();
    });
  });
  return {
    post: (message, transfer) => {
      if (!failure) worker.postMessage(message, transfer);
    },
    exited,
    end: async () => {
      ending = true;
      await worker.terminate();
      await exited;
    },
    expectExit: () => {
      ending = true;
    },
    failure: () => failure,
    threadId: worker.threadId,
  };
}

/**
 * A test's way to kill a worker for real (CANDOR_TEST_CRASH_WORKER=<kind>[:oom]): the named kind of worker exits
 * abruptly, or fills its heap until V8 stops it, on its first job. Unset in normal use; it never runs otherwise.
 */
export function crashHookFor(kind: string): void {
  const hook = process.env.CANDOR_TEST_CRASH_WORKER;
  if (!hook) return;
  const [name, how] = hook.split(':');
  if (name !== kind) return;
  if (how === 'oom') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array<number>(1 << 20).fill(hoard.length));
  }
  process.exit(70);
}
