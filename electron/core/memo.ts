/**
 * `fn` with its results kept for up to `max` distinct arguments, then forgotten all at once. For pure functions of
 * values that repeat across a build or a lint run (towns, tags, claim statements): memory stays bounded whatever
 * the workspace holds.
 */
export function memoize<A, R>(fn: (arg: A) => R, max = 10_000): (arg: A) => R {
  const kept = new Map<A, R>();
  return (arg) => {
    if (kept.has(arg)) return kept.get(arg)!;
    const result = fn(arg);
    if (kept.size >= max) kept.clear();
    kept.set(arg, result);
    return result;
  };
}
