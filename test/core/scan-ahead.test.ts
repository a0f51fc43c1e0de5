import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshScans, scansCurrent } from '../../electron/core/curation/scan.ts';
import { searchCurated } from '../../electron/core/curation/search.ts';
import { CandorError } from '../../electron/core/errors.ts';
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

  it('a check stopped by the person ("Stop checking") keeps the import, says so, and is finished by the first filtered search', async () => {
    const t = tempWorkspace();
    cleanups.push(t.cleanup);
    const file = writeTemp(join(t.dir, '..'), 'pd.jsonl', threadsWithPersonalData());
    // The job runner cancels by throwing CANCELLED from the next progress report, as app.cancel does.
    const reports = await runImport(t.ws, [file], { onScanProgress: (p) => { if (p.done > 0) throw new CandorError('CANCELLED', 'The import was cancelled. Nothing it was doing was kept.'); } });
    const warnings = reports.flatMap((r) => r.warnings ?? []);
    expect(warnings.join('\n')).toMatch(/The import is complete and kept, but checking it for personal data stopped \(you stopped it\)/);
    expect(warnings.join('\n')).not.toMatch(/Nothing it was doing was kept/);
    expect((t.ws.db.prepare('SELECT count(*) AS n FROM threads').get() as { n: number }).n).toBe(300);
    expect(searchCurated(t.ws.db, { unreviewed: true, limit: 500 }).threads.map((i) => i.externalId)).toContain('p7');
  });
});
