import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ListHasher } from '../../electron/core/site/build/list-hash.ts';

// A list page is rendered again exactly when its hash moves: when anything it shows changes (an item's summary, the
// order of its items, its list's values, its number), and only then. A wrong "unchanged" would leave a reader an
// outdated page; a summary hash that is not what the renderer makes must stop the build, naming the thread.

const summary = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);
const threads = Array.from({ length: 120 }, (_, i) => ({ id: `t${i}`, summaryHash: summary(`thread ${i}`) }));
const hasher = (list = threads) => new ListHasher('fp', list);
const base = hasher().page('all\n1', [0, 1, 2, 3], 0, 4);

describe('a list page\'s input hash', () => {
  it.each([
    ['the same page', () => hasher().page('all\n1', [0, 1, 2, 3], 0, 4), true],
    ['the same items reached through another list', () => hasher().page('all\n1', [9, 0, 1, 2, 3, 7], 1, 5), true],
    ['an item\'s summary changed', () => hasher(threads.map((t, i) => (i === 2 ? { ...t, summaryHash: summary('edited') } : t))).page('all\n1', [0, 1, 2, 3], 0, 4), false],
    ['two items swapped', () => hasher().page('all\n1', [0, 2, 1, 3], 0, 4), false],
    ['an item fewer', () => hasher().page('all\n1', [0, 1, 2], 0, 3), false],
    ['another page number', () => hasher().page('all\n2', [0, 1, 2, 3], 0, 4), false],
    ['another list', () => hasher().page('kind\n1', [0, 1, 2, 3], 0, 4), false],
    ['another code or theme', () => new ListHasher('fp2', threads).page('all\n1', [0, 1, 2, 3], 0, 4), false],
  ])('%s: unchanged is %s', (_, make, same) => {
    expect(make() === base).toBe(same);
  });

  it('hashes a full page of fifty after a shorter one', () => {
    const h = hasher();
    const indexes = threads.map((_, i) => i);
    const short = h.page('x', indexes, 0, 3);
    const full = h.page('x', indexes, 50, 100);
    expect(full).not.toBe(short);
    expect(hasher().page('x', indexes, 50, 100)).toBe(full);
  });

  it.each([['too short', 'abc'], ['not hex', 'z'.repeat(32)], ['one bad last digit', `${'0'.repeat(31)}g`]])('refuses a summary hash that is %s, naming the thread', (_, bad) => {
    expect(() => hasher(threads.map((t, i) => (i === 7 ? { ...t, summaryHash: bad } : t)))).toThrow(/Thread t7 has no valid summary hash/);
  });
});
