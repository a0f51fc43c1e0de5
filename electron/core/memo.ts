import { LRUCache } from 'lru-cache';

/**
 * `fn` with its results kept for the `max` arguments used most recently. For pure functions of values that repeat
 * across a build or a lint run (towns, tags, claim statements): memory stays bounded whatever the workspace holds.
 */
export function memoize<A extends NonNullable<unknown>, R>(fn: (arg: A) => R, max = 10_000): (arg: A) => R {
  // Results are boxed: lru-cache keeps no null or undefined values, and a function may return them.
  const kept = new LRUCache<A, { value: R }>({ max });
  return (arg) => {
    let hit = kept.get(arg);
    if (hit === undefined) kept.set(arg, (hit = { value: fn(arg) }));
    return hit.value;
  };
}
