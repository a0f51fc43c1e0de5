import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../electron/core/importers/run.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { tempDir, tempWorkspace, writeTemp } from '../helpers/workspace.ts';
import { counts, fixture, importOne, threadsOf } from './helpers.ts';

let ws: Workspace;
let cleanup: () => void;
let dir: string;
let cleanDir: () => void;
beforeEach(() => {
  ({ ws, cleanup } = tempWorkspace());
  ({ dir, cleanup: cleanDir } = tempDir());
});
afterEach(() => {
  cleanup();
  cleanDir();
});

function indexes(): string[] {
  return (ws.db.prepare("SELECT name || ' ' || sql AS s FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { s: string }[]).map((r) => r.s);
}

function manyThreads(n: number): string {
  const lines = [];
  for (let i = 0; i < n; i++) lines.push(JSON.stringify({ id: `b${i}`, rating: 1 + (i % 5), tags: ['bulk'], messages: [{ id: 'm', author: { role: 'customer' }, sent_at: '2024-01-01T00:00:00Z', body: `message ${i}` }] }));
  return `${lines.join('\n')}\n`;
}

describe('reading on a worker thread', () => {
  it('gives the same records, reports and stored threads as reading on the main thread', async () => {
    const { ws: other, cleanup: done } = tempWorkspace();
    try {
      for (const f of [fixture('zendesk', 'tickets.ndjson'), fixture('trustpilot', 'reviews.csv'), fixture('email', 'support.mbox')]) {
        const [inWorker] = await runImport(ws, [f], { parallelMinBytes: 0, staff: ['@acme.test'] });
        const [onMain] = await runImport(other, [f], { parallel: false, staff: ['@acme.test'] });
        expect(inWorker).toEqual(onMain);
      }
      expect(threadsOf(ws)).toEqual(threadsOf(other));
    } finally {
      done();
    }
  });

  it('passes rejected records and fatal errors through with their locations', async () => {
    const report = await importOne(ws, fixture('zendesk', 'tickets-bad.ndjson'), { format: 'zendesk', parallelMinBytes: 0 });
    expect(report.rejected.map((r) => r.location)).toEqual(['tickets-bad.ndjson line 2', 'tickets-bad.ndjson line 3', 'tickets-bad.ndjson line 4', 'tickets-bad.ndjson line 5']);
    await expect(importOne(ws, fixture('zendesk', 'comments-by-ticket.json'), { format: 'zendesk', parallelMinBytes: 0 })).rejects.toMatchObject({ code: 'COMPANION_FILE' });
    const mapping = { layout: 'message-per-row', columns: { threadId: 'Ticket', sentAt: 'Nope', role: 'From type', body: 'Message' } };
    await expect(importOne(ws, fixture('csv', 'messages.csv'), { mapping, parallelMinBytes: 0 })).rejects.toMatchObject({ code: 'BAD_MAPPING' });
    expect(counts(ws).threads).toBe(1);
  });

  it('carries on on the main thread, without losing or repeating a record, when the worker runs out of memory', async () => {
    // One JSON document holding 3,000 threads: parsing it whole needs more than a 4 MB worker heap.
    const doc = JSON.stringify({ threads: manyThreads(3_000).trim().split('\n').map((l) => JSON.parse(l) as unknown) });
    const report = await importOne(ws, writeTemp(dir, 'big.json', doc), { parallelMinBytes: 0, workerHeapMb: 4 });
    expect(report).toMatchObject({ threadsCreated: 3_000, rejected: [] });
    expect(counts(ws)).toEqual({ threads: 3_000, messages: 3_000 });
  });

  it('…also half-way through a stream, from the record after the last one it handed over', async () => {
    const huge = JSON.stringify({ id: 'huge', messages: [{ author: { role: 'customer' }, sent_at: '2024-01-01T00:00:00Z', body: 'x'.repeat(12 * 1024 * 1024) }] });
    const path = writeTemp(dir, 'mixed.jsonl', `${manyThreads(1_000)}${huge}\n${manyThreads(10).replace(/"b(\d+)"/g, '"c$1"')}`);
    let stored = 0;
    const report = await importOne(ws, path, { parallelMinBytes: 0, workerHeapMb: 16, afterThread: () => { stored++; } });
    expect(report).toMatchObject({ threadsCreated: 1_011, rejected: [] });
    expect(stored).toBe(1_011); // each record stored once: none lost, none repeated
  });
});

describe('bulk imports', () => {
  it('rebuild the search indexes they set aside, exactly as they were', async () => {
    const before = indexes();
    const report = await importOne(ws, writeTemp(dir, 'bulk.jsonl', manyThreads(2_500)));
    expect(report.threadsCreated).toBe(2_500);
    expect(indexes()).toEqual(before);
    expect(ws.db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  });

  it('a bulk import that fails leaves the workspace and its indexes as they were', async () => {
    await importOne(ws, fixture('google', 'reviews.json'));
    const before = indexes();
    let stored = 0;
    const err = await runImport(ws, [writeTemp(dir, 'bulk.jsonl', manyThreads(2_500))], {
      afterThread: () => {
        if (++stored === 2_400) throw new Error('power cut');
      },
    }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/nothing was changed: power cut/);
    expect(indexes()).toEqual(before);
    expect(counts(ws)).toEqual({ threads: 4, messages: 6 });
  });
});
