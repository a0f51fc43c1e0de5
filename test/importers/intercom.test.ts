import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../electron/core/workspace.ts';
import { tempWorkspace } from '../helpers/workspace.ts';
import { fixture, importOne, thread } from './helpers.ts';

let ws: Workspace;
let cleanup: () => void;
beforeEach(() => ({ ws, cleanup } = tempWorkspace()));
afterEach(() => cleanup());

describe('intercom', () => {
  it('imports the source as the opening message and parts as the rest; notes internal; events skipped', async () => {
    const report = await importOne(ws, fixture('intercom', 'conversations.json'));
    expect(report).toMatchObject({ format: 'intercom', threadsCreated: 2, threadsUpdated: 0, messagesCreated: 7, internalNotes: 2, rejected: [] });
    const t = thread(ws, 'intercom', '147');
    expect(t.messages.map((m) => [m.externalId, m.role, m.visibility])).toEqual([
      ['source:403918320', 'customer', 'public'], ['7002', 'staff', 'internal'], ['7003', 'staff', 'public'], ['7004', 'customer', 'public'],
    ]);
    expect(t.messages[0]!.body).toBe('I cancelled my subscription in May but was charged again on 1 June. Please refund.');
    // "note_and_reopen" is a note too; "assign_and_reopen" with a body is a reply.
    expect(thread(ws, 'intercom', '148').messages.map((m) => [m.role, m.visibility])).toEqual([['customer', 'public'], ['staff', 'public'], ['staff', 'internal']]);
  });

  it('reads Unix seconds (fractions too) as UTC, and the 1–5 conversation rating', async () => {
    await importOne(ws, fixture('intercom', 'conversations.json'));
    const t = thread(ws, 'intercom', '147');
    expect(t.openedAt).toBe('2024-06-01T08:00:00.000Z');
    expect(t.messages[1]!.sentAt).toBe('2024-06-02T08:00:00.500Z');
    expect(t).toMatchObject({ rating: 2, status: 'resolved', tags: ['subscription'] });
    expect(t.privateData).toMatchObject({ 'rating.remark': 'Took three days to get an answer.', 'custom_attribute.order_id': 'SUB-7731', 'customer.email': 'lena.mueller@example.de' });
    expect(thread(ws, 'intercom', '148')).toMatchObject({ subject: 'Feature idea: dark mode', status: 'open', rating: null });
    expect(thread(ws, 'intercom', '148').messages[0]!.attachments).toEqual([{ name: 'mockup.png', size: 88123, contentType: 'image/png', url: 'https://downloads.intercomcdn.com/i/o/1/mockup.png' }]);
  });

  it('re-importing creates nothing', async () => {
    await importOne(ws, fixture('intercom', 'conversations.json'));
    expect(await importOne(ws, fixture('intercom', 'conversations.json'))).toMatchObject({ threadsCreated: 0, messagesCreated: 0 });
  });

  it('reports bad conversations by line', async () => {
    const report = await importOne(ws, fixture('intercom', 'conversations-bad.ndjson'));
    expect(report.threadsCreated).toBe(1);
    expect(report.rejected).toEqual([
      { location: 'conversations-bad.ndjson line 2', reason: 'created_at: is missing' },
      { location: 'conversations-bad.ndjson line 3', reason: 'conversation part 1: created_at: is missing' },
    ]);
  });
});
