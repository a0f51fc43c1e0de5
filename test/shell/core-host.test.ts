import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreWorker } from '../../electron/core/host-client.ts';
import type { HostClient } from '../../electron/core/host-client.ts';
import type { ProgressEvent } from '../../electron/shared/contract.ts';
import { candorLine } from '../bench/import.bench.ts';

// The real core host (electron/core/host.ts) on a worker thread, driven through the contract as the desktop app's
// main process and `npm run web` drive it: no mock. What a person notices: the window is answered while a large
// import runs, an import can be cancelled and leaves nothing, two windows (tabs) keep their own workspace, and a
// call made for a workspace that has since been closed is refused instead of landing in another one.

const THREADS = 6_000;
let dir: string;
let file: string;
let host: HostClient & { worker: unknown };

async function writeImport(path: string, n: number): Promise<void> {
  let s = 7;
  const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) if (!out.write(candorLine(i, 5, 25, r))) await new Promise<void>((ok) => out.once('drain', () => ok()));
  await new Promise<void>((ok) => out.end(() => ok()));
}

async function value<T>(session: string, channel: string, request: unknown): Promise<T> {
  const { result } = await host.call(session, channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

function firstProgress(session: string, job: string): Promise<ProgressEvent> {
  return new Promise((resolve) => {
    const off = host.onProgress((s, e) => {
      if (s === session && e.job === job) {
        off();
        resolve(e);
      }
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'candor-host-'));
  file = join(dir, 'threads.jsonl');
  await writeImport(file, THREADS);
  host = startCoreWorker();
  await host.ready;
}, 60_000);

afterAll(async () => {
  await host.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe('the core host on its own thread', () => {
  it('answers reads while a large import runs, then finishes the import', async () => {
    await value('w1', 'workspace.init', { dir: join(dir, 'busy'), name: 'Busy Ltd' });
    const started = firstProgress('w1', 'import');
    let importDone = false;
    const importing = host.call('w1', 'imports.run', { files: [file] }).then((a) => {
      importDone = true;
      return a;
    });
    await started;
    const current = await value<{ name: string }>('w1', 'workspace.current', {});
    // The read came back while the import was still running: the host did not wait for it.
    expect(importDone).toBe(false);
    expect(current.name).toBe('Busy Ltd');
    const imported = await importing;
    expect(imported.result).toMatchObject({ ok: true });
    const page = await value<{ total: number }>('w1', 'threads.search', { limit: 1 });
    expect(page.total).toBe(THREADS);
  }, 120_000);

  it('cancels an import when asked (app.cancel), keeping nothing of it', async () => {
    await value('w2', 'workspace.init', { dir: join(dir, 'cancel'), name: 'Cancel Ltd' });
    const started = firstProgress('w2', 'import');
    const importing = host.call('w2', 'imports.run', { files: [file] });
    await started;
    expect(await value<{ cancelled: number }>('w2', 'app.cancel', { job: 'import' })).toEqual({ cancelled: 1 });
    const { result } = await importing;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect((await value<{ total: number }>('w2', 'threads.search', { limit: 1 })).total).toBe(0);
    // Nothing long is running now: a cancel stops nothing (not even itself).
    expect(await value('w2', 'app.cancel', {})).toEqual({ cancelled: 0 });
  }, 120_000);

  it('keeps one workspace per session, and refuses a call made for a workspace that is no longer open', async () => {
    const a = await host.call('tab-a', 'workspace.init', { dir: join(dir, 'a'), name: 'Alpha' });
    const b = await host.call('tab-b', 'workspace.init', { dir: join(dir, 'b'), name: 'Beta' });
    expect(a.workspace?.dir).toBe(join(dir, 'a'));
    expect(b.workspace?.dir).toBe(join(dir, 'b'));
    // Tab B opening its workspace changed nothing in tab A.
    expect((await value<{ name: string }>('tab-a', 'workspace.current', {})).name).toBe('Alpha');
    expect((await value<{ name: string }>('tab-b', 'workspace.current', {})).name).toBe('Beta');
    const forAlpha = { workspace: a.workspace!.id };
    expect((await host.call('tab-a', 'workspace.current', {}, forAlpha)).result).toMatchObject({ ok: true, value: { name: 'Alpha' } });

    // Tab A now opens Beta's folder: a call still made for Alpha is refused and changes nothing.
    const switched = await host.call('tab-a', 'workspace.open', { dir: join(dir, 'b') });
    expect(switched.workspace?.id).not.toBe(a.workspace!.id);
    const stale = await host.call('tab-a', 'threads.decide', { target: { ids: ['x'] }, decision: 'publish' }, forAlpha);
    expect(stale.result).toMatchObject({ ok: false, error: { code: 'WORKSPACE_CHANGED' } });
    expect(stale.result.ok ? '' : stale.result.error.message).toContain(join(dir, 'b'));
    expect(stale.workspace?.id).toBe(switched.workspace?.id);

    // The recent list is the person's, shared by every tab (as the desktop app keeps one).
    await value('tab-a', 'app.recent.add', { dir: join(dir, 'a'), name: 'Alpha' });
    expect(await value('tab-b', 'app.recent.list', {})).toMatchObject({ workspaces: [{ dir: join(dir, 'a'), name: 'Alpha' }] });

    // An ended session's workspace is closed; the other session goes on.
    host.endSession('tab-a');
    expect((await value<{ name: string }>('tab-b', 'workspace.current', {})).name).toBe('Beta');
    expect(await value<unknown>('tab-a', 'workspace.current', {})).toBeNull();
  }, 60_000);

  it('answers every call with CORE_GONE once the host has stopped', async () => {
    const other = startCoreWorker();
    await other.ready;
    await other.worker.terminate();
    const { result } = await other.call('s', 'workspace.current', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'CORE_GONE' } });
  });
});
