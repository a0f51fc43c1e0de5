import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mapTrustpilotHeader } from '../../electron/core/importers/trustpilot.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { tempDir, tempWorkspace, writeTemp } from '../helpers/workspace.ts';
import { fixture, importOne, thread, visibleText } from './helpers.ts';

let ws: Workspace;
let cleanup: () => void;
beforeEach(() => ({ ws, cleanup } = tempWorkspace()));
afterEach(() => cleanup());

describe('trustpilot CSV export', () => {
  it('makes one thread of a review and its reply (UTF-8 with BOM, CRLF, quotes and newlines in fields)', async () => {
    const report = await importOne(ws, fixture('trustpilot', 'reviews.csv'));
    expect(report).toMatchObject({ format: 'trustpilot', threadsCreated: 3, threadsUpdated: 0, messagesCreated: 5, internalNotes: 0, rejected: [] });
    const t = thread(ws, 'trustpilot', '65f1a2b3c4d5e6f708192a3b');
    expect(t).toMatchObject({ subject: 'Never arrived', rating: 1, kind: 'complaint', channel: 'review', openedAt: '2024-03-13T09:41:07.000Z', tags: ['source:afsv2'] });
    expect(t.messages.map((m) => [m.role, m.sentAt])).toEqual([['customer', '2024-03-13T09:41:07.000Z'], ['staff', '2024-03-14T08:00:00.000Z']]);
    expect(t.messages[0]!.body).toBe('Ordered a gift on the 1st, it never arrived and nobody answers the phone.\nVery disappointed.');
    expect(thread(ws, 'trustpilot', '65f1a2b3c4d5e6f708192a3c').messages[0]!.body).toBe('Fast delivery, "exactly" as described. Will buy again!');
    expect(thread(ws, 'trustpilot', '65f1a2b3c4d5e6f708192a3d').openedAt).toBe('2024-03-16T11:05:59.250Z');
  });

  it('keeps the order reference and the consumer id private', async () => {
    await importOne(ws, fixture('trustpilot', 'reviews.csv'));
    expect(thread(ws, 'trustpilot', '65f1a2b3c4d5e6f708192a3b').privateData).toMatchObject({ reference_id: 'ORD-100233', 'consumer.id': '5e8f9a0b1c2d3e4f5a6b7c8d', 'customer.name': 'Grace O.' });
    expect(visibleText(ws)).not.toMatch(/ORD-100233|5e8f9a0b/);
  });

  it('reads a Windows-1252, ";"-delimited export with lower-case "Company Reply" headers', async () => {
    const report = await importOne(ws, fixture('trustpilot', 'reviews-semicolon-1252.csv'));
    expect(report).toMatchObject({ format: 'trustpilot', threadsCreated: 2, messagesCreated: 3, rejected: [] });
    const de = thread(ws, 'trustpilot', 'tp-de-1');
    expect(de.messages.map((m) => m.body)).toEqual(['Schnelle Lieferung, alles bestens. Grüße!', 'Danke, Jürgen!']);
    expect(de.privateData['customer.location']).toBe('München, DE');
    expect(thread(ws, 'trustpilot', 'tp-fr-2').messages[0]!.body).toBe('Le café était froid; service très lent… 2 étoiles.');
  });

  it('matches the known header variants case-insensitively', () => {
    expect(mapTrustpilotHeader(['REVIEW ID', 'Review Created (UTC)', 'Review Stars', 'Review Content', 'Business Reply Date (UTC)', 'Business Reply'])).toEqual({ id: 0, createdAt: 1, stars: 2, content: 3, replyDate: 4, replyText: 5 });
    expect(mapTrustpilotHeader(['Review Id', 'Company Reply Date (UTC)', 'Company Response'])).toMatchObject({ replyDate: 1, replyText: 2 });
    expect(mapTrustpilotHeader(['review id', 'company reply'])).toMatchObject({ replyText: 1 });
  });

  it('reads UTF-16 with a BOM', async () => {
    const { dir, cleanup: done } = tempDir();
    try {
      const csv = 'Review Id,Review Created (UTC),Review Username,Review Title,Review Content,Review Stars\r\nu16-1,2024-05-01 10:00:00,Zoë,Très bien,Ça marche — 👍,5\r\n';
      const le = writeTemp(dir, 'le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
      const be = Buffer.from(csv, 'utf16le');
      be.swap16();
      const bePath = writeTemp(dir, 'be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
      expect(await importOne(ws, le)).toMatchObject({ format: 'trustpilot', threadsCreated: 1, rejected: [] });
      expect(thread(ws, 'trustpilot', 'u16-1').messages[0]!.body).toBe('Ça marche — 👍');
      expect(await importOne(ws, bePath)).toMatchObject({ format: 'trustpilot', threadsCreated: 0, threadsUpdated: 0, rejected: [] });
    } finally {
      done();
    }
  });

  it('reports ragged rows, bad stars, bad dates and missing ids with their line numbers', async () => {
    const report = await importOne(ws, fixture('trustpilot', 'reviews-bad.csv'));
    expect(report.threadsCreated).toBe(1);
    expect(report.rejected).toEqual([
      { location: 'reviews-bad.csv line 4', reason: 'this row has 4 fields but the header has 8 columns' },
      { location: 'reviews-bad.csv line 5', reason: 'Review Stars: "7" is not a star rating from 1 to 5' },
      { location: 'reviews-bad.csv line 6', reason: expect.stringMatching(/^Review Created: "31\/02\/2024" is not a date/) },
      { location: 'reviews-bad.csv line 7', reason: 'the review has no Review Id' },
    ]);
    // The first review's content spans lines 2 and 3.
    expect(thread(ws, 'trustpilot', 'ok-1').messages[0]!.body).toBe('Multi\nline review');
  });

  it('re-importing creates nothing', async () => {
    await importOne(ws, fixture('trustpilot', 'reviews.csv'));
    expect(await importOne(ws, fixture('trustpilot', 'reviews.csv'))).toMatchObject({ threadsCreated: 0, threadsUpdated: 0, messagesCreated: 0 });
  });
});

describe('trustpilot API JSON', () => {
  it('reads reviews with companyReply; the private endpoint fields stay private', async () => {
    const report = await importOne(ws, fixture('trustpilot', 'reviews.json'));
    expect(report).toMatchObject({ format: 'trustpilot', threadsCreated: 2, messagesCreated: 3, rejected: [] });
    const t = thread(ws, 'trustpilot', '5d5bc3ae2c0f3a0001c4b7a1');
    expect(t).toMatchObject({ rating: 2, subject: 'Refund took a month' });
    expect(t.messages.map((m) => [m.role, m.sentAt])).toEqual([['customer', '2024-06-04T07:12:55.000Z'], ['staff', '2024-06-05T09:00:00.000Z']]);
    expect(t.privateData).toMatchObject({ 'customer.email': 'oliver.t@example.co.uk', reference_id: 'ORD-55120', 'customer.location': 'Bristol, GB' });
    expect(thread(ws, 'trustpilot', '5d5bc3ae2c0f3a0001c4b7a2').messages).toHaveLength(1);
  });
});
