import { describe, expect, it } from 'vitest';
import { memoize } from '../../electron/core/memo.ts';

describe('the bounded memo', () => {
  it('works a value out once per argument, null results included, and forgets the least recently used past its bound', () => {
    const calls: string[] = [];
    const town = memoize((place: string) => {
      calls.push(place);
      return place === 'nowhere' ? null : place.toUpperCase();
    }, 2);
    expect([town('leeds'), town('leeds'), town('nowhere'), town('nowhere')]).toEqual(['LEEDS', 'LEEDS', null, null]);
    expect(calls).toEqual(['leeds', 'nowhere']);
    town('leeds');
    town('york');
    // Two kept: York and Leeds (used last); "nowhere" was forgotten.
    town('nowhere');
    town('leeds');
    expect(calls).toEqual(['leeds', 'nowhere', 'york', 'nowhere', 'leeds']);
  });
});
