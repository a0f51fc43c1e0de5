import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { CandorError } from '../../electron/core/errors.ts';
import { migrate, openDatabase, schemaVersion } from '../../electron/core/db/open.ts';
import { latestVersion, migrations } from '../../electron/core/db/migrations/index.ts';
import { initWorkspace, openWorkspace } from '../../electron/core/workspace.ts';
import { tempDir } from '../helpers/workspace.ts';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });
function tmp() { const t = tempDir(); cleanups.push(t.cleanup); return t.dir; }

function errorOf(fn: () => unknown): CandorError {
  try { fn(); } catch (err) { if (err instanceof CandorError) return err; throw err; }
  throw new Error('expected a CandorError');
}

describe('workspace', () => {
  it('init creates the database, evidence folder and workspace.json with the organisation name', () => {
    const dir = join(tmp(), 'acme');
    const ws = initWorkspace(dir, { name: 'Acme Ltd' });
    try {
      expect(existsSync(join(dir, 'candor.sqlite'))).toBe(true);
      expect(existsSync(join(dir, 'evidence'))).toBe(true);
      const meta = JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8'));
      expect(meta).toMatchObject({ format: 'candor-workspace', formatVersion: 1, name: 'Acme Ltd' });
      const pragma = (sql: string) => Object.values(ws.db.prepare(sql).get() as object)[0];
      expect(pragma('PRAGMA journal_mode')).toBe('wal');
      expect(pragma('PRAGMA foreign_keys')).toBe(1);
      expect(pragma('PRAGMA busy_timeout')).toBe(5000);
      expect(schemaVersion(ws.db)).toBe(latestVersion);
    } finally { ws.close(); }
  });

  it('refuses to create a workspace in a folder that has other files', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(errorOf(() => initWorkspace(dir, { name: 'X' })).code).toBe('FOLDER_NOT_EMPTY');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('says so when a folder is not a workspace', () => {
    const dir = tmp();
    const err = errorOf(() => openWorkspace(dir));
    expect(err.code).toBe('NOT_A_WORKSPACE');
    expect(err.message).toContain('not a Candor workspace');
  });

  it('refuses a database newer than the app with a clear message', () => {
    const dir = join(tmp(), 'ws');
    initWorkspace(dir, { name: 'Acme' }).close();
    const db = new DatabaseSync(join(dir, 'candor.sqlite'));
    db.exec(`PRAGMA user_version = ${latestVersion + 1000}`);
    db.close();
    const err = errorOf(() => openWorkspace(dir));
    expect(err.code).toBe('WORKSPACE_TOO_NEW');
    expect(err.message).toMatch(/newer version of Candor/);
  });

  it('runs pending migrations in one transaction: a failing one leaves the database untouched', () => {
    const file = join(tmp(), 'm.sqlite');
    const good = { version: 10, name: 'a', up: (db: DatabaseSync) => db.exec('CREATE TABLE a (x)') };
    const bad = { version: 20, name: 'b', up: (db: DatabaseSync) => { db.exec('CREATE TABLE b (x)'); throw new Error('boom'); } };
    const db = new DatabaseSync(file);
    expect(() => migrate(db, [good, bad])).toThrow(/Nothing was changed/);
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('a','b')").get()).toEqual({ n: 0 });
    expect(migrate(db, [good])).toBe(10);
    expect(schemaVersion(db)).toBe(10);
    db.close();
  });

  it('numbers migrations in steps of 10, strictly increasing, one file each', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions[0]).toBe(10);
    for (const v of versions) expect(v % 10).toBe(0);
    expect(new Set(versions).size).toBe(versions.length);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('after an unclean shutdown the next open runs the integrity check and reports the recovery', () => {
    const dir = join(tmp(), 'ws');
    initWorkspace(dir, { name: 'Acme' }).close();
    // A session file naming a process that no longer exists is what a crash leaves behind.
    writeFileSync(join(dir, '.candor-session'), '999999999');
    const ws = openWorkspace(dir);
    expect(ws.recoveredFromCrash).toBe(true);
    ws.close();
    const again = openWorkspace(dir);
    expect(again.recoveredFromCrash).toBe(false);
    again.close();
  });

  it('a corrupt database is refused after a crash instead of being used', () => {
    const dir = join(tmp(), 'ws');
    const ws = initWorkspace(dir, { name: 'Acme' });
    ws.db.exec('CREATE TABLE filler (x TEXT)');
    const ins = ws.db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) ins.run('x'.repeat(200));
    ws.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    ws.close();
    const file = join(dir, 'candor.sqlite');
    const bytes = readFileSync(file);
    // Scribble over interior pages (not the header) so the file still opens but its b-trees are broken.
    for (let i = 8192; i < bytes.length - 4096; i += 4096) bytes.fill(0xa5, i + 8, i + 64);
    writeFileSync(file, bytes);
    writeFileSync(join(dir, '.candor-session'), '999999999');
    expect(() => openWorkspace(dir)).toThrow(CandorError);
  });

  it('openDatabase applies every migration to a fresh file', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'x'));
    const db = openDatabase(join(dir, 'x', 'db.sqlite'));
    expect(schemaVersion(db)).toBe(latestVersion);
    db.close();
  });
});
