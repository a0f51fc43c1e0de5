import { describe, expect, it } from 'vitest';
import { toIsoTime, toStars, unixToIso } from '../../electron/core/importers/values.ts';

describe('times to UTC ISO 8601', () => {
  it.each([
    [1717228800, '2024-06-01T08:00:00.000Z'],
    [1717228800.25, '2024-06-01T08:00:00.250Z'],
    ['1717228800', '2024-06-01T08:00:00.000Z'],
    [1717228800123, '2024-06-01T08:00:00.123Z'],
    ['2024-06-01T10:00:00+02:00', '2024-06-01T08:00:00.000Z'],
    ['2024-06-01T08:00:00.123456789Z', '2024-06-01T08:00:00.123Z'],
    ['2024-06-01 08:00', '2024-06-01T08:00:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
  ] as const)('%j', (input, iso) => {
    expect(toIsoTime(input)).toBe(iso);
  });

  it.each(['2023-02-29T12:00:00Z', '2024-06-31', 'yesterday', '', null, undefined, Number.NaN, {}])('rejects %j', (input) => {
    expect(toIsoTime(input)).toBeNull();
  });

  it('rejects times before 1970 or after 9999', () => {
    expect(unixToIso(-1)).toBeNull();
    expect(unixToIso(1e15)).toBeNull();
  });
});

describe('star scales', () => {
  it.each([
    [1, 1, 5, 1], [5, 1, 5, 5], [4.4, 1, 5, 4], [0, 0, 10, 1], [10, 0, 10, 5], [7, 0, 10, 4], [5, 0, 10, 3], [50, 0, 100, 3], [2, 1, 3, 3],
  ])('%d on %d–%d is %d stars', (value, min, max, stars) => {
    expect(toStars(value, min, max)).toBe(stars);
  });

  it('refuses values off the scale', () => {
    expect(toStars(6, 1, 5)).toBeNull();
    expect(toStars(-1, 0, 10)).toBeNull();
    expect(toStars(Number.NaN, 1, 5)).toBeNull();
  });
});
