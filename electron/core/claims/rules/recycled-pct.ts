import { isPercentUnit, statedPercentages } from '../facts.ts';
import { ALL_MARKETS, defineRule } from '../rule.ts';
import { claimTerms } from '../readings.ts';
import { isVerbAt } from '../nlp.ts';
import { analyse } from '../text.ts';

/** "can be recycled", "widely recycled" speak of recyclability, not recycled content. */
const NOT_CONTENT_BEFORE = new Set(['be', 'being', 'been', 'widely', 'easily', 'readily', 'kerbside', 'curbside', 'fully', 'get', 'gets']);

export const recycledPct = defineRule({
  id: 'GC-RECYCLED-PCT',
  severity: 'warning',
  citation: 'FTC §260.13(c); CMA P1',
  languages: ['en'],
  markets: ALL_MARKETS,
  marketsReason: 'A claim type that must be qualified everywhere (UCPD Art 6-7 in the EU); the reviewed examples apply it in the EU.',
  title: '"Recycled" with no absolute percentage when the content is below 100%',
  fix: 'State the recycled share by weight ("made with 35% recycled polyester").',
  detect(claim) {
    const text = analyse(claim.statement);
    // "we have recycled nine million bottles" is an activity (a verb), not recycled content (an adjective).
    const hits = claimTerms(claim.statement, ['recycled'], { present: true }).filter((m) => !NOT_CONTENT_BEFORE.has(text.words[m.start - 1]?.norm ?? '') && !isVerbAt(claim.statement, m.start));
    if (hits.length === 0) return null;
    // An absolute share stated next to it ("made from 100% recycled plastic", "35% recycled polyester").
    const sentence = text.words[hits[0]!.start]!.sentence;
    const levels = statedPercentages(claim.statement).filter((f) => !f.relative && f.sentence === sentence);
    if (levels.length > 0) return null;
    const about = `${claim.metric ?? ''}`.toLowerCase();
    const share = isPercentUnit(claim.unit) && /recycl/.test(about) ? claim.current_value : null;
    if (share !== null && share >= 100) return null;
    return share !== null
      ? { message: `The statement says "recycled" without a percentage, and the claim's own figures record ${share}% recycled content: readers will assume it is all recycled.`, fix: `State it: "made with ${share}% recycled …" (by weight).` }
      : 'The statement says "recycled" without a percentage, and the claim does not record the recycled share: unless it is 100%, readers are misled.';
  },
});
