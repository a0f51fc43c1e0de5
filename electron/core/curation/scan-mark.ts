import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { pidAlive } from '../store/writer.ts';

// Who is checking the workspace for personal data right now, and how far it got. The check after an import runs on
// the core host's job thread (or in the CLI's own process) while the host's thread answers the window; a filtered
// search asked meanwhile must not run the same check again on the thread that answers (at 100k conversations that
// held every read for seconds). So the checker leaves this file beside the database while it runs, and a search that
// finds it answers from what is stored, counting the conversations not yet checked as having unreviewed personal data.
//
// How far it got makes that cheap: the check goes through its conversations in rowid order, so every conversation it
// has still to check has a rowid of at least `next`, or (changed after the check listed its work) an updated_at of
// at least `since`. A search then looks up scans for those only, not for all 100,000.
//
// A file, like the write lock, because the checker may be another process (the CLI importing while the app is open).
// A checker whose process is gone is ignored; one whose thread died in a live process (the host's job thread) is
// removed by the host when it learns of the death (job-worker-link.ts), as the write lock is.

const MARK_FILE = '.candor-scanning';
/** How far before the check listed its work `since` starts: a change begun just before it, committed just after. */
const SINCE_MARGIN_MS = 10_000;
const WRITE_EVERY_MS = 200;

/**
 * next/since/left (conversations of its list still to check), tail (every thread from this rowid on is on its list:
 * the conversations an import added): absent until the check has listed its work (a search then narrows by the last whole refresh). */
export type Mark = { pid: number; thread: number; startedAt: string; next?: number; since?: string; left?: number; tail?: number };

export type ScanMark = {
  /** The check has listed its work: the first rowid it will check, how many it will, and where its tail starts. */
  listed: (next: number, left: number, tail: number) => void;
  /** Every conversation of its list below this rowid is checked (written at most every 200 ms: a stale value only widens). */
  advance: (next: number, left: number) => void;
  end: () => void;
};

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

/** Written beside and renamed: a reader never sees half a mark. */
function write(root: string, mark: Mark): void {
  const file = join(root, MARK_FILE);
  writeFileSync(`${file}.${process.pid}-${threadId}`, JSON.stringify(mark));
  renameSync(`${file}.${process.pid}-${threadId}`, file);
}

/** The check running now (another thread or process, or this thread between its batches), or null. */
export function scanningNow(root: string): Mark | null {
  const m = read(root);
  return m !== null && pidAlive(m.pid) ? m : null;
}

/**
 * Says "checking" until end() is called. A later import's check takes the mark over (it lists every conversation
 * not yet checked, the earlier check's included): the earlier one then stops writing it and leaves it in place.
 */
export function markScanning(root: string): ScanMark {
  const mark: Mark = { pid: process.pid, thread: threadId, startedAt: `${new Date().toISOString()}#${Math.random().toString(36).slice(2, 8)}` };
  write(root, mark);
  const mine = () => {
    const now = read(root);
    return now !== null && now.pid === mark.pid && now.thread === mark.thread && now.startedAt === mark.startedAt;
  };
  let ended = false;
  let lastWrite = 0;
  return {
    listed(next, left, tail) {
      if (ended || !mine()) return;
      mark.next = next;
      mark.left = left;
      mark.tail = tail;
      mark.since = new Date(Date.now() - SINCE_MARGIN_MS).toISOString();
      write(root, mark);
      lastWrite = Date.now();
    },
    advance(next, left) {
      if (ended || mark.since === undefined || Date.now() - lastWrite < WRITE_EVERY_MS || !mine()) return;
      mark.next = next;
      mark.left = left;
      write(root, mark);
      lastWrite = Date.now();
    },
    end() {
      if (ended) return;
      ended = true;
      if (mine()) rmSync(join(root, MARK_FILE), { force: true });
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
