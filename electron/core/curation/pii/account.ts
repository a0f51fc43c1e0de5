import type { DetectContext } from './context.ts';
import type { Hit } from './finding.ts';
import { atWordBoundaries } from './text.ts';

/** Compiles the workspace's patterns; a pattern that is not a valid regular expression is reported, not skipped. */
export function compileAccountPattern(source: string): RegExp {
  const re = new RegExp(source, 'gu');
  if (re.test('')) throw new Error(`the pattern ${JSON.stringify(source)} matches empty text`);
  return re;
}

export function detectAccount(text: string, ctx: DetectContext): Hit[] {
  const hits: Hit[] = [];
  for (const pattern of ctx.accountPatterns) {
    const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (!atWordBoundaries(text, start, end)) continue;
      hits.push({ kind: 'account', start, end });
    }
  }
  return hits;
}
