import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import type { Core } from '../../electron/core/index.ts';
import { initWorkspace, openWorkspace } from '../../electron/core/workspace.ts';
import { readSettings } from '../../electron/core/curation/settings.ts';
import { migrate, openDatabase } from '../../electron/core/db/open.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { tempDir } from '../helpers/workspace.ts';
import { BILL, SARAH, storeThreads } from '../curation/fixture.ts';

// Curating in the app through the core's contract, as the window calls it: finishing personal-data review, the
// "handled before publishing" policy satisfied without the command line, bulk actions, undo, the export check, and
// the audit log for people.

let t: { dir: string; cleanup: () => void };
let core: Core;
const wsDir = () => join(t.dir, 'ws');
beforeEach(() => {
  t = tempDir();
  const w = initWorkspace(wsDir(), { name: 'Acme', actor: 'tester' });
  storeThreads(w, [SARAH, BILL]);
  w.close();
  core = createCore({ workspaceDir: wsDir(), documentsDir: () => join(t.dir, 'docs') });
});
afterEach(() => {
  core.close();
  t.cleanup();
});

async function call<T>(channel: string, req: unknown = {}): Promise<T> {
  const r = await core.dispatch(channel, req);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
async function fail(channel: string, req: unknown = {}): Promise<{ code: string; message: string }> {
  const r = await core.dispatch(channel, req);
  if (r.ok) throw new Error(`${channel} should have failed`);
  return r.error;
}

type Page = { total: number; threads: { id: string; subject: string | null; decision: string }[] };
type Findings = { findings: { id: string; kind: string; status: string; redacted: boolean; confidence: string }[]; summary: { pending: number } };
const sarahId = async () => (await call<Page>('curation.search', { query: 'Refund' })).threads[0]!.id;
const NAMES_A_COMMAND = /\bcandor [a-z]|--[a-z]/;

describe('personal-data review that can be finished', () => {
  it('"mark reviewed" empties the review filter and satisfies the publish policy, in words without commands', async () => {
    await call('curation.settings.set', { key: 'requirePiiHandled', value: true });
    expect((await call<Page>('curation.search', { unreviewed: true })).total).toBeGreaterThan(0);
    const id = await sarahId();
    const refused = await call<{ refused: { reason: string }[] }>('curation.decide', { target: { ids: [id] }, decision: 'publish' });
    expect(refused.refused).toHaveLength(1);
    expect(refused.refused[0]!.reason).toMatch(/personal data/);
    expect(refused.refused[0]!.reason).not.toMatch(NAMES_A_COMMAND);

    const before = await call<Findings>('curation.findings', { threadId: id });
    const r = await call<{ threads: number; removed: number; kept: number }>('curation.review', { target: { ids: [id] }, mode: 'as-shown' });
    expect(r.threads).toBe(1);
    const after = await call<Findings>('curation.findings', { threadId: id });
    expect(after.summary.pending).toBe(0);
    // What was removed stays removed; what was left stays as written.
    expect(after.findings.map((f) => f.redacted)).toEqual(before.findings.map((f) => f.redacted));
    expect(r.removed).toBe(before.findings.filter((f) => f.status === 'pending' && f.redacted).length);
    expect((await call<{ changed: number }>('curation.decide', { target: { ids: [id] }, decision: 'publish' })).changed).toBe(1);
  });

  it('"confirm all" removes every waiting finding, for every conversation matching a filter', async () => {
    const r = await call<{ threads: number; kept: number }>('curation.review', { target: { query: { unreviewed: true } }, mode: 'confirm' });
    expect(r.threads).toBeGreaterThan(0);
    expect(r.kept).toBe(0);
    expect((await call<Page>('curation.search', { unreviewed: true })).total).toBe(0);
    const all = await call<Findings>('curation.findings', { threadId: await sarahId() });
    expect(all.findings.every((f) => f.redacted)).toBe(true);
  });

  it('errors the app shows name no command-line command', async () => {
    const id = await sarahId();
    const phone = (await call<Findings>('curation.findings', { threadId: id })).findings.find((f) => f.kind === 'phone')!;
    const errors = [
      await fail('curation.keep', { threadId: id, findingId: phone.id, reason: ' ' }),
      await fail('curation.reject', { threadId: id, findingId: phone.id }),
      await fail('curation.accept', { threadId: id, findingId: 'nope' }),
      await fail('curation.decide', { target: { ids: ['t_missing'] }, decision: 'publish' }),
      await fail('workspace.open', { dir: join(t.dir, 'not-a-workspace') }),
    ];
    for (const e of errors) expect(e.message).not.toMatch(NAMES_A_COMMAND);
  });
});

describe('bulk actions and undo', () => {
  it('publishes many at once, and undo puts every one back as an audited reversal', async () => {
    const ids = (await call<Page>('curation.search', {})).threads.map((x) => x.id);
    await call('curation.decide', { target: { ids }, decision: 'publish' });
    expect(await call<{ label: string } | null>('curation.undo.last')).toMatchObject({ label: 'Published 2 conversations' });
    const seqBefore = (await call<{ entries: { seq: number }[] }>('audit.list', { newest: true, limit: 1 })).entries[0]!.seq;

    const undone = await call<{ label: string; reversed: number }>('curation.undo');
    expect(undone).toMatchObject({ label: 'Published 2 conversations', reversed: 2 });
    expect((await call<Page>('curation.search', { decision: 'pending' })).total).toBe(2);
    // The log only grew: the decisions are still there, followed by their reversal and the undo itself.
    const log = await call<{ entries: { seq: number; action: string }[] }>('audit.list', {});
    expect(log.entries.filter((e) => e.action === 'thread.decide')).toHaveLength(4);
    expect(log.entries.at(-1)).toMatchObject({ action: 'action.undo' });
    expect(log.entries.at(-1)!.seq).toBeGreaterThan(seqBefore);
    expect(await call('curation.undo.last')).toBeNull();
    expect((await fail('curation.undo')).code).toBe('NOTHING_TO_UNDO');
  });

  it('withholds with a reason, tags in bulk, and undoes the last of them first', async () => {
    const id = await sarahId();
    await call('curation.decide', { target: { ids: [id] }, decision: 'withhold', reason: 'legal', note: 'court case' });
    await call('curation.bulkTags', { target: { query: {} }, add: ['reviewed-2026'] });
    expect((await call<{ label: string }>('curation.undo')).label).toBe('Tags changed on 2 conversations');
    expect((await call<{ manual: string[] }>('curation.tags', { threadId: id })).manual).toEqual([]);
    expect((await call<{ label: string }>('curation.undo')).label).toBe('Withheld “Refund for Sarah Jones”');
    expect((await call<Page>('curation.search', { query: 'Refund' })).threads[0]!.decision).toBe('pending');
  });

  it('undoes a review of personal data and a setting; refuses when someone changed it since', async () => {
    const id = await sarahId();
    await call('curation.review', { target: { ids: [id] }, mode: 'confirm' });
    await call('curation.undo');
    expect((await call<Findings>('curation.findings', { threadId: id })).summary.pending).toBeGreaterThan(0);

    await call('curation.settings.set', { key: 'staffNaming', value: 'name' });
    // Someone else (the command line, another window) changes it again.
    const other = openWorkspace(wsDir(), { actor: 'colleague' });
    try {
      other.db.prepare("UPDATE meta SET value = 'role' WHERE key = 'policy.staffNaming'").run();
    } finally {
      other.close();
    }
    const e = await fail('curation.undo');
    expect(e.code).toBe('CHANGED_SINCE');
    expect(e.message).toMatch(/changed again since/);
  });
});

describe('workspace settings from the app', () => {
  it('checks every value before writing any, and saves several as one undoable change', async () => {
    const bad = await fail('curation.settings.update', { values: { staffNaming: 'name', accountPatterns: ['('] } });
    expect(bad.message).toMatch(/accountPatterns/);
    expect((await call<{ staffNaming: string }>('curation.settings.get')).staffNaming).toBe('role');
    await call('curation.settings.update', { values: { staffNaming: 'name', customerPseudonym: 'initial' } });
    expect(await call('curation.undo.last')).toMatchObject({ label: 'Settings “How staff are named”, “How customers are named” changed' });
    await call('curation.undo');
    expect(await call('curation.settings.get')).toMatchObject({ staffNaming: 'role', customerPseudonym: 'location' });
  });
});

describe('the check before export', () => {
  it('lists waiting conversations, unreviewed personal data and missing texts, and empties as they are done', async () => {
    const first = await call<{ items: { id: string }[] }>('export.check');
    expect(first.items.map((i) => i.id)).toEqual(expect.arrayContaining(['nothing-published', 'pending', 'personal-data', 'website', 'policy']));
    await call('curation.review', { target: { query: {} }, mode: 'as-shown' });
    await call('curation.decide', { target: { query: { query: 'Refund' } }, decision: 'publish' });
    await call('curation.decide', { target: { query: { query: 'service' } }, decision: 'withhold', reason: 'off-topic' });
    await call('site.settings.set', { url: 'https://acme.example', policy: 'We withhold only on request.', baseUrl: 'https://transparency.acme.example/' });
    const done = await call<{ items: unknown[]; published: number; withheld: number }>('export.check');
    expect(done).toMatchObject({ items: [], published: 1, withheld: 1 });
  });
});

describe('the audit log for people', () => {
  it('says what happened in words, filters by person, action and date, and exports CSV', async () => {
    const id = await sarahId();
    await call('curation.decide', { target: { ids: [id] }, decision: 'withhold', reason: 'legal', note: 'court case' });
    type Rows = { entries: { action: string; actionName: string; summary: string; subject: string | null; actor: string }[] };
    const rows = await call<Rows>('audit.search', { action: 'thread.decide' });
    expect(rows.entries[0]).toMatchObject({ actionName: 'Decision', subject: 'Refund for Sarah Jones', summary: 'Withheld (legal reasons): court case' });
    expect((await call<Rows>('audit.search', { actor: rows.entries[0]!.actor })).entries.length).toBeGreaterThan(0);
    expect((await call<Rows>('audit.search', { actor: 'nobody' })).entries).toEqual([]);
    expect((await call<Rows>('audit.search', { to: '2000-01-01' })).entries).toEqual([]);
    const facets = await call<{ actors: string[]; actions: { code: string; name: string }[] }>('audit.facets');
    expect(facets.actions).toContainEqual({ code: 'thread.decide', name: 'Decision' });

    // A customer's subject that a spreadsheet would run as a formula.
    const other = openWorkspace(wsDir(), { actor: 'importer' });
    storeThreads(other, [{ ...BILL, id: 'T9', subject: '=HYPERLINK("http://x")' }]);
    other.close();
    mkdirSync(join(t.dir, 'docs'));
    const out = await call<{ path: string; rows: number }>('audit.export', { path: 'audit.csv' });
    expect(out.path).toBe(join(t.dir, 'docs', 'audit.csv'));
    const csv = readFileSync(out.path, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeffseq,when,who,action,what,on,id,subject,action_code,before,after');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(out.rows + 1);
    expect(csv).toContain('Withheld (legal reasons): court case');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toMatch(/,"?=HYPERLINK/);
  });
});

describe('workspaces', () => {
  it('a relative folder typed in the app goes in the documents folder', async () => {
    const created = await call<{ dir: string }>('workspace.init', { dir: 'Candor/acme', name: 'Acme' });
    expect(created.dir).toBe(join(t.dir, 'docs', 'Candor', 'acme'));
    expect(existsSync(join(t.dir, 'docs', 'Candor', 'acme', 'workspace.json'))).toBe(true);
  });

  it('new workspaces name staff by role; older ones keep full names', () => {
    const fresh = initWorkspace(join(t.dir, 'fresh'), { name: 'New', actor: 'tester' });
    expect(readSettings(fresh.db).staffNaming).toBe('role');
    fresh.close();
    // A workspace made before migration 0100, holding conversations, keeps naming staff as it did.
    const db = openDatabase(join(t.dir, 'old.sqlite'), { migrations: migrations.filter((m) => m.version < 100) });
    db.exec("INSERT INTO audit_log (at, actor, action, entity_type, entity_id) VALUES ('2026-01-01', 'x', 'import.file', 'import', 'f')");
    migrate(db);
    expect(readSettings(db).staffNaming).toBe('name');
    db.close();
  });
});
