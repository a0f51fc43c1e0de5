import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../electron/core/workspace.ts';
import { tempWorkspace } from '../helpers/workspace.ts';
import { fixture, importOne, messagePrivate, thread, visibleText } from './helpers.ts';

let ws: Workspace;
let cleanup: () => void;
beforeEach(() => ({ ws, cleanup } = tempWorkspace()));
afterEach(() => cleanup());

describe('freshdesk', () => {
  it('imports tickets: the description is the first customer message, private conversations are internal', async () => {
    const report = await importOne(ws, fixture('freshdesk', 'tickets.json'));
    expect(report).toMatchObject({ format: 'freshdesk', threadsCreated: 3, threadsUpdated: 0, messagesCreated: 9, internalNotes: 2, rejected: [] });
    const t = thread(ws, 'freshdesk', '3101');
    expect(t.messages.map((m) => [m.role, m.visibility])).toEqual([
      ['customer', 'public'], ['staff', 'public'], ['customer', 'public'], ['staff', 'internal'], ['staff', 'public'],
    ]);
    expect(t.messages[0]).toMatchObject({ externalId: '3101:description', authorName: 'Tomasz Nowak' });
    expect(t.messages[0]!.body).toBe("My Acme Pro blender stopped working after two weeks. It makes a clicking noise and won't start.\n\nOrder: AC-88231");
    expect(t).toMatchObject({ status: 'resolved', channel: 'email', resolvedAt: '2024-03-13T10:00:00.000Z', tags: ['blender', 'warranty'] });
    expect(thread(ws, 'freshdesk', '3102')).toMatchObject({ status: 'open', channel: 'chat', openedAt: '2024-03-15T12:00:00.000Z' });
    expect(thread(ws, 'freshdesk', '3103').status).toBe('open'); // 3 = Pending
  });

  it('keeps requester details, custom fields and addresses private', async () => {
    await importOne(ws, fixture('freshdesk', 'tickets.json'));
    const t = thread(ws, 'freshdesk', '3101');
    expect(t.privateData).toMatchObject({ 'customer.email': 't.nowak@example.pl', 'requester.phone': '+48 600 100 200', 'custom_field.cf_order_number': 'AC-88231' });
    expect(messagePrivate(ws, t.id, '90004')).toMatchObject({ from_email: 'support@acme.test', cc_emails: '["warranty@acme.test"]' });
    expect(visibleText(ws)).not.toMatch(/t\.nowak@|\+48|<div|<b>|track\.example/);
  });

  it('re-importing creates nothing', async () => {
    await importOne(ws, fixture('freshdesk', 'tickets.json'));
    expect(await importOne(ws, fixture('freshdesk', 'tickets.json'))).toMatchObject({ threadsCreated: 0, threadsUpdated: 0, messagesCreated: 0 });
  });

  it('reports bad tickets by record number and imports the rest', async () => {
    const report = await importOne(ws, fixture('freshdesk', 'tickets-bad.json'));
    expect(report.format).toBe('freshdesk');
    expect(report.threadsCreated).toBe(1);
    expect(report.rejected).toEqual([
      { location: 'tickets-bad.json record 2', reason: 'conversation 1: created_at: "yesterday" is not a real date and time' },
      { location: 'tickets-bad.json record 3', reason: 'id: is missing' },
      { location: 'tickets-bad.json record 4', reason: 'ticket has no description and no conversations' },
    ]);
  });
});
