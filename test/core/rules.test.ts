import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../electron/shared/model/thread.ts';
import { inferKind } from '../../electron/core/model/infer-kind.ts';
import { toFtsQuery } from '../../electron/core/store/threads.ts';
import { staffMatcher } from '../../electron/core/importers/staff.ts';

describe('parseTimestamp', () => {
  it.each([
    ['2026-03-01T09:30:00Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:00', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01 09:30', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T09:30:00.123456789Z', '2026-03-01T09:30:00.123Z'],
    ['2026-03-01T09:30:00+02:00', '2026-03-01T07:30:00.000Z'],
    ['2026-03-01T09:30:00-0530', '2026-03-01T15:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T23:59:59.999Z', '2000-02-29T23:59:59.999Z'],
    ['2026-12-31T23:59:60Z', '2026-12-31T23:59:59.000Z'],
  ])('%s -> %s', (input, expected) => expect(parseTimestamp(input)).toBe(expected));

  it.each(['2023-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2026-06-31T00:00:00.000Z', '2026-01-01T10:60:00Z', '2026-02-30', '2026-13-01', '2026-04-31T00:00:00Z', '2026-01-01T24:00:00Z', 'yesterday', '', '1700000000', '2026-01-01T10:00:00+25:00'])(
    'refuses %j', (input) => expect(parseTimestamp(input)).toBeNull());
});

describe('inferKind', () => {
  it.each([
    [{ rating: 1, customerText: 'fine' }, 'complaint'],
    [{ rating: 2, customerText: 'love it' }, 'complaint'],
    [{ rating: 5, customerText: 'it was not broken at all' }, 'praise'],
    [{ rating: 4, customerText: 'good' }, 'praise'],
    [{ rating: 3, customerText: 'meh' }, 'other'],
    [{ rating: 3, customerText: 'the strap arrived broken' }, 'complaint'],
    [{ rating: null, customerText: 'I want a refund now' }, 'complaint'],
    [{ rating: null, customerText: 'Where can I find the manual?' }, 'question'],
    [{ rating: 3, customerText: 'Where can I find the manual?' }, 'other'],
    [{ rating: null, customerText: 'Thanks for the quick help' }, 'other'],
    [{ rating: null, customerText: 'The kettle arrived today and the lid is cracked.' }, 'complaint'],
    [{ rating: null, customerText: 'You sent the wrong size again' }, 'complaint'],
    [{ rating: null, customerText: 'The parcel arrived late for the wedding' }, 'complaint'],
    [{ rating: null, customerText: 'The parcel arrived early, lovely' }, 'praise'],
  ] as const)('%j -> %s', (input, expected) => expect(inferKind(input)).toBe(expected));
});

describe('toFtsQuery', () => {
  it.each([
    ['late delivery', '"late" "delivery"'],
    ['"unbalanced', '"unbalanced"'],
    ['NEAR(a b) OR c*', '"NEAR" "a" "b" "OR" "c"'],
    ['Crème brûlée', '"Crème" "brûlée"'],
    ['--- !!!', null],
  ])('%j -> %j', (input, expected) => expect(toFtsQuery(input)).toBe(expected));
});

describe('staffMatcher', () => {
  const m = staffMatcher(['@acme.com', 'help@outsourced.io']);
  it.each([
    ['sam@acme.com', true],
    ['Sam <sam@support.acme.com>', true],
    ['help@outsourced.io', true],
    ['other@outsourced.io', false],
    ['jane@acme.com.evil.org', false],
    ['jane@notacme.com', false],
    [null, false],
  ])('%j is staff: %s', (address, expected) => expect(m.isStaff(address)).toBe(expected));
});
