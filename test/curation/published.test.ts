import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { addManualRedaction, reviewFinding, threadRedactions, removeManualRedaction } from '../../electron/core/curation/findings.ts';
import { publishedThread, publishedThreads } from '../../electron/core/curation/published.ts';
import { readSettings, writeSetting } from '../../electron/core/curation/settings.ts';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { listAudit } from '../../electron/core/store/audit.ts';
import { BILL, SARAH, workspaceWith } from './fixture.ts';
import type { Fixture } from './fixture.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';

/** A UTF-16 surrogate without its partner: what a span cutting an emoji in half would leave. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

let f: Fixture;
beforeEach(async () => {
  f = await workspaceWith([SARAH, BILL]);
});
afterEach(() => f.cleanup());

function view(ref = 'zendesk:T1') {
  const v = publishedThread(f.ws, ref);
  if (!v) throw new Error('no view');
  return v;
}

function finding(kind: string, text?: string) {
  const r = threadRedactions(f.ws.db, 'zendesk:T1');
  const x = r.findings.find((y) => y.kind === kind && (text === undefined || y.text === text));
  if (!x) throw new Error(`no ${kind} finding in ${JSON.stringify(r.findings.map((y) => [y.kind, y.text]))}`);
  return x;
}

describe('the published view', () => {
  it('removes every finding, low-confidence ones too (personal data fails closed), and never shows internal notes', () => {
    const v = view();
    expect(v.subject).toBe('Refund for [name removed]');
    expect(v.messages.map((m) => m.body)).toEqual([
      "Hi, I'm [name removed]. Call me on [phone removed] or mail [email removed]. I live at [address removed], Leeds [postcode removed]. Card [card number removed] was charged twice 🙃 for ORD-123456.",
      'Dear [name removed], sorry! Your refund for the late delivery is on its way.',
      'Thanks, got it.',
    ]);
    // A new workspace names staff by their role, not their name.
    expect(v.messages.map((m) => m.author)).toEqual(['Customer in Leeds', 'Support team', 'Customer in Leeds']);
    expect(v.customer).toBe('Customer in Leeds');
    expect(v.tags).toEqual(['billing']);
    const json = JSON.stringify(v);
    for (const secret of ['internal', 'legal action', 'Sarah', 'Jones', 'sarah@example.com', '07911', '4111', 'LS6 2AB, UK']) expect(json).not.toContain(secret);
    // The stored original is untouched.
    const body = f.ws.db.prepare("SELECT body FROM messages WHERE external_id = '1'").get() as { body: string };
    expect(body.body).toContain('07911 123456');
  });

  it('keeps a high-confidence finding only with a reason, and audits it', () => {
    const phone = finding('phone');
    expect(() => reviewFinding(f.ws.db, f.ws, 'zendesk:T1', phone.id, 'reject')).toThrow(/needs a reason/);
    reviewFinding(f.ws.db, f.ws, 'zendesk:T1', phone.id, 'reject', 'the customer asked us to publish their number');
    expect(view().messages[0]!.body).toContain('07911 123456');
    const audit = listAudit(f.ws.db, { entityType: 'thread' }).filter((e) => e.action === 'redaction.keep');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ finding: phone.id, status: 'rejected', reason: 'the customer asked us to publish their number' });
    // Changing one's mind is recorded too.
    reviewFinding(f.ws.db, f.ws, 'zendesk:T1', phone.id, 'accept');
    expect(view().messages[0]!.body).toContain('[phone removed]');
    expect(listAudit(f.ws.db).filter((e) => e.action === 'redaction.accept')).toHaveLength(1);
  });

  it('publishes a low-confidence finding only when a curator keeps it (audited), and removes manual spans', () => {
    const address = finding('address');
    const postcode = finding('postcode');
    expect(postcode.confidence).toBe('low');
    reviewFinding(f.ws.db, f.ws, 'zendesk:T1', address.id, 'accept');
    reviewFinding(f.ws.db, f.ws, 'zendesk:T1', postcode.id, 'reject');
    expect(listAudit(f.ws.db).filter((e) => e.action === 'redaction.reject')).toHaveLength(1);
    const body0 = view().messages[0]!.body;
    expect(body0).toContain('I live at [address removed], Leeds LS6 2AB.');
    const msgId = address.location.slice('message:'.length);
    const text = (f.ws.db.prepare('SELECT body FROM messages WHERE id = ?').get(msgId) as { body: string }).body;
    const start = text.indexOf('Leeds');
    const r = addManualRedaction(f.ws.db, f.ws, 'zendesk:T1', msgId, start, start + 5, 'town is too specific');
    expect(view().messages[0]!.body).toContain('I live at [address removed], [removed] LS6 2AB.');
    // The emoji is never cut in half by a span that ends inside it.
    const emoji = text.indexOf('🙃');
    addManualRedaction(f.ws.db, f.ws, 'zendesk:T1', `message:${msgId}`, emoji + 1, emoji + 2);
    expect(view().messages[0]!.body).toContain('twice [removed] for');
    expect(view().messages[0]!.body).not.toMatch(LONE_SURROGATE);
    removeManualRedaction(f.ws.db, f.ws, 'zendesk:T1', r.id);
    expect(view().messages[0]!.body).toContain('[address removed], Leeds');
    expect(listAudit(f.ws.db).map((e) => e.action).filter((a) => a.startsWith('redaction.'))).toEqual(['redaction.accept', 'redaction.reject', 'redaction.span', 'redaction.span', 'redaction.unspan']);
  });

  it('refuses spans outside the text and on internal notes', () => {
    const internal = (f.ws.db.prepare("SELECT id FROM messages WHERE visibility = 'internal'").get() as { id: string }).id;
    expect(() => addManualRedaction(f.ws.db, f.ws, 'zendesk:T1', internal, 0, 3)).toThrow(/internal note/);
    const msg = (f.ws.db.prepare("SELECT id FROM messages WHERE external_id = '4'").get() as { id: string }).id;
    expect(() => addManualRedaction(f.ws.db, f.ws, 'zendesk:T1', msg, 3, 999)).toThrow(/not inside the text/);
    expect(() => addManualRedaction(f.ws.db, f.ws, 'zendesk:T1', msg, 3, 3)).toThrow(/not inside the text/);
    expect(() => addManualRedaction(f.ws.db, f.ws, 'zendesk:T1', 'nope', 0, 1)).toThrow(/no message/);
    expect(() => addManualRedaction(f.ws.db, f.ws, 'zendesk:T9', msg, 0, 1)).toThrow(/No thread/);
  });

  it('applies naming policy: initials, anonymous, staff by role', () => {
    writeSetting(f.ws.db, 'tester', 'customerPseudonym', 'initial');
    writeSetting(f.ws.db, 'tester', 'staffNaming', 'role');
    writeSetting(f.ws.db, 'tester', 'staffLabel', 'Acme support');
    expect(view().messages.map((m) => m.author)).toEqual(['S.', 'Acme support', 'S.']);
    writeSetting(f.ws.db, 'tester', 'customerPseudonym', 'anonymous');
    expect(view().customer).toBe('Customer');
    expect(view('trustpilot:T2').messages[0]!.author).toBe('Customer');
  });

  it('never includes internal notes, under any setting', () => {
    for (const [k, v] of [['staffNaming', 'role'], ['customerPseudonym', 'initial'], ['requirePiiHandled', true]] as const) {
      writeSetting(f.ws.db, 'tester', k, v);
      const v2 = view();
      expect(v2.messages).toHaveLength(3);
      expect(JSON.stringify(v2)).not.toContain('legal action');
    }
  });

  it('keeps curators\' decisions when detection settings change, and re-scans', () => {
    const phone = finding('phone');
    reviewFinding(f.ws.db, f.ws, 'zendesk:T1', phone.id, 'reject', 'consent given');
    writeSetting(f.ws.db, 'tester', 'accountPatterns', ['ORD-\\d{6}']);
    const r = threadRedactions(f.ws.db, 'zendesk:T1');
    expect(r.findings.find((x) => x.kind === 'account')?.text).toBe('ORD-123456');
    expect(r.findings.find((x) => x.id === phone.id)?.status).toBe('rejected');
    const acc = r.findings.find((x) => x.kind === 'account')!;
    reviewFinding(f.ws.db, f.ws, 'zendesk:T1', acc.id, 'accept');
    expect(view().messages[0]!.body).toContain('for [account number removed].');
  });

  it('keeps reviews and manual redactions across a re-import that appends messages', async () => {
    const phone = finding('phone');
    reviewFinding(f.ws.db, f.ws, 'zendesk:T1', phone.id, 'reject', 'consent');
    const msg = (f.ws.db.prepare("SELECT id FROM messages WHERE external_id = '4'").get() as { id: string }).id;
    addManualRedaction(f.ws.db, f.ws, 'zendesk:T1', msg, 0, 6);
    await f.importThreads([{ ...SARAH, messages: [...SARAH.messages, { id: '5', author: { role: 'customer', name: 'Sarah Jones' }, sent_at: '2026-01-07T08:00:00Z', body: 'Sarah again: my new number is 07911 654321' }] }]);
    const v = view();
    expect(v.messages).toHaveLength(4);
    expect(v.messages[0]!.body).toContain('07911 123456');
    expect(v.messages[2]!.body).toBe('[removed], got it.');
    expect(v.messages[3]!.body).toBe('[name removed] again: my new number is [phone removed]');
  });

  it('is the same on a read-only connection, even for threads not scanned since they changed', async () => {
    decideCurated(f.ws, { ids: ['zendesk:T1'] }, { decision: 'publish' }, PUBLISH_GUARDS);
    const phone = finding('phone');
    reviewFinding(f.ws.db, f.ws, 'zendesk:T1', phone.id, 'reject', 'consent');
    await f.importThreads([{ ...SARAH, messages: [...SARAH.messages, { id: '5', author: { role: 'customer', name: 'Sarah Jones' }, sent_at: '2026-01-07T08:00:00Z', body: 'New card 5555 5555 5555 4444, Sarah' }] }]);
    const ro = new DatabaseSync(join(f.dir, 'candor.sqlite'), { readOnly: true });
    try {
      const [v] = [...publishedThreads({ db: ro })];
      expect(v!.messages.at(-1)!.body).toBe('New card [card number removed], [name removed]');
      expect(v!.messages[0]!.body).toContain('07911 123456');
      expect(v).toEqual(view());
    } finally {
      ro.close();
    }
  });

  it('streams every published thread in batches, and only those', () => {
    expect([...publishedThreads(f.ws)]).toEqual([]);
    decideCurated(f.ws, { ids: ['zendesk:T1', 'trustpilot:T2'] }, { decision: 'publish' }, PUBLISH_GUARDS);
    const all = [...publishedThreads(f.ws, { batchSize: 1 })];
    expect(all.map((t) => t.id)).toEqual([view().id, view('trustpilot:T2').id]);
    expect(all[0]).toEqual(view());
    decideCurated(f.ws, { ids: ['trustpilot:T2'] }, { decision: 'withhold', reason: 'spam' }, PUBLISH_GUARDS);
    expect([...publishedThreads(f.ws)].map((t) => t.id)).toEqual([view().id]);
    expect([...publishedThreads(f.ws, { ids: ['trustpilot:T2'] })]).toEqual([]);
    expect([...publishedThreads(f.ws, { ids: ['trustpilot:T2'], onlyPublished: false })]).toHaveLength(1);
    expect(readSettings(f.ws.db).defaultDecision).toBe('pending');
  });
});
