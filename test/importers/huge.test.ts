import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CandorError } from '../../electron/core/errors.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { jsonl, makeThreads, tempWorkspace } from '../helpers/workspace.ts';
import { counts } from './helpers.ts';

// Huge records (issue 14.8): one record larger than the limit is refused at once, naming it, and nothing is imported.
// The limit is lowered to 1 MB here so the files stay small; how fast a 1 GB line is refused is measured by
// `npm run bench` (test/bench/import-huge.bench.ts), not timed here.

const LIMIT = 1024 * 1024;
let ws: Workspace;
let cleanup: () => void;
beforeAll(() => { process.env.CANDOR_MAX_RECORD_BYTES = String(LIMIT); });
afterAll(() => { delete process.env.CANDOR_MAX_RECORD_BYTES; });
beforeEach(() => ({ ws, cleanup } = tempWorkspace()));
afterEach(() => cleanup());

async function failure(paths: string[], options = {}): Promise<CandorError> {
  const err = await runImport(ws, paths, options).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(CandorError);
  return err as CandorError;
}

describe('records larger than the limit', () => {
  it('a JSON Lines line is refused by its number; nothing is imported', async () => {
    const threads = makeThreads(3);
    threads[1]!.messages[0]!.body = 'x'.repeat(2 * LIMIT);
    const file = join(ws.dir, 'threads.jsonl');
    writeFileSync(file, jsonl(threads));
    const err = await failure([file]);
    expect(err.code).toBe('RECORD_TOO_LARGE');
    expect(err.message).toMatch(/threads\.jsonl line 2: a single record of more than 1\.0 MB/);
    expect(counts(ws)).toEqual({ threads: 0, messages: 0 });
  });

  it('a file that is one long line (no line breaks at all) is refused the same way', async () => {
    const file = join(ws.dir, 'one-line.json');
    writeFileSync(file, `{"threads":[${'{"id":"a"},'.repeat(LIMIT / 5)}{"id":"b"}]}`);
    const err = await failure([file], { format: 'json' });
    expect(err.message).toMatch(/one-line\.json (line 1|: one JSON document)/);
  });

  it('a whole JSON document over the document limit says to export JSON Lines', async () => {
    const file = join(ws.dir, 'tickets.json');
    const tickets = Array.from({ length: 600 }, (_, i) => ({ id: i + 1, subject: 's', description: 'd'.repeat(8000), requester_id: 1, via: { channel: 'web' }, created_at: '2024-01-01T00:00:00Z' }));
    writeFileSync(file, JSON.stringify({ tickets }, null, 1));
    const err = await failure([file], { format: 'zendesk' });
    expect(err.message).toMatch(/one JSON document of .* MB.*JSON Lines/);
  });

  it('a CSV record is refused by the line it starts on', async () => {
    const file = join(ws.dir, 'reviews.csv');
    writeFileSync(file, `Review Id,Review Created (UTC),Review Content,Review Stars\nr1,2024-01-01 10:00:00,fine,4\nr2,2024-01-02 10:00:00,"${'y'.repeat(2 * LIMIT)}",1\n`);
    const err = await failure([file], { format: 'trustpilot' });
    expect(err.code).toBe('RECORD_TOO_LARGE');
    expect(err.message).toMatch(/reviews\.csv (record at )?line 3/);
  });

  it('an e-mail message is reported by its line in the mbox; the other messages are imported', async () => {
    const file = join(ws.dir, 'mail.mbox');
    const msg = (id: string, body: string) => `From a@example.com Mon Jan  1 10:00:00 2024\nFrom: a@example.com\nTo: support@acme.test\nSubject: ${id}\nDate: Mon, 1 Jan 2024 10:00:00 +0000\nMessage-ID: <${id}@example.com>\n\n${body}\n\n`;
    writeFileSync(file, msg('small', 'hello') + msg('huge', 'z'.repeat(2 * LIMIT)));
    const [report] = await runImport(ws, [file]);
    expect(report!.rejected).toEqual([{ location: 'mail.mbox line 10', reason: expect.stringMatching(/a message of 2\.0 MB, more than the 1\.0 MB/) }]);
    expect(counts(ws).threads).toBe(1);
  });
});
