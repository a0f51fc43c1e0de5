import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import { correctMessageRole, correctThread } from '../../electron/core/store/corrections.ts';
import { getThread } from '../../electron/core/store/threads.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { cli } from '../helpers/cli.ts';
import { ROOT, runCli, tempWorkspace } from '../helpers/workspace.ts';

// Who is staff, and curators' corrections (issue 14.6), on a real Maildir: the notmuch mailing list, where Carl Worth
// (cworth.org) answers as the maintainer.

const MAILDIR = join(ROOT, 'test/fixtures/real/email/notmuch-maildir');
const ARCHIVE = 'email:20091117232137.GA7669@griffis1.net';

let ws: Workspace;
let cleanup: () => void;
beforeEach(() => ({ ws, cleanup } = tempWorkspace()));
afterEach(() => cleanup());

const roles = (ref = ARCHIVE) => getThread(ws.db, ref)!.messages.map((m) => m.role);
const audit = (action: string) => ws.db.prepare('SELECT entity_id, before, after FROM audit_log WHERE action = ? ORDER BY seq').all(action) as { entity_id: string; before: string; after: string }[];

describe('who is staff', () => {
  it('an e-mail import with no staff message says so, with the flag to add', async () => {
    const [report] = await runImport(ws, [MAILDIR]);
    expect(report!.warnings).toHaveLength(1);
    expect(report!.warnings![0]).toMatch(/No message from your staff was found.*--staff support@yourcompany\.com or --staff @yourcompany\.com/);
    expect(roles()).toEqual(['customer', 'customer', 'customer']);
  });

  it('re-importing with staff addresses re-classifies the stored messages, audited, and moves the reply time', async () => {
    await runImport(ws, [MAILDIR]);
    expect(getThread(ws.db, ARCHIVE)!.messages).toHaveLength(3);
    const before = ws.db.prepare('SELECT first_reply_at FROM threads WHERE source = ? AND external_id = ?').get('email', ARCHIVE.slice(6)) as { first_reply_at: string | null };
    expect(before.first_reply_at).toBeNull();
    const [report] = await runImport(ws, [MAILDIR], { staff: ['@cworth.org'] });
    expect(report!.warnings).toEqual([]);
    expect(report!.messagesCreated).toBe(0);
    expect(roles()).toEqual(['customer', 'customer', 'staff']);
    const after = ws.db.prepare('SELECT first_reply_at FROM threads WHERE source = ? AND external_id = ?').get('email', ARCHIVE.slice(6)) as { first_reply_at: string | null };
    expect(after.first_reply_at).toBe('2009-11-18T10:22:12.000Z');
    const entry = audit('thread.reimport').find((e) => JSON.parse(e.after).messageRoles);
    expect(JSON.parse(entry!.after).messageRoles).toContainEqual({ message: '87iqd8qgiz.fsf@yoom.home.cworth.org', role: 'staff' });
    expect(JSON.parse(entry!.before).messageRoles).toContainEqual({ message: '87iqd8qgiz.fsf@yoom.home.cworth.org', role: 'customer' });
  });
});

describe('curators correct roles, kinds and statuses', () => {
  it('a corrected role survives a re-import with new staff addresses; the kind of the thread follows', async () => {
    await runImport(ws, [MAILDIR]);
    const keith = getThread(ws.db, ARCHIVE)!.messages[1]!;
    const r = correctMessageRole(ws.db, keith.id, { role: 'staff' }, { actor: 'curator' });
    expect(r).toMatchObject({ changed: true, role: 'staff' });
    await runImport(ws, [MAILDIR], { staff: ['@cworth.org'] });
    expect(roles()).toEqual(['customer', 'staff', 'staff']);
    expect(audit('message.correct').map((e) => [e.entity_id, JSON.parse(e.before).role, JSON.parse(e.after).role])).toEqual([[keith.id, 'customer', 'staff']]);
  });

  it('a corrected kind and status survive a re-import; resolving sets a resolution time', async () => {
    await runImport(ws, [MAILDIR]);
    const r = correctThread(ws.db, ARCHIVE, { kind: 'complaint', status: 'resolved' }, { actor: 'curator' });
    expect(r).toMatchObject({ changed: true, kind: 'complaint', status: 'resolved', resolvedAt: '2009-11-18T10:22:12.000Z' });
    await runImport(ws, [MAILDIR], { staff: ['@cworth.org'] });
    expect(getThread(ws.db, ARCHIVE)).toMatchObject({ kind: 'complaint', kindInferred: false, status: 'resolved' });
    expect(audit('thread.correct')).toHaveLength(1);
  });

  it('the contract channels reach the same store functions', async () => {
    await runImport(ws, [MAILDIR]);
    const core = createCore({ workspaceDir: ws.dir });
    try {
      const t = await core.dispatch('corrections.threadKindStatus', { thread: ARCHIVE, kind: 'question' });
      expect(t).toMatchObject({ ok: true, value: { kind: 'question', changed: true } });
      const m = await core.dispatch('corrections.messageRole', { message: `${ARCHIVE}#3`, role: 'staff' });
      expect(m).toMatchObject({ ok: true, value: { role: 'staff', changed: true } });
      const bad = await core.dispatch('corrections.messageRole', { message: 'm_nope', role: 'staff' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      core.close();
    }
  });

  it('a correction made in the app is undone like any curating change: reversed by new audited entries', async () => {
    await runImport(ws, [MAILDIR]);
    const core = createCore({ workspaceDir: ws.dir });
    try {
      const imported = getThread(ws.db, ARCHIVE)!.kind;
      expect(imported).not.toBe('suggestion');
      await core.dispatch('corrections.threadKindStatus', { thread: ARCHIVE, kind: 'suggestion', status: 'resolved' });
      await core.dispatch('corrections.messageRole', { message: `${ARCHIVE}#3`, role: 'staff' });
      expect(await core.dispatch('curation.undo.last', {})).toMatchObject({ ok: true, value: { label: expect.stringMatching(/^Author corrected in “.+”: a message by the customer is now by staff$/) } });
      expect(await core.dispatch('curation.undo', {})).toMatchObject({ ok: true, value: { reversed: 1, next: { label: expect.stringMatching(/: kind \w+ → suggestion; status open → resolved$/) } } });
      expect(roles()).toEqual(['customer', 'customer', 'customer']);
      expect(await core.dispatch('curation.undo', {})).toMatchObject({ ok: true, value: { next: null } });
      expect(getThread(ws.db, ARCHIVE)).toMatchObject({ kind: imported, status: 'open', resolvedAt: null });
      // The log only grows: two corrections, their two reversals, and the two undo entries.
      expect(audit('thread.correct')).toHaveLength(2);
      expect(audit('message.correct')).toHaveLength(2);
    } finally {
      core.close();
    }
  });
});

describe('the CLI: candor thread show|set, candor message set', () => {
  it('corrects and shows, with usage errors for bad values', async () => {
    await runImport(ws, [MAILDIR]);
    ws.close();
    const show = await cli(['thread', 'show', ws.dir, ARCHIVE]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/#3 m_[0-9a-f]{16} .* customer/);
    const set = await cli(['thread', 'set', ws.dir, ARCHIVE, '--kind', 'complaint', '--status', 'resolved', '--json']);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ changed: true, kind: 'complaint', status: 'resolved' });
    const msg = await cli(['message', 'set', ws.dir, `${ARCHIVE}#3`, '--role', 'staff', '--json']);
    expect(msg.code).toBe(0);
    expect(JSON.parse(msg.stdout)).toMatchObject({ changed: true, role: 'staff' });
    expect((await cli(['message', 'set', ws.dir, `${ARCHIVE}#3`, '--role', 'boss'])).code).toBe(2);
    expect((await cli(['thread', 'set', ws.dir, ARCHIVE])).code).toBe(2);
    expect(runCli(['thread', 'set', ws.dir, 'email:nope', '--kind', 'praise']).code).toBe(1);
  });

  it('candor import warns on stderr with the flag to add, and keeps --json to one line per file', () => {
    ws.close();
    const r = runCli(['import', ws.dir, MAILDIR, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: No message from your staff.*--staff/);
    const report = JSON.parse(r.stdout.trim()) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['file', 'format', 'threadsCreated', 'threadsUpdated', 'messagesCreated', 'internalNotes', 'rejected', 'skipped', 'warnings']);
  });
});
