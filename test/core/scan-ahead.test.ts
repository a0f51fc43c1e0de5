import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshScans, scansCurrent } from '../../electron/core/curation/scan.ts';
import { searchCurated } from '../../electron/core/curation/search.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { jsonl, makeThreads, tempWorkspace, writeTemp } from '../helpers/workspace.ts';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function threadsWithPersonalData(): string {
  const threads = makeThreads(300, 'p');
  threads[7]!.messages[0]!.body = 'Please call me back on 07911 123456 or write to jane.doe@example.org.';
  return jsonl(threads);
}

function foundIn(db: Workspace['db'], externalId: string): string[] {
  return (db.prepare('SELECT f.text FROM pii_findings f JOIN threads t ON t.rowid = f.thread_rowid WHERE t.external_id = ?').all(externalId) as { text: string }[]).map((r) => r.text);
}

describe('personal data is scanned ahead of the first filtered search', () => {
  it('right after an import, with progress: the first "unreviewed personal data" search scans nothing and finds it', async () => {
    const t = tempWorkspace();
    cleanups.push(t.cleanup);
    const file = writeTemp(join(t.dir, '..'), 'pd.jsonl', threadsWithPersonalData());
    const progress: { done: number; total: number }[] = [];
    await runImport(t.ws, [file], { onScanProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toEqual({ done: 300, total: 300 });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(scansCurrent(t.ws.db)).toBe(true);
    expect(refreshScans(t.ws.db)).toEqual({ checked: 0, scanned: 0 });
    expect(searchCurated(t.ws.db, { unreviewed: true, limit: 500 }).threads.map((i) => i.externalId)).toContain('p7');
    expect(foundIn(t.ws.db, 'p7')).toEqual(expect.arrayContaining(['07911 123456', 'jane.doe@example.org']));
  });

  it('an import told not to scan leaves the work to the first filtered search, which still finds it', async () => {
    const t = tempWorkspace();
    cleanups.push(t.cleanup);
    await runImport(t.ws, [writeTemp(join(t.dir, '..'), 'pd.jsonl', threadsWithPersonalData())], { scan: false });
    expect(scansCurrent(t.ws.db)).toBe(false);
    expect(searchCurated(t.ws.db, { unreviewed: true, limit: 500 }).threads.map((i) => i.externalId)).toContain('p7');
    expect(foundIn(t.ws.db, 'p7')).toEqual(expect.arrayContaining(['07911 123456', 'jane.doe@example.org']));
  });
});
