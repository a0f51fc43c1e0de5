import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rangesFromGaps, sameThreads, wellFormed, writeColumns } from './saved-threads.ts';
import type { SavedThread, ThreadColumns } from './saved-threads.ts';

// The build state: what the last build of one output folder saved, so the next one renders only what changed: each
// thread's content hash, where its list item and its data rows are, the input hash of every other page, and the
// search shards. Kept in the workspace (.site-cache/):
// <key>.json holds the state, <key>.cards the list items rendered once per thread, <key>.stamps the stamps of the
// site's files (file-stamps.ts). It holds only what the site
// already publishes and can be deleted at any time: the next build is then a clean one. It is trusted only while
// the site it describes is untouched (its manifest's hash matches) and was built by the same code, theme and options.

export const STATE_DIR = '.site-cache';
/** 4: the files' stamps in a file of their own (file-stamps.ts), the threads in columns (saved-threads.ts). */
const FORMAT = 4;


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
  /** Page path -> input hash, for every page that is not a thread page. */
  pages: Record<string, string>;
  /** The threads in site order (saved-threads.ts). */
  threads: ThreadColumns;
};

/** The state, the list items, and the stamps of the site's files (file-stamps.ts). */
export type StatePaths = { state: string; cards: string; stamps: string };

export function statePaths(workspaceDir: string, target: string): StatePaths {
  const key = createHash('sha256').update(target).digest('hex').slice(0, 16);
  const base = join(workspaceDir, STATE_DIR, key);
  return { state: `${base}.json`, cards: `${base}.cards`, stamps: `${base}.stamps` };
}

/** The previous build's state, or null when there is none that can be trusted for this build. */
export function readPreviousBuild(paths: StatePaths, expect: { fingerprint: string; manifestSha: string }): BuildState | null {
  if (!existsSync(paths.state) || !existsSync(paths.cards)) return null;
  try {
    const state = JSON.parse(readFileSync(paths.state, 'utf8')) as BuildState;
    if (state.format !== FORMAT || !wellFormed(state.threads) || state.fingerprint !== expect.fingerprint || state.manifestSha !== expect.manifestSha) return null;
    rangesFromGaps(state.threads.ranges);
    return state;
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

/** Entries or values stringified at once: a piece of JSON of about PIECE characters or less. */
const BATCH = 256;

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
  /**
   * `{"key":value,...}` a batch of entries at a time: the same text as JSON.stringify, without the whole of it at once
   * (and without a call of it per entry, which cost a third of a second for 119,000 entries).
   */
  object(entries: Iterable<[string, unknown]>): void {
    let first = true;
    // No prototype: a key such as "__proto__" is an entry like any other.
    let batch = Object.create(null) as Record<string, unknown>;
    let n = 0;
    const flush = () => {
      if (n === 0) return;
      this.add(`${first ? '' : ','}${JSON.stringify(batch).slice(1, -1)}`);
      first = false;
      batch = Object.create(null) as Record<string, unknown>;
      n = 0;
    };
    this.add('{');
    for (const [key, value] of entries) {
      // A key that looks like an array index would be put first by JSON.stringify: written on its own.
      if (/^\d+$/.test(key)) {
        flush();
        this.add(`${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(value)}`);
        first = false;
        continue;
      }
      batch[key] = value;
      if (++n === BATCH) flush();
    }
    flush();
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
 * piece at a time: at 100,000 threads the page hashes and threads are tens of megabytes of JSON, and made as
 * one string (then copied) they were the build's peak of memory.
 */
export function saveBuild(paths: StatePaths, state: Omit<BuildState, 'format' | 'threads'>, threads: readonly SavedThread[]): void {
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
    writeColumns(threads, (text) => out.add(text));
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
 * Two records of strings, numbers or arrays of them (page hashes...) with the same values. Walked with for...in: no
 * array of entries (19,000 list pages at 100,000 threads).
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
export function sameState(saved: BuildState, state: SavedState, threads: readonly SavedThread[]): boolean {
  return headMatches(saved, state) && sameThreads(saved.threads, threads);
}

const SCALARS = ['fingerprint', 'dataVersion', 'manifestSha', 'shardCount', 'cardBytes'] as const;

function headMatches(saved: BuildState, state: SavedState): boolean {
  // Every field of the saved state but its format and threads (compared above), whatever fields it gains.
  const fields = Object.keys(state);
  if (fields.length !== SCALARS.length + 3 || fields.some((f) => !(SCALARS as readonly string[]).includes(f) && !['bundles', 'members', 'pages'].includes(f))) return false;
  if (SCALARS.some((f) => saved[f] !== state[f])) return false;
  return sameRecord(saved.bundles, state.bundles) && sameRecord(saved.members, state.members) && sameRecord(saved.pages, state.pages);
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
    rmSync(`${old.base}.stamps`, { force: true });
  }
}

export function discardPending(paths: StatePaths): void {
  rmSync(`${paths.cards}.tmp`, { force: true });
  rmSync(`${paths.state}.tmp`, { force: true });
  rmSync(`${paths.stamps}.tmp`, { force: true });
}
