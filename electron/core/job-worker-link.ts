import type { ProgressEvent, Result } from '../shared/contract.ts';
import type { JobRunner } from './index.ts';
import { releaseScanMarkOfThread } from './curation/scan-mark.ts';
import { releaseLockOfThread } from './store/writer.ts';
import { startWorker } from './worker-link.ts';
import type { WorkerLink } from './worker-link.ts';

// The core host's side of its job worker (job-worker.ts). The host's thread answers the window; an import, a build
// or a lint of many claims would hold it for seconds to minutes (its reading, its final commit, its page plan), so
// the host hands each one to this worker and goes on answering. One worker serves every session of the host and
// runs their jobs side by side (the workspace's write lock still lets one import or build per workspace run); it is
// started with the first job and kept, so later jobs do not wait for it to load the core.

export type JobWorkerData = { documentsDir?: string };

export type JobCall =
  | { kind: 'call'; id: number; dir: string; actor: string; channel: string; request: unknown }
  | { kind: 'cancel'; id: number };

export type JobReply =
  | { kind: 'progress'; id: number; event: ProgressEvent }
  | { kind: 'result'; id: number; result: Result<unknown> };

export type JobWorker = {
  /** Runs one long call on the worker: its progress goes to `emit`, `signal` cancels it. */
  run: JobRunner;
  /** Ends the worker; jobs still running there are answered with an error. */
  end: () => Promise<void>;
};

type Waiting = { emit: (event: ProgressEvent) => void; resolve: (result: Result<unknown>) => void; dir: string };

export function jobWorker(data: JobWorkerData = {}): JobWorker {
  let link: WorkerLink<JobCall> | null = null;
  let next = 1;
  const waiting = new Map<number, Waiting>();

  // The jobs a worker ran stopped with it and rolled back (SQLite undoes a transaction its connection never ended);
  // a workspace lock one of them held names a thread that is gone, so it is freed here.
  const abandon = (worker: WorkerLink<JobCall>, code: string, message: string) => {
    for (const dir of new Set([...waiting.values()].map((w) => w.dir))) {
      releaseLockOfThread(dir, worker.threadId);
      // Its personal-data check stopped too: searches check again for themselves (today's behaviour without a job).
      releaseScanMarkOfThread(dir, worker.threadId);
    }
    for (const [id, w] of waiting) {
      waiting.delete(id);
      w.resolve({ ok: false, error: { code, message } });
    }
  };

  const start = (): WorkerLink<JobCall> => {
    const started: WorkerLink<JobCall> = startWorker<JobCall, JobReply>(new URL('./job-worker.ts', import.meta.url), {
      name: 'imports and site builds',
      workerData: data,
      onMessage(reply) {
        const w = waiting.get(reply.id);
        if (!w) return;
        if (reply.kind === 'progress') w.emit(reply.event);
        else {
          waiting.delete(reply.id);
          w.resolve(reply.result);
        }
      },
      onFailure(err) {
        // The next job starts a new worker.
        if (link === started) link = null;
        abandon(started, err.code, `${err.message} Nothing the job was doing was kept; try again.`);
      },
    });
    return started;
  };

  return {
    async run({ channel, request, workspace, signal, emit }) {
      const worker = (link ??= start());
      const id = next++;
      const answer = new Promise<Result<unknown>>((resolve) => waiting.set(id, { emit, resolve, dir: workspace.dir }));
      worker.post({ kind: 'call', id, dir: workspace.dir, actor: workspace.actor, channel, request });
      const cancel = () => worker.post({ kind: 'cancel', id });
      if (signal.aborted) cancel();
      else signal.addEventListener('abort', cancel, { once: true });
      try {
        return await answer;
      } finally {
        signal.removeEventListener('abort', cancel);
      }
    },
    async end() {
      const ending = link;
      link = null;
      if (!ending) return;
      await ending.end();
      abandon(ending, 'CANCELLED', 'Candor closed before the job finished; nothing it was doing was kept.');
    },
  };
}
