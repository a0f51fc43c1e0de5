// Site texts are named by key ("home.eyebrow"); a workspace's override with a mistyped key is refused with the
// nearest real one suggested.

/** The known key closest to a mistyped one (by edit distance), when it is close enough to be a typo. */
export function nearestKey(key: string, keys: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Math.max(3, Math.floor(key.length / 4)) + 1;
  for (const k of keys) {
    if (Math.abs(k.length - key.length) >= bestD) continue;
    const prev = Array.from({ length: k.length + 1 }, (_, i) => i);
    for (let i = 1; i <= key.length; i++) {
      let diag = prev[0]!;
      prev[0] = i;
      for (let j = 1; j <= k.length; j++) {
        const up = prev[j]!;
        prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (key[i - 1] === k[j - 1] ? 0 : 1));
        diag = up;
      }
    }
    if (prev[k.length]! < bestD) {
      bestD = prev[k.length]!;
      best = k;
    }
  }
  return best;
}
