import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { getThread } from '../../electron/core/store/threads.ts';
import { jsonl, makeThreads, runCli, spawnCli, tempDir, writeTemp } from '../helpers/workspace.ts';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

describe('crash safety', () => {
  it('SIGKILL in the middle of a large import leaves the workspace with none or all of it, and earlier data intact', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const ws = join(t.dir, 'ws');
    expect(runCli(['init', ws, '--name', 'Crash Test']).code).toBe(0);
    const base = writeTemp(t.dir, 'base.jsonl', jsonl(makeThreads(50, 'base')));
    expect(runCli(['import', ws, base]).code).toBe(0);
    const big = writeTemp(t.dir, 'big.jsonl', jsonl(makeThreads(10_000, 'big')));

    const child = spawnCli(['import', ws, big]);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ? null : code)));
    // Kill once the import is really writing: the WAL file grows past its first pages.
    const wal = join(ws, 'candor.sqlite-wal');
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      if (existsSync(wal) && statSync(wal).size > 2_000_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    const code = await exited;
    expect(code).toBeNull(); // it was killed, not finished

    const reopened = openWorkspace(ws);
    let n: number;
    try {
      expect(reopened.recoveredFromCrash).toBe(true);
      n = (reopened.db.prepare('SELECT count(*) AS n FROM threads').get() as { n: number }).n;
      expect([50, 10_050]).toContain(n);
      const integrity = reopened.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
      expect(integrity.integrity_check).toBe('ok');
      expect(getThread(reopened.db, 'base49')!.messages).toHaveLength(3);
    } finally {
      reopened.close();
    }
    // And the interrupted import can simply be run again.
    const again = runCli(['import', ws, big, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).threadsCreated).toBe(10_050 - n);
  }, 300_000);
});
