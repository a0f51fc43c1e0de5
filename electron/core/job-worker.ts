import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './db/open.ts';
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

if (!parentPort) throw new Error('job-worker.ts runs as a worker thread.');
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
        reader = new DatabaseSync(join(dir, DB_FILE), { readOnly: true });
        reader.exec('PRAGMA busy_timeout = 5000');
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
