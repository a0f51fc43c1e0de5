import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './db/open.ts';
import { openQueryOnly } from './db/query-only.ts';
import { CandorError, toErrorInfo } from './errors.ts';
import { createCore } from './index.ts';
import type { JobCall, JobReply, JobWorkerData } from './job-worker-link.ts';
import { registerWorkspaceDb } from './store/writer.ts';
import { crashHookFor } from './worker-link.ts';
import { DB_FILE, readWorkspaceMeta } from './workspace.ts';
import type { Workspace } from './workspace.ts';

// The core host's job worker: imports, site builds and claims lint run here, each on its own connection to the
// workspace, so the host's thread is never busy with them and answers the window's reads meanwhile (WAL: a reader
// is not held up by a writer on another connection). A job is the same contract call the host was asked, run by a
// core of its own; its progress and its answer go back to the host, and the host's cancel reaches it.

/** How much a job gives way to the host's thread (a nice value: 0 is as urgent as the host, 19 the least). */
const JOB_NICE = 5;

/**
 * On Linux a thread's priority is its own and the threads it starts inherit it: this worker, and the workers a job
 * starts (file reading, the render pool, the search index), give way to the host's thread when the processors are
 * busy, so a read is answered first and the job takes the rest. Elsewhere scheduling stays as it is.
 */
function yieldToHost(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, JOB_NICE);
  } catch {
    // No /proc/thread-self (not Linux), or the system refused: the job runs at the host's priority.
  }
}

if (!parentPort) throw new Error('job-worker.ts runs as a worker thread.');
yieldToHost();
const port = parentPort;
const { documentsDir } = workerData as JobWorkerData;
const running = new Map<number, AbortController>();

/**
 * The host's workspace, as a connection of this thread: the session bookkeeping (who has it open, whether the last
 * session crashed) stays with the host, which opened it and closes it.
 */
function jobWorkspace(dir: string, actor: string): Workspace {
  const meta = readWorkspaceMeta(dir);
  const db = openDatabase(join(dir, DB_FILE));
  registerWorkspaceDb(db, dir);
  let reader: DatabaseSync | null = null;
  let closed = false;
  return {
    dir, db, meta, actor, recoveredFromCrash: false, warnings: [],
    reader() {
      if (closed) throw new CandorError('NO_WORKSPACE', 'The workspace was closed.');
      if (!reader) {
        reader = openQueryOnly(join(dir, DB_FILE));
      }
      return reader;
    },
    close() {
      if (closed) return;
      closed = true;
      reader?.close();
      db.close();
    },
  };
}

async function run(call: Extract<JobCall, { kind: 'call' }>): Promise<void> {
  crashHookFor('job');
  const controller = new AbortController();
  running.set(call.id, controller);
  let reply: JobReply;
  try {
    const core = createCore({ workspace: jobWorkspace(call.dir, call.actor), ...(documentsDir ? { documentsDir: () => documentsDir } : {}) });
    core.onProgress((event) => port.postMessage({ kind: 'progress', id: call.id, event } satisfies JobReply));
    try {
      reply = { kind: 'result', id: call.id, result: await core.dispatch(call.channel, call.request, { signal: controller.signal }) };
    } finally {
      core.close();
    }
  } catch (err) {
    // Opening the workspace failed (it was deleted, or damaged): an answer like any other failure.
    reply = { kind: 'result', id: call.id, result: { ok: false, error: toErrorInfo(err) } };
  } finally {
    running.delete(call.id);
  }
  port.postMessage(reply);
}

port.on('message', (m: JobCall) => {
  if (m.kind === 'call') void run(m);
  else running.get(m.id)?.abort();
});
