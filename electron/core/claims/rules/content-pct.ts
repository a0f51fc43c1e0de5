import { ALL_MARKETS, defineRule, quote } from '../rule.ts';
import { statedPercentages } from '../facts.ts';
import { claimTerms } from '../readings.ts';
import { analyse } from '../text.ts';

/** Content claims other than recycled content (GC-RECYCLED-PCT): organic, bio-based, natural or renewable fibres. */
const CONTENT = ['organic', 'organic cotton', 'bio based', 'biobased', 'plant based materials', 'natural fibres', 'natural fibers', 'bio baumwolle', 'biologique', 'biologisch', 'orgánico', 'biologico'];

export const contentPct = defineRule({
  id: 'GC-CONTENT-PCT',
  severity: 'warning',
  citation: 'CMA P1-P3; FTC §260.3(c)',
  languages: ['en'],
  markets: ALL_MARKETS,
  marketsReason: 'The CMA fashion undertakings (2024) require the share of organic or recycled fibres to be shown; the FTC treats unqualified content claims as 100%.',
  title: 'Organic, bio-based or natural content claimed without the share',
  fix: 'State the share by weight ("made with 35% organic cotton").',
  detect(claim) {
    const text = analyse(claim.statement);
    const hits = claimTerms(claim.statement, CONTENT, { present: true }).filter((m) => !['food', 'farm', 'farming', 'growth'].includes(text.words[m.end + 1]?.norm ?? ''));
    if (hits.length === 0 || claim.category === 'label') return null;
    const sentence = text.words[hits[0]!.start]!.sentence;
    if (statedPercentages(claim.statement).some((f) => !f.relative && f.sentence === sentence)) return null;
    if (claim.current_value !== null && /organic|bio|natural|content|share|fibre|fiber/i.test(claim.metric ?? '')) return null;
    return `${quote(hits[0]!.words)} does not say how much of the product it is: readers will assume all of it.`;
  },
});
