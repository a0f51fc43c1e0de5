import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreWorker } from '../../electron/core/host-client.ts';
import type { HostClient } from '../../electron/core/host-client.ts';
import type { Result } from '../../electron/shared/contract.ts';
import { WRITE_LOCK_FILE } from '../../electron/core/store/writer.ts';
import { jsonl, makeThreads, tempDir, writeTemp } from '../helpers/workspace.ts';

// Issue 16.1: the window is answered while a long job runs. The REAL core host (a worker thread, as `npm run web`
// runs it; the desktop app runs the same host in a utility process) is driven through the contract while an import
// of thousands of conversations and then a site build run on its job worker. What a person notices: the app keeps
// answering (several answers arrive before the job's own), even during the import's final commit, which used to
// hold the host; what it shows is the workspace as committed (all of the import or none of it); a change asked
// during that commit is refused with "busy", not left waiting; a second import is told "busy" at once.

const BASE = 20;
const BIG = 5_000;
const MID = 500;
let t: { dir: string; cleanup: () => void };
let host: HostClient;
let base: string;
let big: string;

async function value<T>(channel: string, request: unknown): Promise<T> {
  const { result } = await host.call('s', channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const threadCount = async () => (await value<{ total: number }>('threads.search', { limit: 1 })).total;

/** The workspace's write lock as its holder last wrote it ('' when nobody holds it). */
function lockOf(ws: string): string {
  try {
    return readFileSync(join(ws, WRITE_LOCK_FILE), 'utf8');
  } catch {
    return '';
  }
}

/** Asks `read` one after another until `job` settles; every answer, in order, and the job's own. */
async function readsWhile<T>(job: Promise<{ result: Result<unknown> }>, read: () => Promise<T>): Promise<{ answers: T[]; job: Result<unknown> }> {
  let done = false;
  const settled = job.then((a) => {
    done = true;
    return a.result;
  });
  const answers: T[] = [];
  while (!done) {
    const a = await read();
    if (!done) answers.push(a);
    await new Promise((ok) => setTimeout(ok, 10));
  }
  return { answers, job: await settled };
}

beforeAll(async () => {
  t = tempDir('candor-jobs-');
  base = writeTemp(t.dir, 'base.jsonl', jsonl(makeThreads(BASE, 'base')));
  big = writeTemp(t.dir, 'big.jsonl', jsonl(makeThreads(BIG, 'big')));
  host = startCoreWorker();
  await host.ready;
}, 60_000);

afterAll(async () => {
  await host.shutdown();
  t.cleanup();
});

describe('long jobs run beside the host, which keeps answering', () => {
  it('reads during an import are answered before it ends, and show all of it or none of it', async () => {
    const ws = join(t.dir, 'ws');
    await value('workspace.init', { dir: ws, name: 'Acme Test Ltd' });
    await value('imports.run', { files: [base] });
    const { answers, job } = await readsWhile(host.call('s', 'imports.run', { files: [big] }), threadCount);
    expect(job).toMatchObject({ ok: true });
    // Several answers came while the import ran, not one after it.
    expect(answers.length).toBeGreaterThanOrEqual(3);
    // Each saw the workspace as committed: the old state until the commit, then the whole import, never a part.
    expect(answers.every((n) => n === BASE || n === BASE + BIG)).toBe(true);
    expect(answers[0]).toBe(BASE);
    const firstNew = answers.indexOf(BASE + BIG);
    expect((firstNew < 0 ? [] : answers.slice(firstNew)).every((n) => n === BASE + BIG)).toBe(true);
    expect(await threadCount()).toBe(BASE + BIG);
  }, 180_000);

  it('during the import\'s final commit a read is answered and a decision is refused with "busy", while the commit goes on', async () => {
    const ws = join(t.dir, 'commit');
    await value('workspace.init', { dir: ws, name: 'Commit Test Ltd' });
    await value('imports.run', { files: [base] });
    let done = false;
    const importing = host.call('s', 'imports.run', { files: [big] }).then((a) => {
      done = true;
      return a.result;
    });
    while (!done && !lockOf(ws).includes('"phase":"commit"')) await new Promise((ok) => setTimeout(ok, 5));
    expect(done).toBe(false);
    const read = await value<{ name: string; threads: number }>('workspace.current', {});
    const decision = await host.call('s', 'curation.decide', { target: { ids: ['base1'] }, decision: 'publish' });
    // Both answers came back while the import was still committing (its lock still says so).
    expect(lockOf(ws)).toContain('"phase":"commit"');
    expect(done).toBe(false);
    expect(read).toMatchObject({ name: 'Commit Test Ltd', threads: BASE });
    expect(decision.result).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect(decision.result.ok ? '' : decision.result.error.message).toMatch(/^busy: importing \(\d+%\)/);
    expect(await importing).toMatchObject({ ok: true });
    // Once it is in, the same decision is made.
    expect((await host.call('s', 'curation.decide', { target: { ids: ['base1'] }, decision: 'publish' })).result).toMatchObject({ ok: true });
    expect(existsSync(join(ws, WRITE_LOCK_FILE))).toBe(false);
  }, 180_000);

  it('a second import while one runs is told "busy: importing (N%)" before the first ends', async () => {
    const ws = join(t.dir, 'busy');
    await value('workspace.init', { dir: ws, name: 'Busy Test Ltd' });
    let done = false;
    const first = host.call('s', 'imports.run', { files: [big] }).then((a) => {
      done = true;
      return a.result;
    });
    while (!done && !lockOf(ws).includes('"kind":"import"')) await new Promise((ok) => setTimeout(ok, 5));
    const second = await host.call('s', 'imports.run', { files: [base] });
    expect(done).toBe(false);
    expect(second.result).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect(second.result.ok ? '' : second.result.error.message).toMatch(/^busy: importing \(\d+%\)/);
    expect(await first).toMatchObject({ ok: true });
    expect(await threadCount()).toBe(BIG);
  }, 180_000);

  it('reads during a site build are answered before it ends, and the build still writes the site', async () => {
    // A smaller workspace: a build of thousands of pages would only make the suite slower, not the check stronger.
    await value('workspace.init', { dir: join(t.dir, 'build'), name: 'Build Test Ltd' });
    await value('imports.run', { files: [writeTemp(t.dir, 'mid.jsonl', jsonl(makeThreads(MID, 'mid')))] });
    await value('curation.decide', { target: { query: {} }, decision: 'publish' });
    const out = join(t.dir, 'site');
    const { answers, job } = await readsWhile(host.call('s', 'site.build', { out, search: false }), () => value<{ threads: number }>('workspace.current', {}));
    expect(job).toMatchObject({ ok: true });
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(answers.every((a) => a.threads === MID)).toBe(true);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect((job as { ok: true; value: { threads: number } }).value.threads).toBeGreaterThan(0);
  }, 180_000);

  it('a job worker that dies answers its job with WORKER_FAILED and keeps nothing of it; the host goes on answering', async () => {
    // The hook makes the job worker exit abruptly on its first job (worker-link.ts crashHookFor); only the hosts
    // started while it is set are affected.
    process.env.CANDOR_TEST_CRASH_WORKER = 'job';
    const other = startCoreWorker();
    delete process.env.CANDOR_TEST_CRASH_WORKER;
    try {
      await other.ready;
      const ws = join(t.dir, 'crash');
      expect((await other.call('c', 'workspace.init', { dir: ws, name: 'Crash Test Ltd' })).result).toMatchObject({ ok: true });
      const { result } = await other.call('c', 'imports.run', { files: [base] });
      expect(result).toMatchObject({ ok: false, error: { code: 'WORKER_FAILED' } });
      expect(result.ok ? '' : result.error.message).toContain('Nothing the job was doing was kept');
      expect((await other.call('c', 'workspace.current', {})).result).toMatchObject({ ok: true, value: { name: 'Crash Test Ltd', threads: 0 } });
      expect(existsSync(join(ws, WRITE_LOCK_FILE))).toBe(false);
    } finally {
      await other.shutdown();
    }
  }, 60_000);

  it('an import whose job thread is killed leaves a scratch file that the next import, or the next open, removes and reports', async () => {
    // The hook kills the job thread (process.exit on that thread) once an import has staged every record and before
    // its commit: the host's process lives on, so the scratch file's owner is the dead thread, not a dead process.
    process.env.CANDOR_TEST_CRASH_WORKER = 'import';
    const other = startCoreWorker();
    delete process.env.CANDOR_TEST_CRASH_WORKER;
    const scratch = (ws: string) => readdirSync(ws).filter((n) => n.startsWith('.candor-import-'));
    const warningsOf = (a: { result: Result<unknown> }) => (a.result.ok ? (a.result.value as { reports: { warnings?: string[] }[] }).reports.flatMap((r) => r.warnings ?? []) : []);
    try {
      await other.ready;
      const ws = join(t.dir, 'scratch');
      expect((await other.call('c', 'workspace.init', { dir: ws, name: 'Scratch Test Ltd' })).result).toMatchObject({ ok: true });
      expect((await host.call('r', 'workspace.open', { dir: ws })).result).toMatchObject({ ok: true });
      const crashed = await other.call('c', 'imports.run', { files: [base] });
      expect(crashed.result).toMatchObject({ ok: false, error: { code: 'WORKER_FAILED' } });
      expect(scratch(ws)).toHaveLength(1);
      expect(existsSync(join(ws, WRITE_LOCK_FILE))).toBe(false);

      // The next import (on a job thread that works) removes it and says so in its report.
      const next = await host.call('r', 'imports.run', { files: [base] });
      expect(next.result).toMatchObject({ ok: true });
      expect(warningsOf(next).join('\n')).toMatch(/An earlier import stopped before it finished .* left a scratch file .* it was removed\. Nothing from that import was kept/);
      expect(scratch(ws)).toEqual([]);

      // Killed again; this time the workspace is opened before anything is imported: opening removes it and the
      // audit log says so.
      expect((await other.call('c', 'imports.run', { files: [big] })).result).toMatchObject({ ok: false, error: { code: 'WORKER_FAILED' } });
      expect(scratch(ws)).toHaveLength(1);
      expect((await host.call('o', 'workspace.open', { dir: ws })).result).toMatchObject({ ok: true });
      expect(scratch(ws)).toEqual([]);
      const audit = await host.call('o', 'audit.search', { action: 'workspace.warning' });
      const entries = audit.result.ok ? (audit.result.value as { entries: { summary: string }[] }).entries : [];
      expect(entries.map((e) => e.summary).join('\n')).toMatch(/An earlier import stopped before it finished/);
      // Nothing of the killed imports was kept: the one import that finished is all there is.
      expect((await host.call('o', 'workspace.current', {})).result).toMatchObject({ ok: true, value: { threads: BASE } });
    } finally {
      await other.shutdown();
    }
  }, 120_000);
});
