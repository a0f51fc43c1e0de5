import { ALL_MARKETS, defineRule, quote } from '../rule.ts';
import { statedPercentages } from '../facts.ts';
import { CONTENT_I18N, CONTENT_NOT_ABOUT_I18N } from '../lexicon-products.ts';
import { claimTerms } from '../readings.ts';
import { analyse, withoutElision } from '../text.ts';
import { wordsIn } from '../wording.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

/** Content claims other than recycled content (GC-RECYCLED-PCT): organic, bio-based, natural or renewable fibres. */
const CONTENT = ['organic', 'organic cotton', 'bio based', 'biobased', 'plant based materials', 'natural fibres', 'natural fibers', 'bio baumwolle', 'biologique', 'biologisch', 'orgánico', 'biologico'];

export const contentPct = defineRule({
  id: 'GC-CONTENT-PCT',
  severity: 'warning',
  citation: 'CMA P1-P3; FTC §260.3(c)',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'The CMA fashion undertakings (2024) require the share of organic or recycled fibres to be shown; the FTC treats unqualified content claims as 100%.',
  title: 'Organic, bio-based or natural content claimed without the share',
  fix: 'State the share by weight ("made with 35% organic cotton").',
  detect(claim) {
    const text = analyse(claim.statement);
    // "organic farming", "agriculture biologique", "aus biologischem Landbau": farming or food, not what the product is made of.
    const notAbout = ['food', 'farm', 'farming', 'growth', ...CONTENT_NOT_ABOUT_I18N];
    const hits = claimTerms(claim.statement, wordsIn(CONTENT, CONTENT_I18N, claim.statement, claim.language), { present: true, lang: claim.language })
      .filter((m) => !notAbout.includes(text.words[m.end + 1]?.norm ?? '') && !CONTENT_NOT_ABOUT_I18N.includes(withoutElision(text.words[m.start - 1]?.norm ?? '')));
    if (hits.length === 0 || claim.category === 'label') return null;
    const sentence = text.words[hits[0]!.start]!.sentence;
    if (statedPercentages(claim.statement, claim.language).some((f) => !f.relative && f.sentence === sentence)) return null;
    if (claim.current_value !== null && /organic|bio|natural|content|share|fibre|fiber|anteil|part|aandeel|porcentaje|quota/i.test(claim.metric ?? '')) return null;
    return `${quote(hits[0]!.words)} does not say how much of the product it is: readers will assume all of it.`;
  },
});
