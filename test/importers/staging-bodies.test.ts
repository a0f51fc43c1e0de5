import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Workspace } from '../../electron/core/workspace.ts';
import { BLNS, tempDir, tempWorkspace, writeTemp } from '../helpers/workspace.ts';
import { importOne, thread } from './helpers.ts';

// Staging keeps message bodies apart from the rest of a record (staging.ts). Read on the reader worker, several
// bodies of one conversation must come back each whole and in its place: long ones, empty ones, the naughty strings
// (NUL, emoji, right-to-left text), and a lone surrogate, which SQLite has always stored as U+FFFD.

let ws: Workspace;
let cleanup: () => void;
let dir: string;
let cleanupDir: () => void;
beforeEach(() => {
  ({ ws, cleanup } = tempWorkspace());
  ({ dir, cleanup: cleanupDir } = tempDir());
});
afterEach(() => {
  cleanup();
  cleanupDir();
});

it('every body of a conversation read on the worker comes back whole and in its place', async () => {
  const long = BLNS.join(' ').repeat(3);
  const bodies = [long, '', ...BLNS.slice(0, 200), 'before \ud800 after', '\u0000', long.slice(0, 1001)];
  const messages = bodies.map((body, i) => ({ id: `m${i}`, author: { role: i % 2 ? 'staff' : 'customer' }, sent_at: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(), body }));
  const line = JSON.stringify({ id: 'T1', subject: 'naughty', messages });
  const report = await importOne(ws, writeTemp(dir, 'bodies.jsonl', `${line}\n${line.replace('"T1"', '"T2"')}\n`), { parallelMinBytes: 0 });
  expect(report).toMatchObject({ threadsCreated: 2, rejected: [] });
  const expected = bodies.map((b) => b.replace('\ud800', '\ufffd'));
  for (const id of ['T1', 'T2']) expect(thread(ws, 'candor', id).messages.map((m) => m.body)).toEqual(expected);
});
