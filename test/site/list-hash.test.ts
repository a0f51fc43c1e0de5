import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ListHasher } from '../../electron/core/site/build/list-hash.ts';
import { ThreadGroups } from '../../electron/core/site/build/thread-groups.ts';

// A list page is rendered again exactly when its hash moves: when anything it shows changes (an item's summary, the
// order of its items, its list's values, its number), and only then. A wrong "unchanged" would leave a reader an
// outdated page; a summary hash that is not what the renderer makes must stop the build, naming the thread. The
// threads' groups (kinds, topics) are gathered as the threads are written, in site order.

type T = { id: string; kind: string; topics: string[]; summaryHash: string };
const summary = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);
const threads: T[] = Array.from({ length: 120 }, (_, i) => ({ id: `t${i}`, kind: i % 3 ? 'complaint' : 'praise', topics: i % 2 ? ['Late delivery'] : [], summaryHash: summary(`thread ${i}`) }));

function groups(list: readonly T[] = threads): ThreadGroups {
  const g = new ThreadGroups(list.length);
  list.forEach((t, i) => g.add(i, t));
  return g;
}
const hasher = (list: readonly T[] = threads, fingerprint = 'fp') => new ListHasher(fingerprint, groups(list).summaryBytes());
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
    ['another code or theme', () => hasher(threads, 'fp2').page('all\n1', [0, 1, 2, 3], 0, 4), false],
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

describe('the threads\' groups', () => {
  it('list each kind\'s and each topic\'s threads in site order, a topic named as most spell it', () => {
    const spelt = threads.map((t, i) => (i % 2 && i > 90 ? { ...t, topics: ['late_delivery', 'Refunds'] } : t));
    const g = groups(spelt);
    expect(g.byKind.get('praise')).toEqual(threads.map((_, i) => i).filter((i) => i % 3 === 0));
    const topics = g.sortedTopics();
    expect(topics.map(([key, t]) => [key, t.name, t.indexes.length])).toEqual([['late delivery', 'Late delivery', 60], ['refund', 'Refunds', 15]]);
    expect(topics[0]![1].indexes).toEqual([...topics[0]![1].indexes].sort((a, b) => a - b));
  });
});
