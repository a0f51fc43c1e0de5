import { linkSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { threadId } from 'node:worker_threads';
import { CandorError } from '../errors.ts';

// One writer per workspace. Ordinary changes (a decision, a tag) are short synchronous transactions, serialized by
// SQLite's write lock. Imports and builds are long, so they take the workspace's own lock first: a lock file that
// says who holds it and how far it got, so a conflicting request (from this process or another one) is answered at
// once with "busy: importing (42%)" instead of waiting on SQLite and failing with "database is locked".
//
// While an import reads its files, curators' changes go on (the import only writes to its staging area). During the
// import's short final commit the lock's phase is "commit": a change arriving then is refused with a message rather
// than left to wait on SQLite's lock. The lock names the thread too: in the app, imports and builds run on a job
// worker thread of the process whose main thread answers the window, and that thread's changes are refused the same
// way (waiting on SQLite's lock would stop it answering).

export const WRITE_LOCK_FILE = '.candor-write.lock';

export type ExclusiveKind = 'import' | 'claims' | 'build';
type LockPhase = 'reading' | 'commit' | 'scanning';
/** thread: the holder's worker thread (0: the main thread); absent in locks written before threads were named. */
type LockState = { pid: number; thread?: number; kind: ExclusiveKind; phase: LockPhase; percent: number; startedAt: string };

export type ExclusiveLock = {
  /** Updates what a conflicting request is told ("busy: importing (42%)"). Cheap to call often. */
  progress: (percent: number, phase?: LockPhase) => void;
  release: () => void;
};

const roots = new WeakMap<DatabaseSync, string>();

/** Which workspace a connection writes to, so a busy database can be explained (set when a workspace opens). */
export function registerWorkspaceDb(db: DatabaseSync, root: string): void {
  roots.set(db, root);
}

/** The workspace folder a connection belongs to (undefined for a connection no workspace registered). */
export function workspaceRootOf(db: DatabaseSync): string | undefined {
  return roots.get(db);
}

/** Whether a process still runs (EPERM: it does, as another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** An unreadable lock younger than this may be a lock written by an older Candor this instant; older, a crash's. */
const UNREADABLE_GRACE_MS = 5_000;

/** The lock's holder, or null when there is none or its process is gone (a crash leaves the file behind). */
function readLock(root: string): LockState | null {
  const file = join(root, WRITE_LOCK_FILE);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const state = JSON.parse(raw) as LockState;
    return typeof state.pid === 'number' && pidAlive(state.pid) ? state : null;
  } catch {
    // The lock is always written whole (beside it, then linked or renamed into place), so half a lock is one an older
    // Candor was writing in place, this instant or when it was killed. Only a fresh one counts as held: a stale one
    // would otherwise say "busy" for ever.
    let age: number;
    try {
      age = Date.now() - statSync(file).mtimeMs;
    } catch {
      return null;
    }
    return age < UNREADABLE_GRACE_MS ? { pid: 0, kind: 'import', phase: 'reading', percent: 0, startedAt: '' } : null;
  }
}

/** This thread's scratch copy of the lock: written whole, then put in place in one step. */
function scratchOf(file: string): string {
  return `${file}.${process.pid}-${threadId}`;
}

/** Removes scratch copies left by processes killed between writing and placing them. */
function removeDeadScratch(root: string): void {
  const prefix = `${WRITE_LOCK_FILE}.`;
  for (const name of readdirSync(root)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !pidAlive(pid)) rmSync(join(root, name), { force: true });
  }
}

const WORDS: Record<ExclusiveKind, string> = { import: 'importing', claims: 'importing claims', build: 'building the site' };
/** Who was refused, by the kind of job they asked for. */
const REFUSED: Record<ExclusiveKind, string> = { import: 'The import', claims: 'The claims import', build: 'The build' };

/** "busy: importing (42%)": the error a request gets while another import or build holds the workspace. */
function busyError(state: LockState | null, what: string): CandorError {
  const doing = state ? `${WORDS[state.kind]} (${Math.floor(state.percent)}%)` : 'another Candor process is writing to this workspace';
  const other = state?.kind === 'build' ? 'a site build is running' : 'another import is running';
  const message = state
    ? `busy: ${doing}. ${what} was not done because ${other}${state.pid === process.pid || state.pid === 0 ? '' : ` (process ${state.pid})`}; try again when it has finished.`
    : `busy: ${doing}. ${what} was not done; try again in a moment.`;
  return new CandorError('BUSY', message);
}

/**
 * Takes the workspace's exclusive lock for an import or a build, or throws BUSY naming who holds it. A lock left by
 * a process that no longer runs is taken over.
 */
export function acquireExclusive(root: string, kind: ExclusiveKind): ExclusiveLock {
  const file = join(root, WRITE_LOCK_FILE);
  const state: LockState = { pid: process.pid, thread: threadId, kind, phase: 'reading', percent: 0, startedAt: new Date().toISOString() };
  const scratch = scratchOf(file);
  removeDeadScratch(root);
  for (let attempt = 0; ; attempt++) {
    writeFileSync(scratch, JSON.stringify(state));
    try {
      // A link fails if the lock exists, and never shows a reader half a lock (a kill mid-write leaves only scratch).
      linkSync(scratch, file);
      rmSync(scratch, { force: true });
      break;
    } catch (err) {
      rmSync(scratch, { force: true });
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(root);
      if (holder || attempt > 0) throw busyError(holder, REFUSED[kind]);
      rmSync(file, { force: true });
    }
  }
  let released = false;
  let lastWrite = 0;
  return {
    progress(percent, phase) {
      if (released) return;
      const changedPhase = phase !== undefined && phase !== state.phase;
      state.percent = Math.max(0, Math.min(100, percent));
      if (phase) state.phase = phase;
      const now = Date.now();
      // Rewritten (beside it, then renamed into place) at most every 200 ms (or on a phase change), so progress costs nothing measurable.
      if (!changedPhase && now - lastWrite < 200) return;
      lastWrite = now;
      writeFileSync(scratch, JSON.stringify(state));
      renameSync(scratch, file);
    },
    release() {
      if (released) return;
      released = true;
      const holder = readLock(root);
      if (holder && heldHere(holder)) rmSync(file, { force: true });
    },
  };
}

/** Refuses a change while an import of this workspace is making itself visible (its short final commit). */
export function checkWritable(db: DatabaseSync): void {
  const root = roots.get(db);
  if (!root) return;
  const holder = readLock(root);
  if (holder && holder.phase === 'commit' && !heldHere(holder)) throw busyError(holder, 'Your change');
}

/** Whether this thread of this process holds the lock (a lock without a thread is from the main thread). */
function heldHere(state: LockState): boolean {
  return state.pid === process.pid && (state.thread ?? 0) === threadId;
}

/**
 * Which thread of which process holds the workspace's lock now: null when nobody alive does, "unknown" while the
 * holder is writing it this instant.
 */
export function lockOwner(root: string): { pid: number; thread: number } | null | 'unknown' {
  const holder = readLock(root);
  if (!holder) return null;
  return holder.pid === 0 ? 'unknown' : { pid: holder.pid, thread: holder.thread ?? 0 };
}

/**
 * Removes the lock a worker thread of this process held when it died (it could not release it, and its process
 * still runs, so nobody would take it over). Returns whether there was one.
 */
export function releaseLockOfThread(root: string, thread: number): boolean {
  const holder = readLock(root);
  if (!holder || holder.pid !== process.pid || holder.thread !== thread) return false;
  rmSync(join(root, WRITE_LOCK_FILE), { force: true });
  return true;
}

/** SQLITE_BUSY / SQLITE_LOCKED (with their extended codes): another connection holds the write lock too long. */
export function isBusyError(err: unknown): boolean {
  const code = (err as { errcode?: number } | null)?.errcode;
  return typeof code === 'number' && ((code & 0xff) === 5 || (code & 0xff) === 6);
}

/** The busy error a request gets instead of SQLite's "database is locked". */
export function explainBusy(db: DatabaseSync, what = 'Your change'): CandorError {
  const root = roots.get(db);
  return busyError(root ? readLock(root) : null, what);
}
