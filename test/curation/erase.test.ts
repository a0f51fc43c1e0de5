import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { eraseCustomer } from '../../electron/core/curation/erase.ts';
import { keepLanguages } from '../../electron/core/site/text-languages.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { listAudit } from '../../electron/core/store/audit.ts';
import { initWorkspace, openWorkspace } from '../../electron/core/workspace.ts';
import { cli } from '../helpers/cli.ts';
import { runCli, tempDir } from '../helpers/workspace.ts';
import { parseCommandArgs } from '../../electron/cli/command.ts';
import { eraseCommand } from '../../electron/cli/commands/erase.ts';
import type { ThreadRec } from '../helpers/workspace.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';

// A customer asks to be forgotten. Import, publish, build; erase; build again; re-import the same export: no file
// of the site or of the workspace may keep a trace, beyond the salted tombstone and the audit entry that says an
// erasure happened (when, who, how many; never what).

/** Words only the erased customer's thread contains (not personal data, so they are published before erasure). */
const TRACES = ['Flibbertigibbet', 'Quasimodular', 'zelda.quigglesworth@example.org', 'Quigglesworth', 'Frobisham', '07700 900461', 'zq-gripe'];

const ZELDA: ThreadRec = {
  id: 'zq-1', source: 'webform', subject: 'Quasimodular kettle exploded', rating: 1, kind: 'complaint', status: 'resolved', tags: ['zq-gripe'],
  customer: { name: 'Zelda Quigglesworth', email: 'zelda.quigglesworth@example.org', location: 'Frobisham' },
  messages: [
    { id: '1', author: { role: 'customer', name: 'Zelda Quigglesworth' }, sent_at: '2026-03-01T09:00:00Z', body: 'My Flibbertigibbet kettle exploded. Call me on 07700 900461.' },
    { id: '2', author: { role: 'staff', name: 'Sam' }, sent_at: '2026-03-01T10:00:00Z', body: 'Sorry Zelda, the Flibbertigibbet model is recalled.' },
    { id: '3', author: { role: 'staff', name: 'Sam' }, sent_at: '2026-03-01T10:05:00Z', body: 'internal: Quigglesworth is a journalist', visibility: 'internal' },
  ],
};
const OTHER: ThreadRec = {
  id: 'ok-1', source: 'webform', subject: 'Teapot arrived late', rating: 3, kind: 'complaint', customer: { name: 'Bob Smith', location: 'Leeds' },
  messages: [{ id: '1', author: { role: 'customer', name: 'Bob Smith' }, sent_at: '2026-03-02T09:00:00Z', body: 'The Marmalade teapot arrived late.' }],
};

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files(full, out);
    else out.push(full);
  }
  return out;
}

/** Every file's bytes as text (Pagefind's gzipped files opened), so nothing can hide in an index or a database page. */
function tracesIn(dir: string, words: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files(dir)) {
    const buf = readFileSync(file);
    const text = (buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf).toString('latin1');
    for (const w of words) if (text.includes(w) || text.includes(w.toLowerCase())) found.push(`${relative(dir, file)}: ${w}`);
  }
  return found;
}

describe('erasure', () => {
  it('removes every trace from the workspace and the rebuilt site, and a re-import does not bring it back', async () => {
    const t = tempDir('candor-erase-');
    try {
      const ws = initWorkspace(join(t.dir, 'ws'), { name: 'Acme Test Ltd', actor: 'tester' });
      const exportFile = join(t.dir, 'export.jsonl');
      writeFileSync(exportFile, `${[ZELDA, OTHER].map((x) => JSON.stringify(x)).join('\n')}\n`);
      await runImport(ws, [exportFile]);
      decideCurated(ws, { ids: ['webform:zq-1', 'webform:ok-1'] }, { decision: 'publish' }, PUBLISH_GUARDS);
      const zeldaId = (ws.db.prepare("SELECT id FROM threads WHERE external_id = 'zq-1'").get() as { id: string }).id;
      ws.close();
      const site = join(t.dir, 'site');
      await (await buildSite({ workspace: ws.dir, out: site })).cleanup;
      // Before: the thread is on the site (its personal data already removed, its other words not).
      expect(tracesIn(site, ['Flibbertigibbet', 'Quasimodular', zeldaId])).not.toEqual([]);
      expect(tracesIn(site, ['Quigglesworth', 'zelda.quigglesworth@example.org', '07700 900461'])).toEqual([]);
      // ...and the workspace holds it all, so the checks below can fail.
      expect(tracesIn(ws.dir, TRACES).length).toBeGreaterThanOrEqual(TRACES.length);

      const dry = await cli(['erase', ws.dir, '--customer', 'ZELDA.Quigglesworth@example.org', '--dry-run', '--json']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ threads: 1, messages: 3, dryRun: true });
      const erased = await cli(['erase', ws.dir, '--customer', 'ZELDA.Quigglesworth@example.org', '--json']);
      expect(erased.code, erased.stderr).toBe(0);
      const result = JSON.parse(erased.stdout) as { erasureId: string; threads: number; messages: number; records: number };
      expect(result).toMatchObject({ threads: 1, messages: 3, dryRun: false });

      await (await buildSite({ workspace: ws.dir, out: site })).cleanup;
      expect(tracesIn(site, [...TRACES, zeldaId, 'zq-1'])).toEqual([]);
      expect(tracesIn(site, ['Marmalade'])).not.toEqual([]);

      // The same export again: the erased record stays out, the other is unchanged.
      const again = openWorkspace(ws.dir, { actor: 'tester' });
      try {
        const [report] = await runImport(again, [exportFile]);
        expect(report).toMatchObject({ threadsCreated: 0, rejected: [] });
        expect((again.db.prepare('SELECT count(*) AS n FROM threads').get() as { n: number }).n).toBe(1);
        const audit = listAudit(again.db);
        const erasure = audit.filter((e) => e.action === 'erasure');
        expect(erasure).toHaveLength(1);
        expect(erasure[0]).toMatchObject({ actor: 'tester', entityType: 'erasure', entityId: result.erasureId, after: { threads: 1, messages: 3, records: result.records } });
        expect(audit.some((e) => e.entityId === zeldaId)).toBe(false);
        expect((again.db.prepare('SELECT count(*) AS n FROM erased_sources').get() as { n: number }).n).toBe(1);
      } finally {
        again.close();
      }
      await (await buildSite({ workspace: ws.dir, out: site })).cleanup;
      // No file of the workspace (database, write-ahead log, site cache) nor of the site keeps a trace.
      expect(tracesIn(ws.dir, [...TRACES, zeldaId])).toEqual([]);
      expect(tracesIn(site, [...TRACES, zeldaId])).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it('counts every record that goes with the thread in "records removed", the languages a build detected too', async () => {
    const t = tempDir('candor-erase-');
    const ws = initWorkspace(join(t.dir, 'ws'), { name: 'Acme Test Ltd', actor: 'tester' });
    try {
      const file = join(t.dir, 'export.jsonl');
      writeFileSync(file, `${[ZELDA, OTHER].map((x) => JSON.stringify(x)).join('\n')}\n`);
      await runImport(ws, [file]);
      const { rowid, id } = ws.db.prepare("SELECT rowid, id FROM threads WHERE external_id = 'zq-1'").get() as { rowid: number; id: string };
      // What a site build keeps of the thread's texts (migration 0140), stored as the build stores it.
      keepLanguages(ws.db, [{ rowid, languages: [['subject', 'en'], ['message:1', 'en'], ['all', 'en']] }]);
      // Every table whose rows belong to a thread, as the schema says: nothing can be left out of the count.
      const tables = (ws.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name)
        .filter((name) => (ws.db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).some((c) => c.name === 'thread_rowid'));
      expect(tables).toContain('text_languages');
      const rows = tables.reduce((n, name) => n + (ws.db.prepare(`SELECT count(*) AS n FROM "${name}" WHERE thread_rowid = ?`).get(rowid) as { n: number }).n, 0);
      const audited = (ws.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity_type = 'thread' AND entity_id = ?").get(id) as { n: number }).n;
      expect(eraseCustomer(ws, { threadIds: [id] }, { dryRun: true }).records).toBe(1 + rows);
      expect(eraseCustomer(ws, { threadIds: [id] }).records).toBe(1 + rows + audited);
      expect((ws.db.prepare('SELECT count(*) AS n FROM text_languages').get() as { n: number }).n).toBe(0);
    } finally {
      ws.close();
      t.cleanup();
    }
  });

  it('erases named threads, refuses unknown ones without erasing anything, and checks its arguments', async () => {
    const t = tempDir('candor-erase-');
    try {
      const ws = initWorkspace(join(t.dir, 'ws'), { name: 'Acme Test Ltd', actor: 'tester' });
      const file = join(t.dir, 'export.jsonl');
      writeFileSync(file, `${[ZELDA, OTHER].map((x) => JSON.stringify(x)).join('\n')}\n`);
      await runImport(ws, [file]);
      ws.close();
      const unknown = runCli(['erase', ws.dir, 'webform:zq-1', 'webform:nope']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/No thread "webform:nope".*nothing was erased/);
      expect(() => parseCommandArgs(eraseCommand, [ws.dir])).toThrow(/either thread ids or --customer/);
      expect(() => parseCommandArgs(eraseCommand, [ws.dir, 'webform:zq-1', '--customer', 'x@y.z'])).toThrow(/either thread ids or --customer/);
      expect(() => parseCommandArgs(eraseCommand, [ws.dir, '--customer'])).toThrow(/argument missing|--customer/);
      expect(runCli(['erase', ws.dir, '--customer', 'nobody@example.org']).code).toBe(1);
      const ok = runCli(['erase', ws.dir, 'webform:zq-1']);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/^Erased 1 thread \(3 messages, \d+ personal-data findings, \d+ records\) as erasure:/);
      const check = openWorkspace(ws.dir, { actor: 'tester' });
      try {
        expect((check.db.prepare('SELECT external_id FROM threads').all() as { external_id: string }[]).map((r) => r.external_id)).toEqual(['ok-1']);
      } finally {
        check.close();
      }
    } finally {
      t.cleanup();
    }
  });
});
