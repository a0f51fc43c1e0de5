import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../electron/core/workspace.ts';
import { BLNS, tempDir, tempWorkspace, writeTemp } from '../helpers/workspace.ts';
import { importOne, thread } from './helpers.ts';

// Every string of the Big List of Naughty Strings, as a subject and as a body, through the importers that keep text
// as written (Candor's own format, CSV with a mapping, Zendesk plain-text comments), back out of the store byte-exact.

let ws: Workspace;
let dir: string;
const cleanups: (() => void)[] = [];
beforeAll(() => {
  const w = tempWorkspace();
  ws = w.ws;
  const t = tempDir();
  dir = t.dir;
  cleanups.push(w.cleanup, t.cleanup);
});
afterAll(() => { while (cleanups.length) cleanups.pop()!(); });

function csvCell(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function expectAllBack(source: string, idOf: (i: number) => string, emptySubject: string | null = '') {
  const broken: number[] = [];
  BLNS.forEach((s, i) => {
    const t = thread(ws, source, idOf(i));
    if (t.subject !== (s === '' ? emptySubject : s) || t.messages[0]!.body !== s) broken.push(i);
  });
  expect(broken.map((i) => JSON.stringify(BLNS[i]))).toEqual([]);
}

describe('the Big List of Naughty Strings survives import', () => {
  it('has the corpus', () => {
    expect(BLNS.length).toBeGreaterThan(500);
  });

  it('through Candor JSON Lines', async () => {
    const lines = BLNS.map((s, i) => JSON.stringify({ id: `n${i}`, source: 'blns-json', subject: s, messages: [{ id: 'm', author: { role: 'customer' }, sent_at: '2024-01-01T00:00:00Z', body: s }] }));
    const report = await importOne(ws, writeTemp(dir, 'blns.jsonl', `${lines.join('\n')}\n`));
    expect(report).toMatchObject({ threadsCreated: BLNS.length, rejected: [] });
    expectAllBack('blns-json', (i) => `n${i}`);
  });

  it('through CSV with a mapping', async () => {
    const rows = BLNS.map((s, i) => `c${i},2024-01-01T00:00:00Z,${csvCell(s)},${csvCell(s)}`);
    const path = writeTemp(dir, 'blns.csv', `id,sent,subject,body\n${rows.join('\n')}\n`);
    const report = await importOne(ws, path, { format: 'csv', mapping: { source: 'blns-csv', layout: 'thread-per-row', columns: { threadId: 'id', sentAt: 'sent', subject: 'subject', body: 'body' } } });
    expect(report).toMatchObject({ threadsCreated: BLNS.length, rejected: [] });
    // In a CSV an empty cell is no value at all (docs/formats/csv-mapping.md), so the empty string is no subject.
    expectAllBack('blns-csv', (i) => `c${i}`, null);
  });

  it('through Zendesk plain-text comments', async () => {
    const tickets = BLNS.map((s, i) => ({ id: 100_000 + i, subject: s, requester_id: 1, created_at: '2024-01-01T00:00:00Z', comments: [{ id: i, author_id: 1, body: s, public: true, created_at: '2024-01-01T00:00:00Z' }] }));
    const report = await importOne(ws, writeTemp(dir, 'blns-zendesk.json', JSON.stringify({ tickets })), { format: 'zendesk' });
    expect(report).toMatchObject({ threadsCreated: BLNS.length, rejected: [] });
    expectAllBack('zendesk', (i) => String(100_000 + i));
  });
});
