import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceFromMappingFile } from '../../electron/core/importers/csv-mapping.ts';
import { htmlToText } from '../../electron/core/importers/html.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import { CandorError } from '../../electron/core/errors.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { cli } from '../helpers/cli.ts';
import { ROOT, tempWorkspace } from '../helpers/workspace.ts';
import { fixture, thread } from './helpers.ts';

// Edge cases on top of the real corpus (test/fixtures/real): shapes the public recordings do not show, written here.

const REAL = join(ROOT, 'test/fixtures/real');
let ws: Workspace;
let cleanup: () => void;
beforeEach(() => ({ ws, cleanup } = tempWorkspace()));
afterEach(() => cleanup());

describe('Zendesk satisfaction ratings', () => {
  it('a rating file beside the tickets sets the verdict; its comment is the customer\'s public words', async () => {
    const tickets = join(REAL, 'zendesk/go-tickets.json');
    const ratings = join(ws.dir, 'ratings.json');
    writeFileSync(ratings, JSON.stringify({ satisfaction_ratings: [{ id: 1, ticket_id: 2, score: 'bad', comment: 'Took a week to answer.', updated_at: '2019-06-06T10:00:00Z' }] }));
    const [report] = await runImport(ws, [tickets, ratings]);
    expect(report!.rejected).toEqual([]);
    const t = thread(ws, 'zendesk', '2');
    expect(t).toMatchObject({ satisfaction: 'bad', kind: 'complaint', rating: null });
    expect(t.messages.at(-1)).toMatchObject({ role: 'customer', visibility: 'public', body: 'Took a week to answer.', sentAt: '2019-06-06T10:00:00.000Z' });
  });

  it('a rating file on its own updates the workspace\'s ticket; a solved ticket without solved_at is resolved at the last staff reply, marked inferred', async () => {
    await runImport(ws, [fixture('zendesk', 'ticket-single.json')]);
    const ratings = join(ws.dir, 'ratings.json');
    writeFileSync(ratings, JSON.stringify({ satisfaction_ratings: [{ ticket_id: 104, score: 'good', comment: null, updated_at: '2024-04-03T00:00:00Z' }] }));
    const [report] = await runImport(ws, [ratings]);
    expect(report).toMatchObject({ format: 'zendesk', threadsUpdated: 1, rejected: [] });
    expect(thread(ws, 'zendesk', '104').satisfaction).toBe('good');
    const solved = join(ws.dir, 'solved.json');
    writeFileSync(solved, JSON.stringify({ ticket: { id: 9, subject: 'x', status: 'solved', requester_id: 1, created_at: '2024-01-01T00:00:00Z' }, comments: [
      { id: 1, author_id: 1, body: 'My order is late', public: true, created_at: '2024-01-01T00:00:00Z' },
      { id: 2, author_id: 7, body: 'Sent today', public: true, created_at: '2024-01-02T00:00:00Z' },
    ] }));
    await runImport(ws, [solved]);
    const t = thread(ws, 'zendesk', '9');
    expect(t).toMatchObject({ status: 'resolved', resolvedAt: '2024-01-02T00:00:00.000Z' });
    expect(t.privateData['resolved_at.inferred']).toMatch(/last public staff reply/);
  });
});

describe('Freshdesk', () => {
  it('an outbound ticket (source 10) credits its first message to the company', async () => {
    const t = JSON.parse(readFileSync(join(REAL, 'freshdesk/ticket_1.json'), 'utf8')) as Record<string, unknown>;
    const file = join(ws.dir, 'outbound.json');
    writeFileSync(file, JSON.stringify({ ...t, source: 10 }));
    await runImport(ws, [file]);
    expect(thread(ws, 'freshdesk', '1').messages.map((m) => m.role)).toEqual(['staff']);
  });
});

describe('Help Scout API v1', () => {
  it('a list without threads is one fatal error that says how to export, the same every time', async () => {
    const v1 = JSON.parse(readFileSync(join(REAL, 'helpscout/v1-beaconchat-conversation.json'), 'utf8')) as { item: Record<string, unknown> };
    const { threads: _threads, ...bare } = v1.item;
    const file = join(ws.dir, 'list.json');
    writeFileSync(file, JSON.stringify({ page: 1, pages: 1, count: 2, items: [bare, { ...bare, id: 2 }] }));
    for (let i = 0; i < 2; i++) {
      const err = await runImport(ws, [file]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CandorError);
      expect((err as Error).message).toMatch(/a list without messages \(2 conversations\): export each conversation with its threads/);
    }
  });
});

describe('Intercom', () => {
  it('"This message was deleted" is not published as the customer\'s words', async () => {
    const c = JSON.parse(readFileSync(join(REAL, 'intercom/node-find-conversation.json'), 'utf8')) as { conversation_parts: { conversation_parts: Record<string, unknown>[] } };
    c.conversation_parts.conversation_parts.push({ type: 'conversation_part', id: '99', part_type: 'comment', body: '<p>This message was deleted</p>', created_at: 1663597300, author: { type: 'user', id: 'u1', name: 'A customer' }, redacted: false });
    const file = join(ws.dir, 'conversation.json');
    writeFileSync(file, JSON.stringify(c));
    await runImport(ws, [file]);
    const deleted = thread(ws, 'intercom', '503').messages.find((m) => m.externalId === '99')!;
    expect(deleted).toMatchObject({ visibility: 'internal' });
  });
});

describe('e-mail', () => {
  it('text after </body> in HTML mail is kept', () => {
    expect(htmlToText('<html><body><p>Thanks for writing.</p></body></html>\n<p>-- Sent from my phone</p>')).toBe('Thanks for writing.\n\n-- Sent from my phone');
  });
});

describe('CSV source names', () => {
  it('default to the mapping file\'s name, so next month\'s export updates the same threads', async () => {
    expect(sourceFromMappingFile('/x/Shop Reviews.mapping.json')).toBe('shop-reviews');
    expect(sourceFromMappingFile('helpdesk.json')).toBe('helpdesk');
    const mapping = JSON.parse(readFileSync(fixture('csv', 'messages.mapping.json'), 'utf8')) as Record<string, unknown>;
    delete mapping.source;
    const mappingFile = join(ws.dir, 'helpdesk.mapping.json');
    writeFileSync(mappingFile, JSON.stringify(mapping));
    const march = join(ws.dir, 'export-2026-03.csv');
    const april = join(ws.dir, 'export-2026-04.csv');
    copyFileSync(fixture('csv', 'messages.csv'), march);
    copyFileSync(fixture('csv', 'messages.csv'), april);
    ws.close();
    const first = await cli(['import', ws.dir, march, '--mapping', mappingFile, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).threadsCreated).toBeGreaterThan(0);
    const second = await cli(['import', ws.dir, april, '--mapping', mappingFile, '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ threadsCreated: 0, messagesCreated: 0 });
    const listed = await cli(['threads', ws.dir, '--source', 'helpdesk', '--json']);
    expect(JSON.parse(listed.stdout).total).toBeGreaterThan(0);
  });
});

describe('the no-staff warning', () => {
  it('comes with a CSV whose roles come from staff addresses, not with one whose role column says who wrote', async () => {
    const mapping = JSON.parse(readFileSync(fixture('csv', 'messages.mapping.json'), 'utf8')) as { columns: Record<string, string> };
    const [withRoles] = await runImport(ws, [fixture('csv', 'messages.csv')], { mapping });
    expect(withRoles!.warnings).toEqual([]);
    const { role: _role, ...columns } = mapping.columns;
    const [byAddress] = await runImport(ws, [fixture('csv', 'messages.csv')], { mapping: { ...mapping, source: 'by-address', columns } });
    expect(byAddress!.warnings![0]).toMatch(/No message from your staff was found.*--staff/);
  });
});
