import { copyFileSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { CandorError } from '../../electron/core/errors.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { NODE, ROOT, jsonl, makeThreads, runCli, tempDir, writeTemp } from '../helpers/workspace.ts';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function workspace(name = 'ws'): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const dir = join(t.dir, name);
  expect(runCli(['init', dir, '--name', 'Health Ltd']).code).toBe(0);
  expect(runCli(['import', dir, writeTemp(t.dir, 'threads.jsonl', jsonl(makeThreads(5)))]).code).toBe(0);
  return dir;
}

function openError(dir: string): CandorError {
  try {
    openWorkspace(dir).close();
  } catch (err) {
    if (err instanceof CandorError) return err;
    throw err;
  }
  throw new Error('expected the workspace to be refused');
}

const auditWarnings = (dir: string) => {
  const ws = openWorkspace(dir);
  try {
    return (ws.db.prepare("SELECT after FROM audit_log WHERE action = 'workspace.warning' ORDER BY rowid").all() as { after: string }[]).map((r) => (JSON.parse(r.after) as { code: string }).code);
  } finally {
    ws.close();
  }
};

describe('a workspace whose database is missing or empty is damaged, never a fresh start', () => {
  for (const [what, damage] of [['empty (0 bytes)', (f: string) => writeFileSync(f, '')], ['missing', (f: string) => rmSync(f)]] as const) {
    it(`candor.sqlite ${what}: "damaged, restore from backup", exit 1, nothing created in its place`, () => {
      const dir = workspace();
      const db = join(dir, 'candor.sqlite');
      damage(db);
      const err = openError(dir);
      expect(err.code).toBe('WORKSPACE_DAMAGED');
      expect(err.message).toMatch(/is damaged: its database candor\.sqlite is (empty \(0 bytes\)|missing)\. Restore candor\.sqlite from a backup/);
      const cli = runCli(['threads', dir]);
      expect(cli.code).toBe(1);
      expect(cli.stderr).toMatch(/damaged.*Restore candor\.sqlite from a backup/);
      // Still exactly as damaged as it was: no empty database that a build would publish.
      expect(existsSync(db) ? statSync(db).size : -1).toBe(what === 'missing' ? -1 : 0);
    });
  }
});

describe('a database not as Candor left it is reported', () => {
  it('opening and closing normally reports nothing', () => {
    const dir = workspace();
    for (let i = 0; i < 3; i++) {
      const ws = openWorkspace(dir);
      ws.db.exec("UPDATE threads SET decision_note = 'seen' WHERE rowid = 1");
      expect(ws.warnings).toEqual([]);
      ws.close();
    }
    expect(runCli(['threads', dir]).stderr).toBe('');
  });

  it('a database changed by another program since the last close: warned on open, on stderr, and in the audit log', () => {
    const dir = workspace();
    const db = new DatabaseSync(join(dir, 'candor.sqlite'));
    db.exec("UPDATE threads SET subject = 'edited behind Candor''s back' WHERE rowid = 1");
    db.close();
    const cli = runCli(['threads', dir]);
    expect(cli.code).toBe(0);
    expect(cli.stderr).toMatch(/^warning: candor\.sqlite was changed by something other than Candor since it was last closed/);
    expect(auditWarnings(dir)).toEqual(['CHANGED_OUTSIDE']);
    // Said once: the next session starts from what Candor itself closed.
    expect(runCli(['threads', dir]).stderr).toBe('');
  });

  it('a database swapped for another workspace\'s is named as replaced', () => {
    const dir = workspace('a');
    const other = workspace('b');
    copyFileSync(join(other, 'candor.sqlite'), join(dir, 'candor.sqlite'));
    const ws = openWorkspace(dir);
    try {
      expect(ws.warnings.map((w) => w.code)).toEqual(['DATABASE_REPLACED']);
      expect(ws.warnings[0]!.message).toMatch(/is not the database this workspace had when it was last closed/);
    } finally {
      ws.close();
    }
  });

  it('a crash whose write-ahead log then went missing: the possible loss is reported', () => {
    const dir = workspace();
    // A process that decides, then dies without closing: its committed change is in candor.sqlite-wal.
    const script = `import { openWorkspace } from ${JSON.stringify(join(ROOT, 'electron/core/workspace.ts'))};
      const ws = openWorkspace(${JSON.stringify(dir)});
      ws.db.exec("UPDATE threads SET decision_note = 'late change' WHERE rowid = 1");
      process.kill(process.pid, 'SIGKILL');`;
    const r = spawnSync(NODE, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(join(dir, 'candor.sqlite-wal'))).toBe(true);
    rmSync(join(dir, 'candor.sqlite-wal'));
    rmSync(join(dir, 'candor.sqlite-shm'), { force: true });
    const cli = runCli(['threads', dir]);
    expect(cli.code).toBe(0);
    expect(cli.stderr).toMatch(/^warning: The workspace was not closed cleanly and its write-ahead log \(candor\.sqlite-wal\) is gone/);
    expect(auditWarnings(dir)).toEqual(['WAL_MISSING']);
  });

  it('a crash with its write-ahead log in place recovers the committed change and warns of nothing', () => {
    const dir = workspace();
    const script = `import { openWorkspace } from ${JSON.stringify(join(ROOT, 'electron/core/workspace.ts'))};
      const ws = openWorkspace(${JSON.stringify(dir)});
      ws.db.exec("UPDATE threads SET decision_note = 'late change' WHERE rowid = 1");
      process.kill(process.pid, 'SIGKILL');`;
    expect(spawnSync(NODE, ['--input-type=module', '-e', script], { cwd: ROOT }).signal).toBe('SIGKILL');
    const ws = openWorkspace(dir);
    try {
      expect(ws.recoveredFromCrash).toBe(true);
      expect(ws.warnings).toEqual([]);
      expect(ws.db.prepare('SELECT decision_note FROM threads WHERE rowid = 1').get()).toEqual({ decision_note: 'late change' });
    } finally {
      ws.close();
    }
  });
});
