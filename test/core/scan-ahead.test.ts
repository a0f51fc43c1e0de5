import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshScans, scansCurrent } from '../../electron/core/curation/scan.ts';
import { matchingRowids, searchCurated } from '../../electron/core/curation/search.ts';
import { changeManualTags } from '../../electron/core/curation/tags.ts';
import { exportCheck } from '../../electron/core/curation/export-check.ts';
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

/** As above, but only p7 holds personal data: the other texts carry no numbers (an order number reads as an account). */
function oneWithPersonalData(): string {
  const threads = makeThreads(300, 'p').map((t) => ({
    ...t,
    subject: 'Late delivery',
    messages: t.messages.map((m) => ({ ...m, body: m.author.role === 'customer' ? 'My parcel is late, where is it?' : 'Sorry about that; it ships today.' })),
  }));
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

  it('a filtered search asked while the check runs answers at once from what is stored: unchecked threads count as unreviewed', async () => {
    const t = tempWorkspace();
    cleanups.push(t.cleanup);
    const file = writeTemp(join(t.dir, '..'), 'pd.jsonl', oneWithPersonalData());
    const threadIdOf = (externalId: string) => (t.ws.db.prepare('SELECT id FROM threads WHERE external_id = ?').get(externalId) as { id: string }).id;
    const scanRows = () => (t.ws.db.prepare('SELECT count(*) AS n FROM curation_scans').get() as { n: number }).n;
    const idsOf = (page: { threads: { externalId: string }[] }) => page.threads.map((th) => th.externalId);
    let mark: { next?: number } = {};
    let seen: { done: number; scansBefore: number; scansAfter: number; unreviewed: ReturnType<typeof searchCurated>; clean: ReturnType<typeof searchCurated>; cleanRowids: number; unchecked: string[]; beforeExport: number } | null = null;
    await runImport(t.ws, [file], {
      onScanProgress: (p) => {
        // The check says how far it got at most every 200 ms: waited for here, so the search below reads a mark that
        // has moved past the first batches (checked threads are then not even looked up).
        if (p.done === 100) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
        // Asked between two batches of the check, as the window's search is while the job thread checks.
        if (seen || p.done !== 200) return;
        mark = JSON.parse(readFileSync(join(t.ws.dir, '.candor-scanning'), 'utf8')) as { next?: number };
        // A curator tags a conversation the check has already passed, with a phone number: it is unchecked again.
        changeManualTags(t.ws.db, { actor: 'curator' }, threadIdOf('p5'), { add: ['call back 07911 123456'] });
        const scansBefore = scanRows();
        const unreviewed = searchCurated(t.ws.db, { unreviewed: true, limit: 500 });
        const clean = searchCurated(t.ws.db, { unreviewed: false, limit: 500 });
        const cleanRowids = matchingRowids(t.ws.db, { unreviewed: false }).length;
        const beforeExport = exportCheck(t.ws).items.find((i) => i.id === 'personal-data')?.count ?? 0;
        const unchecked = (t.ws.db.prepare('SELECT t.external_id FROM threads t LEFT JOIN curation_scans s ON s.thread_rowid = t.rowid WHERE s.thread_rowid IS NULL OR s.seen_updated_at <> t.updated_at').all() as { external_id: string }[]).map((r) => r.external_id);
        seen = { done: p.done, scansBefore, scansAfter: scanRows(), unreviewed, clean, cleanRowids, unchecked, beforeExport };
      },
    });
    expect(seen).not.toBeNull();
    const s = seen!;
    expect(mark.next).toBeGreaterThan(100);
    // The search checked nothing itself: the check's own batches are the only scans.
    expect(s.scansAfter).toBe(s.scansBefore);
    expect(s.scansBefore).toBe(s.done);
    expect(s.unchecked).toHaveLength(300 - s.done + 1);
    expect(s.unchecked).toContain('p5');
    // It says how many are still being checked, and lists every one of them as unreviewed, with what was found so far.
    expect(s.unreviewed.stillChecking).toBe(300 - s.done + 1);
    expect(idsOf(s.unreviewed)).toEqual(expect.arrayContaining([...s.unchecked, 'p7']));
    // None of them is shown as clean, nor reached by a bulk decision on "clean" conversations.
    expect(idsOf(s.clean).filter((id) => s.unchecked.includes(id))).toEqual([]);
    expect(s.clean.total).toBe(300 - s.unreviewed.total);
    expect(s.cleanRowids).toBe(s.clean.total);
    // The check before exporting the site counts them the same way ("N conversations with personal data nobody reviewed").
    expect(s.beforeExport).toBe(s.unreviewed.total);
    // Once the check has ended, the same search answers from the finished scans, and nothing is still being checked.
    const after = searchCurated(t.ws.db, { unreviewed: true, limit: 500 });
    expect(after.stillChecking).toBe(0);
    expect(idsOf(after).sort()).toEqual(['p5', 'p7']);
    expect(existsSync(join(t.ws.dir, '.candor-scanning'))).toBe(false);
  });

  it('a check whose process is gone does not stop the search from finishing the check itself', async () => {
    const t = tempWorkspace();
    cleanups.push(t.cleanup);
    await runImport(t.ws, [writeTemp(join(t.dir, '..'), 'pd.jsonl', threadsWithPersonalData())], { scan: false });
    // No process has this number (above Linux's largest pid): what a crashed CLI import leaves.
    writeFileSync(join(t.ws.dir, '.candor-scanning'), JSON.stringify({ pid: 99_999_999, thread: 0, startedAt: '2026-01-01T00:00:00Z' }));
    const page = searchCurated(t.ws.db, { unreviewed: true, limit: 500 });
    expect(page.stillChecking).toBe(0);
    expect(scansCurrent(t.ws.db)).toBe(true);
    expect(page.threads.map((i) => i.externalId)).toContain('p7');
    expect(page.total).toBeLessThan(300);
  });
});
