import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runImport } from '../../electron/core/importers/run.ts';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { reviewFinding, threadRedactions } from '../../electron/core/curation/findings.ts';
import { searchCurated } from '../../electron/core/curation/search.ts';
import { parseSettingInput, readSettings, settingKey, writeSetting } from '../../electron/core/curation/settings.ts';
import { changeManualTags, threadTags } from '../../electron/core/curation/tags.ts';
import { workspaceStats } from '../../electron/core/curation/workspace-stats.ts';
import { refreshScans } from '../../electron/core/curation/scan.ts';
import { migrate, schemaVersion } from '../../electron/core/db/open.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { listAudit } from '../../electron/core/store/audit.ts';
import { BILL, SARAH, storeThreads, workspaceWith } from './fixture.ts';
import type { Fixture } from './fixture.ts';
import type { ThreadRec } from '../helpers/workspace.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';

let f: Fixture;
beforeEach(async () => {
  f = await workspaceWith([SARAH, BILL]);
});
afterEach(() => f.cleanup());

const ids = (page: { threads: { source: string; externalId: string }[] }) => page.threads.map((t) => `${t.source}:${t.externalId}`);

describe('migration 0030', () => {
  it('upgrades a foundation-only database and is recorded in user_version', () => {
    const db = new DatabaseSync(':memory:');
    const base = migrations.filter((m) => m.version < 30);
    migrate(db, base);
    migrate(db, migrations);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(30);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['pii_findings', 'pii_reviews', 'manual_redactions', 'curation_scans']));
    db.close();
  });
});

describe('scans', () => {
  it('rescan only what changed: new threads, changed text, changed settings', () => {
    expect(refreshScans(f.ws.db)).toEqual({ checked: 2, scanned: 2 });
    expect(refreshScans(f.ws.db)).toEqual({ checked: 0, scanned: 0 });
    decideCurated(f.ws, { ids: ['trustpilot:T2'] }, { decision: 'publish' }, PUBLISH_GUARDS);
    // A decision changes no text: nothing to check again (a bulk publish of 100,000 threads must not re-read them all).
    expect(refreshScans(f.ws.db)).toEqual({ checked: 0, scanned: 0 });
    storeThreads(f.ws, [{ ...BILL, id: 'T3' }]);
    expect(refreshScans(f.ws.db)).toEqual({ checked: 1, scanned: 1 });
    writeSetting(f.ws.db, 'tester', 'defaultCountry', 'US');
    expect(refreshScans(f.ws.db)).toEqual({ checked: 3, scanned: 3 });
    writeSetting(f.ws.db, 'tester', 'topicRules', { Delivery: ['courier'] });
    expect(refreshScans(f.ws.db)).toEqual({ checked: 3, scanned: 0 });
    expect(threadTags(f.ws.db, 'trustpilot:T3').topics).toEqual(['Delivery']);
  });
});

describe('settings', () => {
  it('has documented defaults, validates, and audits every change', () => {
    expect(readSettings(f.ws.db)).toMatchObject({ defaultCountry: 'GB', customerPseudonym: 'location', defaultDecision: 'pending', requirePiiHandled: false, topicRules: {} });
    expect(() => writeSetting(f.ws.db, 'tester', 'defaultCountry', 'XX')).toThrow(/not a country code/);
    expect(() => writeSetting(f.ws.db, 'tester', 'accountPatterns', ['('])).toThrow(/not a valid regular expression/);
    expect(() => writeSetting(f.ws.db, 'tester', 'accountPatterns', ['x*'])).toThrow(/matches empty text/);
    expect(() => writeSetting(f.ws.db, 'tester', 'customerPseudonym', 'full-name')).toThrow(/Invalid value/);
    expect(() => settingKey('colour')).toThrow(/Unknown setting/);
    expect(settingKey('default-country')).toBe('defaultCountry');
    expect(parseSettingInput('requirePiiHandled', 'yes')).toBe(true);
    expect(parseSettingInput('companyPostcodes', 'LS1 4AP')).toEqual(['LS1 4AP']);
    expect(parseSettingInput('topicRules', '{"A":["b"]}')).toEqual({ A: ['b'] });
    writeSetting(f.ws.db, 'tester', 'defaultCountry', 'DE');
    writeSetting(f.ws.db, 'tester', 'defaultCountry', 'DE');
    const audit = listAudit(f.ws.db, { entityType: 'setting' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'settings.set', entityId: 'defaultCountry', before: { defaultCountry: 'GB' }, after: { defaultCountry: 'DE' } });
  });

  it('sets the decision new threads get on import', async () => {
    writeSetting(f.ws.db, 'tester', 'defaultDecision', 'publish');
    const file = join(f.dir, '..', 'more.json');
    writeFileSync(file, JSON.stringify({ threads: [{ ...BILL, id: 'T3' }] }));
    await runImport(f.ws, [file]);
    expect(searchCurated(f.ws.db, { decision: 'publish' }).threads.map((t) => t.externalId)).toEqual(['T3']);
  });
});

describe('decisions', () => {
  it('withholds with a reason code and a note, audited, and refuses withholding without a reason', () => {
    expect(() => decideCurated(f.ws, { ids: ['zendesk:T1'] }, { decision: 'withhold' }, PUBLISH_GUARDS)).toThrow(/needs a reason/);
    const r = decideCurated(f.ws, { ids: ['zendesk:T1'] }, { decision: 'withhold', reason: 'privacy-request', note: 'asked by e-mail' }, PUBLISH_GUARDS);
    expect(r).toEqual({ matched: 1, changed: 1, refused: [] });
    const e = listAudit(f.ws.db).filter((x) => x.action === 'thread.decide');
    expect(e.at(-1)).toMatchObject({ before: { decision: 'pending' }, after: { decision: 'withhold', reason: 'privacy-request', note: 'asked by e-mail' } });
  });

  it('can require high-confidence personal data to be handled before publishing', () => {
    writeSetting(f.ws.db, 'tester', 'requirePiiHandled', true);
    const first = decideCurated(f.ws, { ids: ['zendesk:T1', 'trustpilot:T2'] }, { decision: 'publish' }, PUBLISH_GUARDS);
    expect(first.changed).toBe(1);
    expect(first.refused).toHaveLength(1);
    expect(first.refused[0]!.reason).toMatch(/6 high-confidence personal data findings are not handled/);
    const r = threadRedactions(f.ws.db, 'zendesk:T1');
    for (const x of r.findings.filter((y) => y.confidence === 'high')) {
      if (x.kind === 'name') reviewFinding(f.ws.db, f.ws, 'zendesk:T1', x.id, 'reject', 'she signs publicly');
      else reviewFinding(f.ws.db, f.ws, 'zendesk:T1', x.id, 'accept');
    }
    expect(decideCurated(f.ws, { ids: ['zendesk:T1'] }, { decision: 'publish' }, PUBLISH_GUARDS)).toMatchObject({ changed: 1, refused: [] });
  });

  it('decides in bulk by a query with curation filters', () => {
    const r = decideCurated(f.ws, { query: { unreviewed: true } }, { decision: 'withhold', reason: 'other', note: 'until reviewed' }, PUBLISH_GUARDS);
    expect(r).toMatchObject({ matched: 1, changed: 1 });
    expect(searchCurated(f.ws.db, { decision: 'withhold' }).threads.map((t) => t.externalId)).toEqual(['T1']);
  });
});

describe('search filters', () => {
  const more: ThreadRec[] = [
    { id: 'Q1', source: 'email', kind: 'question', subject: 'Where is my parcel', rating: 3, messages: [{ id: '1', author: { role: 'customer' }, sent_at: '2026-03-02T10:00:00Z', body: 'The courier never came' }] },
    { id: 'Q2', source: 'email', kind: 'complaint', subject: 'Invoice wrong', rating: 2, status: 'unresolved', messages: [{ id: '1', author: { role: 'customer' }, sent_at: '2026-03-20T10:00:00Z', body: 'The invoice is wrong' }, { id: '2', author: { role: 'staff' }, sent_at: '2026-04-20T10:00:00Z', body: 'Sorry' }] },
  ];
  beforeEach(() => storeThreads(f.ws, more));

  it('filters by kind, status, decision, source, rating, dates and text', () => {
    expect(ids(searchCurated(f.ws.db, { kind: 'question' }))).toEqual(['email:Q1']);
    expect(ids(searchCurated(f.ws.db, { status: 'unresolved' }))).toEqual(['email:Q2']);
    expect(ids(searchCurated(f.ws.db, { source: 'email', sort: 'date', order: 'asc' }))).toEqual(['email:Q1', 'email:Q2']);
    expect(ids(searchCurated(f.ws.db, { rating: 5 }))).toEqual(['trustpilot:T2']);
    expect(ids(searchCurated(f.ws.db, { from: '2026-03-01', to: '2026-03-10' }))).toEqual(['email:Q1']);
    expect(ids(searchCurated(f.ws.db, { query: 'courier' }))).toEqual(['email:Q1', 'trustpilot:T2']);
    expect(ids(searchCurated(f.ws.db, { decision: 'pending', kind: 'complaint', sort: 'rating', order: 'asc' }))).toEqual(['zendesk:T1', 'email:Q2']);
  });

  it('sorts by last activity and pages', () => {
    const all = ids(searchCurated(f.ws.db, { sort: 'activity' }));
    expect(all[0]).toBe('email:Q2');
    const p1 = searchCurated(f.ws.db, { sort: 'date', limit: 2, offset: 0 });
    const p2 = searchCurated(f.ws.db, { sort: 'date', limit: 2, offset: 2 });
    expect(p1.total).toBe(4);
    expect([...ids(p1), ...ids(p2)]).toEqual(['email:Q2', 'email:Q1', 'trustpilot:T2', 'zendesk:T1']);
  });

  it('filters by unreviewed personal data, and follows reviews', () => {
    expect(ids(searchCurated(f.ws.db, { unreviewed: true }))).toEqual(['zendesk:T1']);
    expect(searchCurated(f.ws.db, { unreviewed: false }).total).toBe(3);
    for (const x of threadRedactions(f.ws.db, 'zendesk:T1').findings) reviewFinding(f.ws.db, f.ws, 'zendesk:T1', x.id, 'accept');
    expect(searchCurated(f.ws.db, { unreviewed: true }).total).toBe(0);
  });

  it('filters by rule topics, source tags and manual tags; topics follow rule changes', () => {
    writeSetting(f.ws.db, 'tester', 'topicRules', { Delivery: ['courier*', 'parcel', 'late delivery'], Billing: ['invoice*', 'charged'] });
    expect(ids(searchCurated(f.ws.db, { topic: 'Delivery', sort: 'date', order: 'asc' }))).toEqual(['zendesk:T1', 'trustpilot:T2', 'email:Q1']);
    expect(ids(searchCurated(f.ws.db, { tag: 'Billing', sort: 'date', order: 'asc' }))).toEqual(['zendesk:T1', 'email:Q2']);
    expect(ids(searchCurated(f.ws.db, { tag: 'billing' }))).toEqual(['zendesk:T1']);
    changeManualTags(f.ws.db, f.ws, 'email:Q1', { add: ['follow-up', ' follow-up '] });
    expect(ids(searchCurated(f.ws.db, { tag: 'follow-up' }))).toEqual(['email:Q1']);
    expect(threadTags(f.ws.db, 'email:Q1')).toMatchObject({ manual: ['follow-up'], topics: ['Delivery'] });
    writeSetting(f.ws.db, 'tester', 'topicRules', { Billing: ['invoice*'] });
    expect(searchCurated(f.ws.db, { topic: 'Delivery' }).total).toBe(0);
    changeManualTags(f.ws.db, f.ws, 'email:Q1', { remove: ['follow-up'] });
    expect(listAudit(f.ws.db).filter((e) => e.action === 'thread.tags')).toHaveLength(2);
  });
});

describe('statistics from the store', () => {
  it('counts every imported thread, with first public staff replies (not internal notes)', () => {
    decideCurated(f.ws, { ids: ['trustpilot:T2'] }, { decision: 'withhold', reason: 'duplicate' }, PUBLISH_GUARDS);
    const s = workspaceStats(f.ws.db);
    expect(s.overall.moderation).toMatchObject({ imported: 2, published: 0, withheld: 1, pending: 1 });
    expect(s.overall.moderation.withheldByReason.duplicate).toBe(1);
    // Sarah wrote at 09:00; Tom's public reply came at 13:00 (the internal note at 13:05 is not a reply).
    expect(s.overall.all).toMatchObject({ awaitingReply: 2, responded: 1, responseRate: 0.5, medianFirstReplySeconds: 4 * 3600 });
    expect(s.byMonth.map((m) => m.month)).toEqual(['2026-01', '2026-02']);
  });

  it('takes a reply that arrives with a re-import into the response time, and ignores one sent before the customer wrote', () => {
    const reply = { id: '2', author: { role: 'staff' as const, name: 'Ann' }, sent_at: '2026-02-01T12:30:00Z', body: 'Thank you, Bill!' };
    const early = { id: '0', author: { role: 'staff' as const, name: 'Ann' }, sent_at: '2026-02-01T08:00:00Z', body: 'Newsletter.' };
    storeThreads(f.ws, [{ ...BILL, messages: [...BILL.messages, reply, early] }]);
    const s = workspaceStats(f.ws.db);
    expect(s.overall.all).toMatchObject({ responded: 2, responseRate: 1 });
    // Sarah's reply came after 4 h, Bill's after 2.5 h (the 08:00 message predates his and is not a reply).
    expect(s.overall.all.medianFirstReplySeconds).toBe((4 * 3600 + 2.5 * 3600) / 2);
  });

  it('migration 0050 fills in the reply times of threads stored before it', () => {
    const reference = workspaceStats(f.ws.db);
    f.ws.db.exec('UPDATE threads SET first_customer_at = NULL, first_reply_at = NULL');
    migrations.find((m) => m.version === 50)!.up({ exec: (sql: string) => f.ws.db.exec(sql.replace(/ALTER TABLE threads ADD COLUMN [a-z_]+ TEXT;|CREATE INDEX [^;]+;/g, '')) } as unknown as DatabaseSync);
    expect(workspaceStats(f.ws.db)).toEqual(reference);
    expect(reference.overall.all.medianFirstReplySeconds).toBe(4 * 3600);
  });
});

describe('a setting that went bad', () => {
  // Seen on a workspace made by an older version: the default country stored JSON-quoted ('"GB"'). Reading the
  // settings names the setting and says to set it again; setting it again must then work, from the app or the CLI.
  it('is named when read, and can be set again (the bad text kept in the audit log), other settings untouched', () => {
    writeSetting(f.ws.db, 'ann', 'customerLabel', 'Shopper');
    f.ws.db.prepare("INSERT INTO meta (key, value) VALUES ('policy.defaultCountry', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run('"GB"');
    expect(() => readSettings(f.ws.db)).toThrow(/defaultCountry holds an invalid value/);
    const after = writeSetting(f.ws.db, 'ann', 'defaultCountry', 'GB');
    expect(after.defaultCountry).toBe('GB');
    expect(after.customerLabel).toBe('Shopper');
    const last = listAudit(f.ws.db, { entityType: 'setting' }).at(-1)!;
    expect(last).toMatchObject({ entityId: 'defaultCountry', before: { defaultCountry: '"GB"' }, after: { defaultCountry: 'GB' } });
  });
});
