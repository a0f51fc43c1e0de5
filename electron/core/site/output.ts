import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { CandorError } from '../errors.ts';
import { filesIn } from './files-in.ts';
import { hasCandorManifest, inPathOrder, journalPath, MANIFEST_FILE, pathFinder, SIGNATURE_FILE, sortByPath } from './manifest.ts';
import type { ManifestFile } from './manifest.ts';

// A build writes into a temporary sibling of the target and changes the target only when everything succeeded: a
// failed build leaves the previous site exactly as it was. A folder that holds anything but a Candor site is never
// written to.
//
// A clean build swaps the whole folder in. A rebuild of a site Candor made has written only what changed; those
// files are moved into the site under a journal (a sibling file listing every move and deletion, written before
// the first one): if the process dies half-way, the next build finishes the moves before doing anything else, and
// manifest.json, moved last, always ends up describing the files beside it.

export type Output = {
  /** The folder the site ends up in. */
  target: string;
  /** Where this build writes. */
  temp: string;
  /** The target when it holds a previous Candor site (unchanged files are linked from it). */
  previous: string | null;
};

const TEMP_MARK = '.candor-build-';
const OLD_MARK = '.candor-old-';
/** Inside the temporary folder: the files a rebuild replaced, deleted with the folder. */
const REPLACED_DIR = '.replaced';

type Journal = { temp: string; moves: string[]; deletes: string[]; last: string[] };

/** Whether the process that made a temporary folder (its pid is in the name) is still running. */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, run by someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a leftover's name (`.<site>.candor-build-<pid>-<random>`), or null when it is not one. */
function ownerPid(name: string, prefix: string): number | null {
  if (!name.startsWith(prefix)) return null;
  const m = /^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length));
  return m ? Number(m[1]) : null;
}

/**
 * A test's way to kill a build for real in the middle of its commit (CANDOR_TEST_KILL_IN_COMMIT=<n>: the process
 * exits abruptly after n files were moved into the site). Unset in normal use.
 */
function killHook(moved: number): void {
  const at = process.env.CANDOR_TEST_KILL_IN_COMMIT;
  if (at !== undefined && moved === Number(at)) process.exit(70);
}

function removeEmptyParents(target: string, rel: string): void {
  let dir = dirname(join(target, rel));
  while (dir.startsWith(target + sep)) {
    try {
      if (readdirSync(dir).length > 0) return;
      rmdirSync(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}

function applyJournal(target: string, j: Journal): void {
  let moved = 0;
  const move = (rel: string) => {
    killHook(moved++);
    const from = join(j.temp, rel);
    if (!existsSync(from)) return;
    const to = join(target, rel);
    mkdirSync(dirname(to), { recursive: true });
    // The file replaced is moved aside into the temporary folder, deleted with it after the commit: renaming over a
    // big data file would free its blocks right here, holding up the commit for a third of a second at 100k threads.
    if (existsSync(to)) {
      const aside = join(j.temp, REPLACED_DIR, rel);
      mkdirSync(dirname(aside), { recursive: true });
      renameSync(to, aside);
    }
    renameSync(from, to);
  };
  for (const rel of j.moves) move(rel);
  for (const rel of j.deletes) {
    rmSync(join(target, rel), { force: true });
    removeEmptyParents(target, rel);
  }
  for (const rel of j.last) {
    if (existsSync(join(j.temp, rel))) move(rel);
    else if (rel === SIGNATURE_FILE) rmSync(join(target, rel), { force: true });
  }
}

/**
 * Finishes a rebuild that was interrupted while its files were being moved into place (the journal says what is
 * left to move; moving is idempotent), or rolls back a swap interrupted between moving the previous site aside and
 * moving the new one in. Then removes what builds of dead processes left: temporary folders and replaced sites.
 */
export function recoverOutput(target: string): boolean {
  const file = journalPath(target);
  const parent = dirname(target);
  let recovered = false;
  if (existsSync(file)) {
    const j = JSON.parse(readFileSync(file, 'utf8')) as Journal;
    applyJournal(target, j);
    rmSync(j.temp, { recursive: true, force: true });
    rmSync(file, { force: true });
    recovered = true;
  }
  if (!existsSync(parent)) return recovered;
  const names = readdirSync(parent);
  const oldPrefix = `.${basename(target)}${OLD_MARK}`;
  const tempPrefix = `.${basename(target)}${TEMP_MARK}`;
  if (!existsSync(target)) {
    // The swap stopped half-way: the previous site is aside and the new one did not arrive. Put the previous back.
    const aside = names.find((n) => { const pid = ownerPid(n, oldPrefix); return pid !== null && !alive(pid); });
    if (aside) {
      renameSync(join(parent, aside), target);
      recovered = true;
    }
  }
  for (const name of names) {
    const pid = ownerPid(name, tempPrefix) ?? ownerPid(name, oldPrefix);
    if (pid !== null && !alive(pid) && existsSync(join(parent, name))) rmSync(join(parent, name), { recursive: true, force: true });
  }
  return recovered;
}

export function prepareOutput(out: string): Output {
  const target = resolve(out);
  recoverOutput(target);
  let previous: string | null = null;
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new CandorError('OUT_NOT_FOLDER', `${target} exists and is not a folder. Choose a folder for the site.`, { file: target });
    const entries = readdirSync(target);
    if (entries.length > 0) {
      if (!hasCandorManifest(target)) {
        throw new CandorError('OUT_NOT_EMPTY', `${target} is not empty and is not a site Candor built (it has no Candor manifest.json). Choose an empty or new folder; nothing in ${target} was changed.`, { file: target });
      }
      previous = target;
    }
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const temp = join(parent, `.${basename(target)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(temp);
  return { target, temp, previous };
}

/**
 * Swaps the new site in. The previous site is moved aside and deleted afterwards; the returned promise settles when
 * it is gone (callers that exit right away may await it; the site is already in place before it starts).
 */
export function commitOutput(output: Output): Promise<void> {
  const { target, temp } = output;
  if (!existsSync(target)) {
    renameSync(temp, target);
    return Promise.resolve();
  }
  if (readdirSync(target).length === 0) {
    rmSync(target, { recursive: true, force: true });
    renameSync(temp, target);
    return Promise.resolve();
  }
  const old = join(dirname(target), `.${basename(target)}${OLD_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  renameSync(target, old);
  killHook(0);
  try {
    renameSync(temp, target);
  } catch (err) {
    renameSync(old, target);
    throw err;
  }
  return rm(old, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Moves a rebuild's changed files into the previous site: every file the build wrote whose bytes differ from the
 * previous site's (or that was not found intact there), deletes the files the new manifest no longer lists, and moves manifest.json (and its signature)
 * last. Files the build wrote unchanged are dropped. The whole plan is journaled before the first move.
 */
export function commitInPlace(output: Output, files: readonly ManifestFile[], previous: ReadonlyMap<string, { sha256: string; size: number }>, present: Iterable<string> = previous.keys()): Promise<void> {
  const { target, temp } = output;
  // Looked up in path order (no table of every path: 119,000 at 100k threads).
  const sorted = inPathOrder(files) ? files : sortByPath([...files]);
  const moves: string[] = [];
  const written = pathFinder(sorted);
  for (const rel of filesIn(temp)) {
    if (rel === MANIFEST_FILE || rel === SIGNATURE_FILE) continue;
    const now = written(rel);
    const before = previous.get(rel);
    if (now && before && now.sha256 === before.sha256 && now.size === before.size && existsSync(join(target, rel))) continue;
    moves.push(rel);
  }
  // `previous` holds only the files checked intact; `present` every file the previous site had (checked or not).
  const deletes: string[] = [];
  const listed = pathFinder(sorted);
  for (const rel of present) if (!listed(rel) && rel !== MANIFEST_FILE && rel !== SIGNATURE_FILE) deletes.push(rel);
  // The signature goes with the manifest: moved if there is a new one, removed if the site is no longer signed.
  const journal: Journal = { temp, moves, deletes, last: [SIGNATURE_FILE, MANIFEST_FILE] };
  const file = journalPath(target);
  writeFileSync(`${file}.tmp`, JSON.stringify(journal));
  renameSync(`${file}.tmp`, file);
  applyJournal(target, journal);
  rmSync(file, { force: true });
  return rm(temp, { recursive: true, force: true }).catch(() => undefined);
}

export function abortOutput(output: Output): void {
  rmSync(output.temp, { recursive: true, force: true });
}
