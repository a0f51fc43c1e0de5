import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CandorError } from '../../electron/core/errors.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { getThread } from '../../electron/core/store/threads.ts';
import { WRITE_LOCK_FILE, acquireExclusive } from '../../electron/core/store/writer.ts';
import { initWorkspace, openWorkspace } from '../../electron/core/workspace.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { NODE, ROOT, jsonl, makeThreads, runCli, spawnCli, tempDir, writeTemp } from '../helpers/workspace.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function setup(): { ws: Workspace; dir: string; big: string } {
  const t = tempDir();
  const ws = initWorkspace(join(t.dir, 'ws'), { name: 'Acme Test Ltd', actor: 'tester' });
  cleanups.push(() => { ws.close(); t.cleanup(); });
  writeTemp(t.dir, 'base.jsonl', jsonl(makeThreads(20, 'base')));
  // The import under test: new threads, and base1 again with an extra message (so the import updates it).
  const again = makeThreads(2, 'base')[1]!;
  again.messages.push({ id: 'base1-4', author: { role: 'customer' }, sent_at: '2026-03-03T09:00:00Z', body: 'Any news?' });
  const big = writeTemp(t.dir, 'big.jsonl', jsonl([...makeThreads(3_000, 'big'), again]));
  return { ws, dir: t.dir, big };
}

async function importBase(ws: Workspace): Promise<void> {
  await runImport(ws, [join(ws.dir, '..', 'base.jsonl')]);
}

const count = (db: { prepare: Workspace['db']['prepare'] }) => (db.prepare('SELECT count(*) AS n FROM threads').get() as { n: number }).n;
const decisionOf = (ws: Workspace, id: string) => getThread(ws.reader(), id)!.decision;

/** Resolves once the running import has read part of its file (its lock says how far it got). */
async function whileReading(ws: Workspace): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    const lock = existsSync(join(ws.dir, WRITE_LOCK_FILE)) ? readFileSync(join(ws.dir, WRITE_LOCK_FILE), 'utf8') : '';
    if (lock.includes('"phase":"reading"')) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the import never started reading');
}

describe('one writer per workspace', () => {
  it('a decision made while an import runs is kept when the import then fails', async () => {
    const { ws, big } = setup();
    await importBase(ws);
    let stored = 0;
    const importing = runImport(ws, [big], { afterThread: () => { if (++stored === 2_500) throw new Error('disk full'); } });
    await whileReading(ws);
    // The curator's change commits at once: it does not join the import's work.
    decideCurated(ws, { ids: ['base1'] }, { decision: 'withhold', reason: 'privacy-request' }, PUBLISH_GUARDS);
    expect(decisionOf(ws, 'base1')).toBe('withhold');
    const err = await importing.catch((e: unknown) => e);
    expect((err as CandorError).code).toBe('IMPORT_FAILED');
    expect(count(ws.db)).toBe(20);
    expect(decisionOf(ws, 'base1')).toBe('withhold');
    expect(getThread(ws.db, 'base1')!.messages).toHaveLength(3);
  });

  it('a decision made while an import runs is kept when the import succeeds, even on a thread the import updates', async () => {
    const { ws, big } = setup();
    await importBase(ws);
    const importing = runImport(ws, [big]);
    await whileReading(ws);
    decideCurated(ws, { ids: ['base1'] }, { decision: 'withhold', reason: 'privacy-request' }, PUBLISH_GUARDS);
    const [report] = await importing;
    expect(report).toMatchObject({ threadsCreated: 3_000, threadsUpdated: 1 });
    expect(count(ws.db)).toBe(3_020);
    const t = getThread(ws.db, 'base1')!;
    expect(t.decision).toBe('withhold');
    expect(t.messages).toHaveLength(4);
  });

  it('a read while an import runs sees the workspace as it was, its indexes whole, until the import commits', async () => {
    const { ws, big } = setup();
    await importBase(ws);
    const indexCount = (db: Workspace['db']) => (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index'").get() as { n: number }).n;
    const indexes = indexCount(ws.reader());
    const seen: { threads: number; indexes: number }[] = [];
    let stored = 0;
    const importing = runImport(ws, [big], {
      onProgress: () => { seen.push({ threads: count(ws.reader()), indexes: indexCount(ws.reader()) }); },
      // Half-way through the commit, with the bulk import's indexes dropped on the writing connection.
      afterThread: () => { if (++stored === 2_500) seen.push({ threads: count(ws.reader()), indexes: indexCount(ws.reader()) }); },
    });
    await whileReading(ws);
    seen.push({ threads: count(ws.reader()), indexes: indexCount(ws.reader()) });
    await importing;
    expect(seen.length).toBeGreaterThan(2);
    for (const s of seen) expect(s).toEqual({ threads: 20, indexes });
    expect(count(ws.reader())).toBe(3_020);
  });

  it('a second import of the same workspace is told "busy: importing (N%)", and the first one is unharmed', async () => {
    const { ws, big, dir } = setup();
    await importBase(ws);
    const importing = runImport(ws, [big]);
    await whileReading(ws);
    const err = await runImport(ws, [join(dir, 'base.jsonl')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CandorError);
    expect((err as CandorError).code).toBe('BUSY');
    expect((err as CandorError).message).toMatch(/^busy: importing \(\d+%\)\. .*another import is running/);
    await importing;
    expect(count(ws.db)).toBe(3_020);
    // Once it is done, the workspace takes imports again.
    await expect(runImport(ws, [join(dir, 'base.jsonl')])).resolves.toHaveLength(1);
  });

  it('across processes: a second `candor import` and a change during the commit get "busy", never "database is locked"', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const dir = join(t.dir, 'ws');
    expect(runCli(['init', dir, '--name', 'Busy Ltd']).code).toBe(0);
    const base = writeTemp(t.dir, 'base.jsonl', jsonl(makeThreads(10, 'base')));
    expect(runCli(['import', dir, base]).code).toBe(0);
    const big = writeTemp(t.dir, 'big.jsonl', jsonl(makeThreads(1_000, 'big')));
    const mark = (name: string) => join(t.dir, name);
    // A real import in another process, held at two points so the test can act there: after reading its file
    // (before the commit), and inside its commit.
    const script = `import { existsSync, writeFileSync } from 'node:fs';
      import { openWorkspace } from ${JSON.stringify(join(ROOT, 'electron/core/workspace.ts'))};
      import { runImport } from ${JSON.stringify(join(ROOT, 'electron/core/importers/run.ts'))};
      const hold = (go) => { while (!existsSync(go)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); };
      const ws = openWorkspace(${JSON.stringify(dir)});
      let n = 0;
      await runImport(ws, [${JSON.stringify(big)}], {
        beforeCommit: () => { writeFileSync(${JSON.stringify(mark('staged'))}, ''); hold(${JSON.stringify(mark('go-commit'))}); },
        afterThread: () => { if (++n === 100) { writeFileSync(${JSON.stringify(mark('committing'))}, ''); hold(${JSON.stringify(mark('go-on'))}); } },
      });
      ws.close();`;
    const child = spawn(NODE, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'inherit' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const waitFor = async (file: string) => {
      for (let i = 0; i < 24_000 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 5));
      expect(existsSync(file), file).toBe(true);
    };

    await waitFor(mark('staged'));
    const second = runCli(['import', dir, base]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/busy: importing \(\d+%\)\. The import was not done because another import is running \(process \d+\)/);
    expect(second.stderr).not.toMatch(/database is locked|disk I\/O error/);
    writeFileSync(mark('go-commit'), '');

    await waitFor(mark('committing'));
    const ws = openWorkspace(dir);
    cleanups.unshift(() => ws.close());
    const err = (() => { try { decideCurated(ws, { ids: ['base1'] }, { decision: 'publish' }, PUBLISH_GUARDS); return null; } catch (e) { return e; } })();
    expect((err as CandorError).code).toBe('BUSY');
    expect((err as CandorError).message).toMatch(/^busy: importing \(90%\)\. Your change was not done because another import is running/);
    const cli = runCli(['decide', dir, 'base2', 'withhold', '--reason', 'spam']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/busy: importing/);
    expect(cli.stderr).not.toMatch(/database is locked|disk I\/O error/);
    writeFileSync(mark('go-on'), '');

    expect(await exited).toBe(0);
    expect(count(ws.db)).toBe(1_010);
    expect(getThread(ws.db, 'base1')!.decision).toBe('pending');
    // Once the import is done, the same change goes through.
    decideCurated(ws, { ids: ['base1'] }, { decision: 'publish' }, PUBLISH_GUARDS);
    expect(getThread(ws.db, 'base1')!.decision).toBe('publish');
  }, 240_000);

  it('a lock half written by a process killed while writing it stops nobody for ever; a fresh one still says busy', () => {
    const { ws } = setup();
    const lock = join(ws.dir, WRITE_LOCK_FILE);
    // What an older Candor, rewriting its lock in place, left when SIGKILL landed between truncating and writing.
    writeFileSync(lock, '{"pid":12');
    const err = (() => { try { acquireExclusive(ws.dir, 'import'); return null; } catch (e) { return e as CandorError; } })();
    expect(err?.code).toBe('BUSY');
    expect(err?.message).toMatch(/^busy: importing \(0%\)\. The import was not done because another import is running; try/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const taken = acquireExclusive(ws.dir, 'import');
    taken.progress(40, 'reading');
    taken.progress(50, 'commit');
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid, phase: 'commit', percent: 50 });
    taken.release();
    expect(readdirSync(ws.dir).filter((f) => f.startsWith(WRITE_LOCK_FILE))).toEqual([]);
  });

  it('SIGKILL at random points of imports loses nothing committed and leaves the workspace openable', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const dir = join(t.dir, 'ws');
    expect(runCli(['init', dir, '--name', 'Kill Ltd']).code).toBe(0);
    expect(runCli(['import', dir, writeTemp(t.dir, 'base.jsonl', jsonl(makeThreads(30, 'base')))]).code).toBe(0);
    const big = writeTemp(t.dir, 'big.jsonl', jsonl(makeThreads(2_500, 'big')));
    // How long a whole import takes here and now (reading, commit, scan), so the kills land anywhere in it.
    const scratch = join(t.dir, 'scratch');
    expect(runCli(['init', scratch, '--name', 'Scratch']).code).toBe(0);
    const started = Date.now();
    expect(runCli(['import', scratch, big]).code).toBe(0);
    const whole = Date.now() - started;
    const decided: string[] = [];
    const killedAt: number[] = [];
    for (let round = 0; round < 5; round++) {
      const child = spawnCli(['import', dir, big]);
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      const delay = Math.floor(Math.random() * whole);
      killedAt.push(delay);
      // Meanwhile a curator (this process) decides; each decision commits before the kill.
      const ws = openWorkspace(dir);
      try {
        await new Promise((r) => setTimeout(r, delay / 2));
        try {
          decideCurated(ws, { ids: [`base${round}`] }, { decision: 'withhold', reason: 'spam' }, PUBLISH_GUARDS);
          decided.push(`base${round}`);
        } catch (err) {
          // Refused during the import's commit: said so, nothing half done.
          expect((err as CandorError).code).toBe('BUSY');
        }
        await new Promise((r) => setTimeout(r, delay / 2));
        child.kill('SIGKILL');
        await exited;
      } finally {
        ws.close();
      }
      const reopened = openWorkspace(dir);
      try {
        expect((reopened.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
        expect([30, 2_530], `killed after ${killedAt.join(', ')} ms`).toContain(count(reopened.db));
        for (const id of decided) expect(getThread(reopened.db, id)!.decision).toBe('withhold');
      } finally {
        reopened.close();
      }
    }
    // The killed imports left a lock and scratch files behind: the next import takes over and cleans up.
    const last = runCli(['import', dir, big, '--json']);
    expect(last.code, last.stderr).toBe(0);
    const ws = openWorkspace(dir);
    try {
      expect(count(ws.db)).toBe(2_530);
      for (const id of decided) expect(getThread(ws.db, id)!.decision).toBe('withhold');
    } finally {
      ws.close();
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('.candor-import-') || f.startsWith(WRITE_LOCK_FILE))).toEqual([]);
  }, 300_000);
});
