import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import type { Core } from '../../electron/core/index.ts';
import { importClaims } from '../../electron/core/claims/import.ts';
import { listClaims } from '../../electron/core/claims/store.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import { listAudit } from '../../electron/core/store/audit.ts';
import { acquireExclusive, WRITE_LOCK_FILE } from '../../electron/core/store/writer.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import type { ProgressEvent } from '../../electron/shared/contract.ts';
import { spawnCli, tempWorkspace, writeTemp } from '../helpers/workspace.ts';

// Issue 16 point 1: importing claims is a long job like importing conversations. It reports how far it is, can be
// stopped with nothing stored, and holds the workspace's lock, so another import or a build is told "busy" instead of
// waiting. The claims are the real fixture's (test/fixtures/claims/claims.json, with its two evidence files), many
// times over under new ids, so that there is a midway to stop at.

const FIXTURE = resolve('test/fixtures/claims/claims.json');
const FIXTURE_CLAIMS = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { claims: { id: string }[] }).claims;
const THREADS = resolve('test/fixtures/threads/sample.jsonl');

let ws: Workspace;
let core: Core;
let cleanup: () => void;
beforeEach(() => {
  const w = tempWorkspace();
  ws = w.ws;
  core = createCore({ workspace: ws });
  cleanup = () => { core.close(); w.cleanup(); };
});
afterEach(() => cleanup());

/** The fixture's claims `copies` times over (ids NW-001-1, NW-001-2...); evidence is read from the fixture's folder. */
function bigFile(copies: number): string {
  const claims = Array.from({ length: copies }, (_, n) => FIXTURE_CLAIMS.map((c) => ({ ...c, id: `${c.id}-${n + 1}` }))).flat();
  // Beside the workspace folder, in the temporary folder removed with it.
  return writeTemp(dirname(ws.dir), 'claims.json', JSON.stringify({ claims }));
}

const request = (file: string) => ({ files: [file], evidenceDir: dirname(FIXTURE) });
const evidenceFiles = () => (existsSync(join(ws.dir, 'evidence')) ? readdirSync(join(ws.dir, 'evidence')) : []);

/** Runs the import as the app does (the claims.import channel), with what it reports. */
async function importInApp(file: string, onEvent: (e: ProgressEvent) => void = () => {}, signal?: AbortSignal) {
  const events: ProgressEvent[] = [];
  const off = core.onProgress((e) => {
    events.push(e);
    onEvent(e);
  });
  try {
    return { result: await core.dispatch('claims.import', request(file), { signal }), events };
  } finally {
    off();
  }
}

describe('importing claims as a long job', () => {
  it('reports progress that only goes up: claims read, then evidence files hashed, then storing', async () => {
    const { result, events } = await importInApp(bigFile(40));
    expect(result).toMatchObject({ ok: true, value: { reports: [{ claimsCreated: 520, rejected: [] }] } });
    expect(events.every((e) => e.job === 'claims.import')).toBe(true);
    expect(events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1])).toEqual(['reading', 'evidence', 'storing']);
    // Each phase counts up to its own total: 520 claims; the evidence files the fixture's claims name, 40 times over.
    const evidence = 40 * FIXTURE_CLAIMS.reduce((n, c) => n + ((c as { evidence?: { file?: string }[] }).evidence ?? []).filter((e) => e.file).length, 0);
    const totals = { reading: 520, evidence, storing: 520 } as Record<string, number>;
    const units = { reading: 'claims', evidence: 'files', storing: 'claims' } as Record<string, string>;
    for (const phase of ['reading', 'evidence', 'storing']) {
      const mine = events.filter((e) => e.phase === phase && e.total > 0);
      expect(mine.length, phase).toBeGreaterThan(0);
      mine.forEach((e, i) => {
        expect(e).toMatchObject({ total: totals[phase], unit: units[phase] });
        if (i > 0) expect(e.done).toBeGreaterThanOrEqual(mine[i - 1]!.done);
      });
      expect(mine.at(-1)!.done, phase).toBe(totals[phase]);
    }
    expect(events.filter((e) => e.phase === 'reading' && e.total > 0).length).toBeGreaterThan(4);
    expect(listClaims(ws.db)).toHaveLength(520);
    expect(existsSync(join(ws.dir, WRITE_LOCK_FILE))).toBe(false);
  });

  it('Cancel midway stores nothing, removes the evidence it copied, and says so', async () => {
    const stop = new AbortController();
    const { result, events } = await importInApp(bigFile(40), (e) => {
      if (e.phase === 'evidence' && e.done > e.total / 2) stop.abort();
    }, stop.signal);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'CANCELLED', message: 'The claims import was cancelled. Nothing it was doing was kept.' }) });
    // It stopped midway: evidence had been hashed (and copied) before it did.
    expect(events.some((e) => e.phase === 'evidence')).toBe(true);
    expect(events.some((e) => e.phase === 'storing')).toBe(false);
    expect(listClaims(ws.db)).toEqual([]);
    expect(listAudit(ws.db, {})).toEqual([]);
    expect(evidenceFiles()).toEqual([]);
    expect(existsSync(join(ws.dir, WRITE_LOCK_FILE))).toBe(false);
    // The workspace is free again: the same file imports whole.
    expect(await core.dispatch('claims.import', request(bigFile(1)))).toMatchObject({ ok: true, value: { reports: [{ claimsCreated: 13 }] } });
  });

  it('app.cancel stops it the way the app\'s Cancel button does', async () => {
    const { result } = await importInApp(bigFile(20), (e) => {
      if (e.total > 0) void core.dispatch('app.cancel', { job: 'claims.import' });
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(listClaims(ws.db)).toEqual([]);
  });

  it('a conversation import during a claims import is told busy, with how far the claims import is', async () => {
    const other = openWorkspace(ws.dir);
    let meanwhile: Promise<unknown> | null = null;
    try {
      const { result } = await importInApp(bigFile(20), (e) => {
        if (e.phase === 'evidence' && !meanwhile) meanwhile = runImport(other, [THREADS]).catch((err: unknown) => err);
      });
      expect(result).toMatchObject({ ok: true });
      const refused = await meanwhile;
      expect(refused).toMatchObject({ code: 'BUSY', message: expect.stringMatching(/^busy: importing claims \(\d+%\)\. The import was not done because another import is running; try again when it has finished\.$/) });
      expect((other.db.prepare('SELECT count(*) AS n FROM threads').get() as { n: number }).n).toBe(0);
    } finally {
      other.close();
    }
  });

  it('reads a path typed in the app as the conversation import does: relative to the documents folder', async () => {
    bigFile(1);
    const app = createCore({ workspace: ws, documentsDir: () => dirname(ws.dir) });
    expect(await app.dispatch('claims.import', { files: ['claims.json'], evidenceDir: dirname(FIXTURE) })).toMatchObject({ ok: true, value: { reports: [{ file: join(dirname(ws.dir), 'claims.json'), claimsCreated: 13 }] } });
  });

  it('a claims import while conversations are being imported is told busy and changes nothing', async () => {
    const lock = acquireExclusive(ws.dir, 'import');
    try {
      lock.progress(42);
      await expect(importClaims(ws, [FIXTURE])).rejects.toMatchObject({ code: 'BUSY', message: expect.stringMatching(/^busy: importing \(42%\)\. The claims import was not done/) });
    } finally {
      lock.release();
    }
    expect(listClaims(ws.db)).toEqual([]);
  });
});

describe('candor claims import and Ctrl-C', { timeout: 120_000 }, () => {
  it('stops at SIGINT with exit 1, says nothing was stored, and stores nothing', async () => {
    const file = bigFile(300);
    const dir = ws.dir;
    const child = spawnCli(['claims', 'import', dir, file, '--evidence-dir', dirname(FIXTURE)]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // The lock is taken once the command listens for Ctrl-C: from then on SIGINT is the command's to answer.
    while (!existsSync(join(dir, WRITE_LOCK_FILE))) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    expect(await exited).toBe(1);
    expect(stderr).toMatch(/The claims import was cancelled\. Nothing it was doing was kept\./);
    expect(listClaims(ws.db)).toEqual([]);
    expect(evidenceFiles()).toEqual([]);
    expect(existsSync(join(dir, WRITE_LOCK_FILE))).toBe(false);
  });
});

describe('checking many claims (claims.lint) as a long job', () => {
  it('reports how many claims are checked, finds what checking them one by one finds, and can be stopped', async () => {
    expect(await core.dispatch('claims.import', request(bigFile(20)))).toMatchObject({ ok: true });
    const events: ProgressEvent[] = [];
    const off = core.onProgress((e) => events.push(e));
    const all = await core.dispatch('claims.lint', { asOf: '2026-10-01' }) as { ok: true; value: { findings: { claim: string; rule: string }[] } };
    off();
    expect(events.map((e) => e.done)).toEqual([50, 100, 150, 200, 250]);
    expect(events.at(-1)).toMatchObject({ job: 'claims.lint', total: 260, message: '250 of 260 claims checked' });
    const one = await core.dispatch('claims.lint', { asOf: '2026-10-01', ids: ['NW-012-7'] }) as typeof all;
    expect(all.value.findings.filter((f) => f.claim === 'NW-012-7')).toEqual(one.value.findings);
    const stopping = core.onProgress(() => void core.dispatch('app.cancel', { job: 'claims.lint' }));
    expect(await core.dispatch('claims.lint', { asOf: '2026-10-01' })).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'The check of the claims was cancelled. Nothing it was doing was kept.' } });
    stopping();
  });
});
