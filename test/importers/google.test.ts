import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitGoogleTranslation } from '../../electron/core/importers/google.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { tempWorkspace } from '../helpers/workspace.ts';
import { fixture, importOne, messagePrivate, thread } from './helpers.ts';

let ws: Workspace;
let cleanup: () => void;
beforeEach(() => ({ ws, cleanup } = tempWorkspace()));
afterEach(() => cleanup());

describe('google business profile', () => {
  it('maps starRating enums to 1–5 and makes a review and its reply one thread', async () => {
    const report = await importOne(ws, fixture('google', 'reviews.json'));
    expect(report).toMatchObject({ format: 'google', threadsCreated: 4, threadsUpdated: 0, messagesCreated: 6, internalNotes: 0, rejected: [] });
    expect(['AbFvOqmA1', 'AbFvOqmA2', 'AbFvOqmA3', 'AbFvOqmA4'].map((id) => thread(ws, 'google', id).rating)).toEqual([1, 5, 4, 3]);
    const t = thread(ws, 'google', 'AbFvOqmA1');
    expect(t.messages.map((m) => [m.role, m.sentAt])).toEqual([['customer', '2024-06-01T10:15:30.123Z'], ['staff', '2024-06-02T08:00:00.000Z']]);
    expect(t.openedAt).toBe('2024-06-01T10:15:30.123Z'); // nine fractional digits
    expect(thread(ws, 'google', 'AbFvOqmA3').openedAt).toBe('2024-06-04T05:30:00.500Z'); // with an offset
  });

  it('keeps the original of a translated comment as the body and the translation aside', async () => {
    await importOne(ws, fixture('google', 'reviews.json'));
    const t = thread(ws, 'google', 'AbFvOqmA1');
    expect(t.messages[0]!.body).toBe('Das Personal war unfreundlich und mein Kaffee war kalt.');
    expect(messagePrivate(ws, t.id, 'AbFvOqmA1')).toEqual({ 'google.translation': 'The staff were rude and my coffee was cold.' });
    const it3 = thread(ws, 'google', 'AbFvOqmA3');
    expect(it3.messages[0]!.body).toBe("Ottimo caffè, servizio un po' lento.");
  });

  it('imports a rating-only review, and an anonymous reviewer has no name', async () => {
    await importOne(ws, fixture('google', 'reviews.json'));
    const t = thread(ws, 'google', 'AbFvOqmA2');
    expect(t.messages).toHaveLength(1);
    expect(t.messages[0]).toMatchObject({ role: 'customer', body: '', authorName: null });
    expect(t.kind).toBe('praise');
  });

  it('splits the translation forms Google uses', () => {
    expect(splitGoogleTranslation('(Translated by Google) Good\n\n(Original)\nGut')).toEqual({ original: 'Gut', translation: 'Good' });
    expect(splitGoogleTranslation('Gut\n\n(Translated by Google)\nGood')).toEqual({ original: 'Gut', translation: 'Good' });
    expect(splitGoogleTranslation('(Original)\nGut\n\n(Translated by Google)\nGood')).toEqual({ original: 'Gut', translation: 'Good' });
    expect(splitGoogleTranslation('Plain comment')).toEqual({ original: 'Plain comment', translation: null });
  });

  it('re-importing creates nothing', async () => {
    await importOne(ws, fixture('google', 'reviews.json'));
    expect(await importOne(ws, fixture('google', 'reviews.json'))).toMatchObject({ threadsCreated: 0, messagesCreated: 0 });
  });

  it('reports bad reviews by record number', async () => {
    const report = await importOne(ws, fixture('google', 'reviews-bad.json'));
    expect(report.threadsCreated).toBe(1);
    expect(report.rejected).toEqual([
      { location: 'reviews-bad.json record 2', reason: 'starRating: "SIX" is not one of ONE, TWO, THREE, FOUR, FIVE' },
      { location: 'reviews-bad.json record 3', reason: 'createTime: "2024-13-01T10:00:00Z" is not a real date and time' },
      { location: 'reviews-bad.json record 4', reason: 'the review has no reviewId or name' },
    ]);
  });
});
