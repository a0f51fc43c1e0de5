import { AsyncLocalStorage } from 'node:async_hooks';
import { CandorError } from './errors.ts';

// Long jobs can be cancelled. A job stops where it reports progress: the core checks, on each progress event, whether
// the call it belongs to was cancelled, and throws CANCELLED there, so the job unwinds the way any failure does (an
// import rolls back, a build leaves the previous site). Which call an event belongs to is carried by async context,
// so handlers need no extra parameter.

/** The channels that start a long job, and the job name their progress events carry. */
const JOB_OF_CHANNEL: Readonly<Record<string, string>> = {
  'imports.run': 'import',
  'site.build': 'site.build',
  'site.preview': 'site.build',
  'claims.import': 'claims.import',
  'claims.lint': 'claims.lint',
};

/** The job's name in what a person is told ("The claims import was cancelled"). */
const JOB_WORDS: Readonly<Record<string, string>> = { 'claims.import': 'claims import', 'claims.lint': 'check of the claims' };

/** Whether a channel starts a long job (the core host runs those on its job worker, off the thread that answers). */
export function isLongJob(channel: string): boolean {
  return JOB_OF_CHANNEL[channel] !== undefined;
}

export type Jobs = {
  /**
   * Runs one call; a long job is registered (and cancellable) until it settles. `signal` cancels it from outside;
   * `fn` is given the call's own signal, aborted by either way of cancelling (a job run elsewhere passes it on).
   */
  run: <T>(channel: string, fn: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal) => Promise<T>;
  /** Cancels the running jobs (all, or those named `job`); returns how many were asked to stop. */
  cancel: (job?: string) => number;
  /** Throws CANCELLED when the call this runs in was cancelled. */
  check: () => void;
  running: () => string[];
};

/** The signal of a call nobody can cancel. */
const NEVER = new AbortController().signal;

export function jobRegistry(): Jobs {
  const running = new Map<AbortController, string>();
  const current = new AsyncLocalStorage<{ signal: AbortSignal; job: string }>();
  return {
    async run(channel, fn, signal) {
      const job = JOB_OF_CHANNEL[channel];
      if (!job && !signal) return fn(NEVER);
      const controller = new AbortController();
      const abort = () => controller.abort();
      signal?.addEventListener('abort', abort, { once: true });
      if (signal?.aborted) controller.abort();
      // Only long jobs are named for app.cancel; any call can still be cancelled through its own signal.
      if (job) running.set(controller, job);
      try {
        return await current.run({ signal: controller.signal, job: job ?? channel }, () => fn(controller.signal));
      } finally {
        running.delete(controller);
        signal?.removeEventListener('abort', abort);
      }
    },
    cancel(job) {
      let n = 0;
      for (const [controller, name] of running) {
        if ((job === undefined || name === job) && !controller.signal.aborted) {
          controller.abort();
          n += 1;
        }
      }
      return n;
    },
    check() {
      const call = current.getStore();
      if (call?.signal.aborted) throw new CandorError('CANCELLED', `The ${JOB_WORDS[call.job] ?? call.job} was cancelled. Nothing it was doing was kept.`);
    },
    running: () => [...running.values()],
  };
}
