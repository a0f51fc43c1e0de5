import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { pidAlive } from '../store/writer.ts';

// Who is checking the workspace for personal data right now. The check after an import runs on the core host's job
// thread (or in the CLI's own process) while the host's thread answers the window; a filtered search asked meanwhile
// must not run the same check again on the thread that answers (at 100k conversations that held every read for
// seconds). So the checker leaves this file beside the database while it runs, and a search that finds it answers
// from what is stored, counting the conversations not yet checked as having unreviewed personal data.
//
// A file, like the write lock, because the checker may be another process (the CLI importing while the app is
// open). A checker whose process is gone is ignored; one whose thread died in a live process (the host's job
// thread) is removed by the host when it learns of the death (job-worker-link.ts), as the write lock is.

const MARK_FILE = '.candor-scanning';

type Mark = { pid: number; thread: number; startedAt: string };

export type ScanMark = { end: () => void };

function read(root: string): Mark | null {
  let raw: string;
  try {
    raw = readFileSync(join(root, MARK_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const m = JSON.parse(raw) as Mark;
    return typeof m.pid === 'number' && typeof m.thread === 'number' ? m : null;
  } catch {
    return null;
  }
}

/** Whether someone (another thread or process, or this thread between its batches) is checking now. */
export function scanRunning(root: string): boolean {
  const m = read(root);
  return m !== null && pidAlive(m.pid);
}

/**
 * Says "checking" until end() is called. Another live checker's mark is left alone (and this one writes none): a
 * search then still answers without checking, and whichever check ends last leaves the scans current.
 */
export function markScanning(root: string): ScanMark {
  const file = join(root, MARK_FILE);
  const mark: Mark = { pid: process.pid, thread: threadId, startedAt: new Date().toISOString() };
  let mine = true;
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, JSON.stringify(mark));
    closeSync(fd);
  } catch (err) {
    const other = (err as NodeJS.ErrnoException).code === 'EEXIST' ? read(root) : null;
    if (other && pidAlive(other.pid) && !(other.pid === process.pid && other.thread === threadId)) mine = false;
    // Left by a process that is gone, or unreadable: taken over.
    else writeFileSync(file, JSON.stringify(mark));
  }
  let ended = false;
  return {
    end() {
      if (ended || !mine) return;
      ended = true;
      const now = read(root);
      if (now && now.pid === mark.pid && now.thread === mark.thread && now.startedAt === mark.startedAt) rmSync(file, { force: true });
    },
  };
}

/** Removes the mark a worker thread of this process left when it died. Returns whether there was one. */
export function releaseScanMarkOfThread(root: string, thread: number): boolean {
  const m = read(root);
  if (!m || m.pid !== process.pid || m.thread !== thread) return false;
  rmSync(join(root, MARK_FILE), { force: true });
  return true;
}
