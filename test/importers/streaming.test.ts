import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importerById } from '../../electron/core/importers/registry.ts';
import { openSourceFile } from '../../electron/core/importers/source-file.ts';
import { staffMatcher } from '../../electron/core/importers/staff.ts';
import { tempDir, writeTemp } from '../helpers/workspace.ts';

// Streaming formats hand over their first record after reading the first chunk, not the whole file. (The benchmark
// shows the memory side with files of 1 GB: `npm run bench`.)
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const FILLER = 'x'.repeat(2000);

async function bytesReadAtFirstRecord(path: string, format: string, mapping?: unknown): Promise<{ atFirst: number; size: number; records: number }> {
  let read = 0;
  let atFirst = -1;
  let records = 0;
  const file = openSourceFile(path, (n) => { read += n; });
  for await (const rec of importerById(format).read(file, { staff: staffMatcher([]), mapping, companions: [] })) {
    expect(rec.ok).toBe(true);
    if (atFirst === -1) atFirst = read;
    records++;
  }
  return { atFirst, size: file.size, records };
}

describe('streaming readers', () => {
  const N = 3000; // about 6 MB: several read chunks

  it('Candor JSON Lines', async () => {
    const lines = Array.from({ length: N }, (_, i) => JSON.stringify({ id: `s${i}`, messages: [{ author: { role: 'customer' }, sent_at: '2024-01-01T00:00:00Z', body: FILLER }] }));
    const r = await bytesReadAtFirstRecord(writeTemp(dir, 'a.jsonl', `${lines.join('\n')}\n`), 'json');
    expect(r.records).toBe(N);
    expect(r.atFirst).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(r.size).toBeGreaterThan(5 * 1024 * 1024);
  });

  it('Zendesk NDJSON', async () => {
    const lines = Array.from({ length: N }, (_, i) => JSON.stringify({ id: i, subject: 's', requester_id: 1, comments: [{ id: i, author_id: 1, body: FILLER, public: true, created_at: '2024-01-01T00:00:00Z' }] }));
    const r = await bytesReadAtFirstRecord(writeTemp(dir, 'z.ndjson', `${lines.join('\n')}\n`), 'zendesk');
    expect(r.records).toBe(N);
    expect(r.atFirst).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('CSV', async () => {
    const rows = Array.from({ length: N }, (_, i) => `t${i},2024-01-01 00:00,customer,"${FILLER}\n,second line"`);
    const mapping = { layout: 'message-per-row', columns: { threadId: 'id', sentAt: 'at', role: 'role', body: 'body' } };
    const r = await bytesReadAtFirstRecord(writeTemp(dir, 'c.csv', `id,at,role,body\n${rows.join('\n')}\n`), 'csv', mapping);
    expect(r.records).toBe(N);
    expect(r.atFirst).toBeLessThanOrEqual(2 * 1024 * 1024);
  });
});
