import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CandorError } from '../errors.ts';
import { readManifest } from './manifest.ts';

// A build writes into a temporary sibling of the target and replaces the target only when everything succeeded:
// a failed build leaves the previous site exactly as it was. A folder that holds anything but a Candor site is
// never written to.

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

export function prepareOutput(out: string): Output {
  const target = resolve(out);
  let previous: string | null = null;
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new CandorError('OUT_NOT_FOLDER', `${target} exists and is not a folder. Choose a folder for the site.`, { file: target });
    const entries = readdirSync(target);
    if (entries.length > 0) {
      if (!readManifest(target)) {
        throw new CandorError('OUT_NOT_EMPTY', `${target} is not empty and is not a site Candor built (it has no Candor manifest.json). Choose an empty or new folder; nothing in ${target} was changed.`, { file: target });
      }
      previous = target;
    }
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  // Leftovers of earlier builds that were interrupted after the swap.
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`.${basename(target)}${OLD_MARK}`)) rmSync(join(parent, name), { recursive: true, force: true });
  }
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
  try {
    renameSync(temp, target);
  } catch (err) {
    renameSync(old, target);
    throw err;
  }
  return rm(old, { recursive: true, force: true }).catch(() => undefined);
}

export function abortOutput(output: Output): void {
  rmSync(output.temp, { recursive: true, force: true });
}
