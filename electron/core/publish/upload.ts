import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CandorError } from '../errors.ts';
import { cacheControl, contentType } from './plan.ts';
import { eachLimited, reason } from './remote.ts';
import type { PutFile, Remote } from './remote.ts';

// The upload phase, all or nothing. Git stages files and pushes once, so a failure changes nothing online. S3 and
// SFTP replace files one by one: before a file is replaced its remote copy is kept aside, and if the upload fails
// or is cancelled, the replaced files are put back and the added ones removed. The site online is then exactly the
// previous one, which its (untouched) manifest still describes, and publishing again starts over.

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

type Backup = { dir: string; saved: Map<string, string>; touched: Set<string> };

/** Puts back what was replaced and removes what was added; returns why that failed, or null. */
async function rollBack(remote: Remote, backup: Backup, never: AbortSignal): Promise<string | null> {
  const problems: string[] = [];
  const added: string[] = [];
  for (const path of backup.touched) {
    const saved = backup.saved.get(path);
    if (!saved) {
      added.push(path);
      continue;
    }
    try {
      await remote.put({ path, abs: saved, size: statSync(saved).size, sha256: '', contentType: contentType(path), cacheControl: cacheControl(path) }, never);
    } catch (err) {
      problems.push(`${path}: ${reason(err)}`);
    }
  }
  for (const f of await remote.remove(added, never).catch((err: unknown) => added.map((path) => ({ path, error: reason(err) })))) problems.push(`${f.path}: ${f.error}`);
  return problems.length ? `${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}` : null;
}

function failure(err: unknown, cancelled: boolean, state: string): CandorError {
  if (cancelled) return new CandorError('CANCELLED', `Publishing was cancelled. ${state} Publish again to finish.`);
  const what = (err instanceof CandorError ? err.message : reason(err)).replace(/\.$/, '');
  const code = err instanceof CandorError && err.code !== 'PUBLISH_FAILED' ? err.code : 'PUBLISH_FAILED';
  return new CandorError(code, `${what}. ${state} Publish again to retry.`, err instanceof CandorError ? err.location : undefined);
}

/**
 * Uploads `files` (already in upload order), then `last` (manifest.sig, manifest.json) one by one once every file
 * before them has landed: several puts run at once, so the manifest queued behind them could otherwise finish
 * first and name files not yet online. `previous`: the paths the remote manifest lists, the ones a put replaces.
 * Throws a CandorError (CANCELLED, or the failure's code) whose message says what is online.
 */
export async function uploadFiles(remote: Remote, upload: { files: readonly PutFile[]; last: readonly PutFile[] }, previous: ReadonlySet<string>, options: { signal: AbortSignal; progress: (done: number) => void }): Promise<void> {
  const files = [...upload.files, ...upload.last];
  const { signal } = options;
  const never = new AbortController().signal;
  let done = 0;
  const step = (n: number) => options.progress((done += n));
  const isCancel = (err: unknown) => signal.aborted || (err as { name?: string }).name === 'AbortError';
  if (remote.putMany) {
    try {
      await remote.putMany(files, signal, step);
      signal.throwIfAborted();
    } catch (err) {
      throw failure(err, isCancel(err), 'Nothing was changed online.');
    }
    return;
  }
  const backup: Backup = { dir: mkdtempSync(join(tmpdir(), 'candor-publish-')), saved: new Map(), touched: new Set() };
  try {
    const putOne = async (f: PutFile) => {
      signal.throwIfAborted();
      if (previous.has(f.path)) {
        const old = await remote.read(f.path, signal);
        if (old) {
          const file = join(backup.dir, String(backup.saved.size));
          writeFileSync(file, old);
          backup.saved.set(f.path, file);
        }
      }
      backup.touched.add(f.path);
      try {
        await remote.put(f, signal);
      } catch (err) {
        // A refused put changed nothing (S3 replaces an object whole, SFTP renames a complete temporary file);
        // a cancelled one may have landed, and is put back like the others.
        if (!isCancel(err)) backup.touched.delete(f.path);
        throw err;
      }
      step(1);
    };
    await eachLimited(upload.files, remote.concurrency, putOne);
    for (const f of upload.last) await putOne(f);
    signal.throwIfAborted();
  } catch (err) {
    if (backup.touched.size === 0) throw failure(err, isCancel(err), 'Nothing was changed online.');
    const problem = await rollBack(remote, backup, never);
    throw failure(err, isCancel(err), problem === null
      ? `The ${plural(backup.touched.size, 'file')} already sent ${backup.touched.size === 1 ? 'was' : 'were'} put back as ${backup.touched.size === 1 ? 'it was' : 'they were'}: the site online is the previous one, unchanged.`
      : `Putting back the ${plural(backup.touched.size, 'file')} already sent failed too (${problem}): until you publish again the site online mixes old and new files (its manifest is still the previous one; nothing was removed).`);
  } finally {
    rmSync(backup.dir, { recursive: true, force: true });
  }
}
