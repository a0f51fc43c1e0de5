import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../electron/core/workspace.ts';
import { tempWorkspace } from '../helpers/workspace.ts';
import { fixture, importOne, messagePrivate, thread } from './helpers.ts';

let ws: Workspace;
let cleanup: () => void;
beforeEach(() => ({ ws, cleanup } = tempWorkspace()));
afterEach(() => cleanup());

describe('helpscout', () => {
  it('imports published threads oldest first; notes are internal; line items and drafts are not messages', async () => {
    const report = await importOne(ws, fixture('helpscout', 'conversations.json'));
    expect(report).toMatchObject({ format: 'helpscout', threadsCreated: 2, threadsUpdated: 0, messagesCreated: 6, internalNotes: 1, rejected: [] });
    const t = thread(ws, 'helpscout', '2391938111');
    expect(t.messages.map((m) => [m.externalId, m.role, m.visibility])).toEqual([
      ['1', 'customer', 'public'], ['2', 'customer', 'public'], ['3', 'staff', 'internal'], ['4', 'staff', 'public'],
    ]);
    expect(t.messages.map((m) => m.body).join('\n')).not.toMatch(/Draft|closed the conversation|color:red|<div/);
    expect(t.messages[0]!.body).toBe('Hello,\nI ordered the medium rain jacket but received a small.\n\nOlivia');
    expect(t).toMatchObject({ subject: 'Wrong size sent', status: 'resolved', resolvedAt: '2024-05-03T15:20:00.000Z', channel: 'email', tags: ['returns', 'wrong-item'] });
    expect(t.privateData).toMatchObject({ 'customer.email': 'olivia.brown@example.com', 'custom_field.Order number': 'HS-55120' });
    expect(messagePrivate(ws, t.id, '4')).toMatchObject({ 'author.email': 'noah@acme.test', bcc: '["records@acme.test"]' });
  });

  it('takes the author of chat threads from createdBy', async () => {
    await importOne(ws, fixture('helpscout', 'conversations.json'));
    const chat = thread(ws, 'helpscout', '2391938112');
    expect(chat.messages.map((m) => [m.role, m.authorName])).toEqual([['customer', 'Ben'], ['staff', 'Noah Fischer']]);
    expect(chat.openedAt).toBe('2024-05-04T12:00:00.250Z');
  });

  it('re-importing creates nothing', async () => {
    await importOne(ws, fixture('helpscout', 'conversations.json'));
    expect(await importOne(ws, fixture('helpscout', 'conversations.json'))).toMatchObject({ threadsCreated: 0, messagesCreated: 0 });
  });

  it('reports bad conversations by line', async () => {
    const report = await importOne(ws, fixture('helpscout', 'conversations-bad.ndjson'));
    expect(report.threadsCreated).toBe(1);
    expect(report.rejected).toEqual([
      { location: 'conversations-bad.ndjson line 2', reason: 'conversation has no published messages (drafts and events are not imported)' },
      { location: 'conversations-bad.ndjson line 3', reason: 'thread 1: createdAt: is missing' },
      { location: 'conversations-bad.ndjson line 4', reason: expect.stringMatching(/^not valid JSON/) },
    ]);
  });
});
