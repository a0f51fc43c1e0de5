import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { reviewFinding, threadRedactions } from '../../electron/core/curation/findings.ts';
import { publishedThread } from '../../electron/core/curation/published.ts';
import { DETECTOR_VERSION, detectorNews, refreshScans } from '../../electron/core/curation/scan.ts';
import { changeManualTags } from '../../electron/core/curation/tags.ts';
import { writeSetting } from '../../electron/core/curation/settings.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { storeThreads } from './fixture.ts';
import { tempDir, tempWorkspace } from '../helpers/workspace.ts';
import type { ThreadRec } from '../helpers/workspace.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';

const thread = (id: string, extra: Partial<ThreadRec> = {}): ThreadRec => ({
  id, source: 'web', subject: 'Broken kettle', customer: { name: 'Jane Doe', location: 'Leeds' },
  messages: [
    { id: '1', author: { role: 'customer', name: 'Jane Doe' }, sent_at: '2026-03-01T09:00:00Z', body: 'The kettle broke.' },
    { id: '2', author: { role: 'staff', name: 'Sam' }, sent_at: '2026-03-01T10:00:00Z', body: 'Sorry, a new one is on its way.' },
  ],
  ...extra,
});

describe('every field that reaches the site is scanned like the messages', () => {
  it('leaves out a tag, a staff display name or a topic that holds personal data, and finds it in attachment names', () => {
    const t = tempWorkspace();
    try {
      storeThreads(t.ws, [thread('t1', {
        tags: ['jane.doe@gmail.com', 'kettles'],
        messages: [
          { id: '1', author: { role: 'customer', name: 'Jane Doe' }, sent_at: '2026-03-01T09:00:00Z', body: 'The kettle broke.' },
          { id: '2', author: { role: 'staff', name: 'Sam (07700 900123)' }, sent_at: '2026-03-01T10:00:00Z', body: 'Sorry, a new one is on its way.' },
        ],
      })]);
      t.ws.db.prepare("UPDATE messages SET attachments = ? WHERE external_id = '1'").run(JSON.stringify([{ name: 'passport-scan Jane Doe.pdf' }]));
      t.ws.db.prepare("UPDATE threads SET updated_at = '2026-03-02T00:00:00Z'").run();
      changeManualTags(t.ws.db, t.ws, 'web:t1', { add: ['call 0161 496 0123'] });
      writeSetting(t.ws.db, 'tester', 'topicRules', { Kettles: ['kettle'], 'ask jane.doe@gmail.com': ['kettle'] });
      const v = publishedThread(t.ws, 'web:t1')!;
      expect(v.tags).toEqual(['kettles']);
      expect(v.topics).toEqual(['Kettles']);
      expect(v.messages[1]!.author).toBe('Support team');
      expect(JSON.stringify(v)).not.toMatch(/jane\.doe|07700|0161|Jane/);
      const found = threadRedactions(t.ws.db, 'web:t1').findings.map((f) => [f.location.split(':')[0], f.kind, f.text]);
      expect(found).toEqual(expect.arrayContaining([['tag', 'email', 'jane.doe@gmail.com'], ['tag', 'phone', '0161 496 0123'], ['author', 'phone', '07700 900123'], ['attachment', 'name', 'Jane Doe']]));
      // A curator may keep a tag (audited): then it is published.
      const tag = threadRedactions(t.ws.db, 'web:t1').findings.find((f) => f.location === 'tag:jane.doe@gmail.com')!;
      reviewFinding(t.ws.db, t.ws, 'web:t1', tag.id, 'reject', 'the customer asked for it');
      expect(publishedThread(t.ws, 'web:t1')!.tags).toContain('jane.doe@gmail.com');
    } finally {
      t.cleanup();
    }
  });

  it('scans CSV columns mapped to tags, subjects and authors', async () => {
    const t = tempWorkspace();
    try {
      const csv = join(t.dir, '..', 'survey.csv');
      writeFileSync(csv, 'Ticket,Sent,Who,Author,Message,Subject,Tags\nS-1,2024-07-01 09:00,Client,Rosa Diaz,Late again,Call me on +44 7700 900321,"vip, rosa.diaz@example.com"\nS-1,2024-07-01 10:00,Agent,Kim - kim.private@gmail.com,Sorry Rosa,,\n');
      const mapping = { version: 1, source: 'survey', layout: 'message-per-row', columns: { threadId: 'Ticket', sentAt: 'Sent', role: 'Who', authorName: 'Author', body: 'Message', subject: 'Subject', tags: 'Tags' }, values: { role: { Client: 'customer', Agent: 'staff' } } };
      await runImport(t.ws, [csv], { format: 'csv', mapping });
      const v = publishedThread(t.ws, 'survey:S-1')!;
      expect(v.subject).toBe('Call me on [phone removed]');
      expect(v.tags).toEqual(['vip']);
      expect(v.messages.map((m) => m.author)).toEqual(['Customer', 'Support team']);
      expect(JSON.stringify(v)).not.toMatch(/rosa\.diaz|kim\.private|7700|Rosa/);
    } finally {
      t.cleanup();
    }
  });
});

describe('hostile sizes', () => {
  it('builds a site when a customer name is 40,000 characters long, withheld or published', async () => {
    const d = tempDir('candor-huge-');
    const t = tempWorkspace();
    try {
      const huge = `${'Ana '.repeat(10_000)}Smith`;
      storeThreads(t.ws, [thread('big', { customer: { name: huge, location: huge } }), thread('big2', { customer: { name: 'x'.repeat(40_000) } }), thread('ok')]);
      decideCurated(t.ws, { ids: ['web:big2'] }, { decision: 'withhold', reason: 'other', note: 'test' }, PUBLISH_GUARDS);
      decideCurated(t.ws, { ids: ['web:big', 'web:ok'] }, { decision: 'publish' }, PUBLISH_GUARDS);
      const v = publishedThread(t.ws, 'web:big')!;
      expect(v.customer).toBe('Customer');
      const report = await buildSite({ workspace: t.ws, out: join(d.dir, 'site'), search: false });
      await report.cleanup;
      expect(report.threads).toBe(2);
    } finally {
      t.cleanup();
      d.cleanup();
    }
  });
});

describe('detector versions', () => {
  it('re-scans every thread with new detectors and lists what they newly find until it is reviewed', () => {
    const t = tempWorkspace();
    try {
      storeThreads(t.ws, [thread('a', { messages: [{ id: '1', author: { role: 'customer' }, sent_at: '2026-03-01T09:00:00Z', body: 'My SSN is 516-89-9449, phone 07700 900123.' }] }), thread('b')]);
      refreshScans(t.ws.db);
      expect(detectorNews(t.ws.db)).toEqual({ detectorVersion: DETECTOR_VERSION, conversations: 0, threadIds: [], awaitingRescan: 0 });
      // As if the findings had been made by version 1, which knew phones but not national identifiers.
      t.ws.db.prepare("DELETE FROM pii_findings WHERE kind = 'national-id'").run();
      t.ws.db.prepare("UPDATE curation_scans SET detector_version = NULL, pii_config = 'version 1'").run();
      t.ws.db.prepare("UPDATE meta SET value = replace(value, '\"pii\":\"', '\"pii\":\"v1-') WHERE key = 'curation.scanState'").run();
      // Reading the news does not scan (it must stay instant at 100,000 threads); the next build or view does.
      expect(detectorNews(t.ws.db)).toMatchObject({ conversations: 0, awaitingRescan: 2 });
      refreshScans(t.ws.db);
      const news = detectorNews(t.ws.db);
      expect(news).toMatchObject({ conversations: 1, awaitingRescan: 0 });
      const id = (t.ws.db.prepare("SELECT id FROM threads WHERE external_id = 'a'").get() as { id: string }).id;
      expect(news.threadIds).toEqual([id]);
      const f = threadRedactions(t.ws.db, id).findings.find((x) => x.kind === 'national-id')!;
      reviewFinding(t.ws.db, t.ws, id, f.id, 'accept');
      expect(detectorNews(t.ws.db).conversations).toBe(0);
      expect(JSON.stringify(detectorNews(t.ws.db))).not.toContain('516-89');
    } finally {
      t.cleanup();
    }
  });
});
