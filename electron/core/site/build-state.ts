import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { dirname, join } from 'node:path';

// The build state: what the last build of one output folder saved, so the next one renders only what changed: each
// thread's content hash, where its list item and its data rows are, the input hash of every other page, and the
// search shards. Kept in the workspace (.site-cache/):
// <key>.json holds the state, <key>.cards the list items rendered once per thread. It holds only what the site
// already publishes and can be deleted at any time: the next build is then a clean one. It is trusted only while
// the site it describes is untouched (its manifest's hash matches) and was built by the same code, theme and options.

export const STATE_DIR = '.site-cache';
const FORMAT = 3;

type Range = [number, number];
/** One thread of a build: hashes, what lists group it by, and byte ranges in the cards file and the data files. */
export type ThreadRecord = { pageHash: string; summaryHash: string; kind: string; topics: string[]; card: Range; json: Range; threadsCsv: Range; messagesCsv: Range };

export type BuildState = {
  format: number;
  fingerprint: string;
  dataVersion: number;
  manifestSha: string;
  shardCount: number;
  /** Search bundle name -> input hash (members and their content). */
  bundles: Record<string, string>;
  /** Search bundle name -> hash of its members' ids (which threads it holds). */
  members: Record<string, string>;
  /** The bytes of the cards file its threads use (the rest is items no longer used). */
  cardBytes?: number;
  /**
   * Each file of the site as this build left it: "<inode>:<ctime in ns>" (fileStamp). A later rebuild hashes only the
   * files whose stamp differs: any write, rename or permission change gives a file a new ctime, and no tool but a
   * changed system clock can set it back. Absent (older states): every file is hashed.
   */
  stamps?: Record<string, string>;
  /** Page path -> input hash, for every page that is not a thread page. */
  pages: Record<string, string>;
  threads: Record<string, ThreadRecord>;
};

export type StatePaths = { state: string; cards: string };

export function statePaths(workspaceDir: string, target: string): StatePaths {
  const key = createHash('sha256').update(target).digest('hex').slice(0, 16);
  const base = join(workspaceDir, STATE_DIR, key);
  return { state: `${base}.json`, cards: `${base}.cards` };
}

/** The previous build's state, or null when there is none that can be trusted for this build. */
export function readPreviousBuild(paths: StatePaths, expect: { fingerprint: string; manifestSha: string }): BuildState | null {
  if (!existsSync(paths.state) || !existsSync(paths.cards)) return null;
  try {
    const state = JSON.parse(readFileSync(paths.state, 'utf8')) as BuildState;
    if (state.format !== FORMAT || state.fingerprint !== expect.fingerprint || state.manifestSha !== expect.manifestSha) return null;
    return state;
  } catch {
    return null;
  }
}

/** A regular file's stamp from its stat (see BuildState.stamps), or null for anything else. */
export function stampOf(st: BigIntStats): string | null {
  return st.isFile() ? `${st.ino}:${st.ctimeNs}` : null;
}

/** What a file's inode and change time are now (see BuildState.stamps), or null when it cannot be read. */
export function fileStamp(path: string): string | null {
  try {
    return stampOf(statSync(path, { bigint: true }));
  } catch {
    return null;
  }
}

/** Where this build writes its cards before they replace the previous ones. */
export function pendingCards(paths: StatePaths): string {
  mkdirSync(dirname(paths.cards), { recursive: true });
  return `${paths.cards}.tmp`;
}

/**
 * Characters of a piece of a big file written a piece at a time (this state, manifest.json): under V8's large-object
 * size (128 KB), so each piece dies young, where pieces of a megabyte grew the old generation at the build's peak.
 */
export const PIECE = 32 << 10;

/** Writes JSON text to a file in pieces. */
class JsonOut {
  private batch = '';
  private readonly fd: number;
  constructor(fd: number) {
    this.fd = fd;
  }
  add(text: string): void {
    this.batch += text;
    if (this.batch.length > PIECE) this.flush();
  }
  /** `{"key":value,...}` one entry at a time: the same text as JSON.stringify, without the whole of it at once. */
  object(entries: Iterable<[string, unknown]>): void {
    let first = true;
    this.add('{');
    for (const [key, value] of entries) {
      this.add(`${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(value)}`);
      first = false;
    }
    this.add('}');
  }
  flush(): void {
    writeSync(this.fd, this.batch);
    this.batch = '';
  }
}

/** The entries of a record, one at a time (no array of 119,000 entries). */
function* entriesOf(record: Record<string, unknown>): Generator<[string, unknown]> {
  for (const key in record) if (Object.hasOwn(record, key)) yield [key, record[key]];
}

/**
 * Saves the state once the new site is in place, so a cache never describes a site that does not exist. Written a
 * piece at a time: at 100,000 threads the stamps, page hashes and threads are tens of megabytes of JSON, and made as
 * one string (then copied) they were the build's peak of memory.
 */
export function saveBuild(paths: StatePaths, state: Omit<BuildState, 'format' | 'threads'>, threads: Iterable<[string, ThreadRecord]>): void {
  const fd = openSync(`${paths.state}.tmp`, 'w');
  try {
    const out = new JsonOut(fd);
    out.add(`{"format":${FORMAT}`);
    for (const [key, value] of Object.entries(state)) {
      if (value === undefined) continue;
      out.add(`,${JSON.stringify(key)}:`);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) out.object(entriesOf(value as Record<string, unknown>));
      else out.add(JSON.stringify(value));
    }
    out.add(',"threads":');
    out.object(threads);
    out.add('}');
    out.flush();
  } finally {
    closeSync(fd);
  }
  // The cards first: a state file always points into the cards it was written with.
  rmSync(paths.state, { force: true });
  // A build that appended to the cards file has no new one to move in.
  if (existsSync(`${paths.cards}.tmp`)) renameSync(`${paths.cards}.tmp`, paths.cards);
  renameSync(`${paths.state}.tmp`, paths.state);
  pruneStates(dirname(paths.state), KEEP_STATES);
}

type SavedState = Omit<BuildState, 'format' | 'threads'>;

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Two records of strings, numbers or arrays of them (page hashes, stamps...) with the same values. Walked with
 * for...in: no array of entries (119,000 stamps at 100,000 threads).
 */
function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let n = 0;
  for (const key in b) {
    if (!Object.hasOwn(a, key) || !sameValue(a[key], b[key])) return false;
    n++;
  }
  for (const _ in a) if (--n < 0) return false;
  return n === 0;
}

/**
 * Whether this build's state is the one saved already (a rebuild that changed nothing): then it is not written
 * again, which at 100,000 threads is tens of megabytes of JSON made and written for nothing.
 */
export function sameState(saved: BuildState, state: SavedState, threads: readonly (ThreadRecord & { id: string })[]): boolean {
  if (!headMatches(saved, state)) return false;
  const savedThreads = saved.threads;
  for (const t of threads) {
    const was = savedThreads[t.id];
    if (!was) return false;
    for (const f of THREAD_FIELDS) if (!sameValue(was[f], t[f])) return false;
  }
  return threads.length === Object.keys(savedThreads).length;
}

/** Every field of a ThreadRecord, compared one by one (the check below fails to compile if one is missing). */
const THREAD_FIELDS = ['pageHash', 'summaryHash', 'kind', 'topics', 'card', 'json', 'threadsCsv', 'messagesCsv'] as const;
const allThreadFields: Exclude<keyof ThreadRecord, (typeof THREAD_FIELDS)[number]> extends never ? true : never = true;
void allThreadFields;

const SCALARS = ['fingerprint', 'dataVersion', 'manifestSha', 'shardCount', 'cardBytes'] as const;

function headMatches(saved: BuildState, state: SavedState): boolean {
  // Every field of the saved state but its format and threads (compared above), whatever fields it gains.
  const fields = Object.keys(state);
  if (fields.length !== SCALARS.length + 4 || fields.some((f) => !(SCALARS as readonly string[]).includes(f) && !['bundles', 'members', 'pages', 'stamps'].includes(f))) return false;
  if (SCALARS.some((f) => saved[f] !== state[f])) return false;
  return sameRecord(saved.bundles, state.bundles) && sameRecord(saved.members, state.members) && sameRecord(saved.pages, state.pages) && sameRecord(saved.stamps ?? {}, state.stamps ?? {});
}

/** Marks the saved state as the latest one (the pruning below keeps the most recently saved). */
export function touchState(paths: StatePaths): void {
  const now = new Date();
  utimesSync(paths.state, now, now);
}

/**
 * How many output folders keep a saved build. Each one costs about a kilobyte per thread (75 MB at 100,000), and
 * a workspace exported to a new folder every time would otherwise keep them all.
 */
export const KEEP_STATES = 4;

/** Deletes all but the `keep` most recently saved builds in `dir` (the ones not kept build clean next time). */
function pruneStates(dir: string, keep: number): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return;
  }
  const saved = names.map((n) => ({ base: join(dir, n.slice(0, -'.json'.length)), at: statSync(join(dir, n)).mtimeMs })).sort((a, b) => b.at - a.at);
  for (const old of saved.slice(keep)) {
    rmSync(`${old.base}.json`, { force: true });
    rmSync(`${old.base}.cards`, { force: true });
  }
}

export function discardPending(paths: StatePaths): void {
  rmSync(`${paths.cards}.tmp`, { force: true });
  rmSync(`${paths.state}.tmp`, { force: true });
}
