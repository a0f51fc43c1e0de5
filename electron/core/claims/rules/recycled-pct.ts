import { isPercentUnit, statedPercentages } from '../facts.ts';
import { ALL_MARKETS, defineRule } from '../rule.ts';
import { NOT_CONTENT_AROUND_I18N, RECYCLED_I18N } from '../lexicon-products.ts';
import { claimTerms } from '../readings.ts';
import { isVerbAt } from '../nlp.ts';
import { analyse } from '../text.ts';
import { setIn, wordsIn } from '../wording.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

/** "can be recycled", "widely recycled" speak of recyclability, not recycled content. */
const NOT_CONTENT_BEFORE = new Set(['be', 'being', 'been', 'widely', 'easily', 'readily', 'kerbside', 'curbside', 'fully', 'get', 'gets']);

export const recycledPct = defineRule({
  id: 'GC-RECYCLED-PCT',
  severity: 'warning',
  citation: 'FTC §260.13(c); CMA P1',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'A claim type that must be qualified everywhere (UCPD Art 6-7 in the EU); the reviewed examples apply it in the EU.',
  title: '"Recycled" with no absolute percentage when the content is below 100%',
  fix: 'State the recycled share by weight ("made with 35% recycled polyester").',
  detect(claim) {
    const text = analyse(claim.statement);
    // "we have recycled nine million bottles" is an activity (a verb), not recycled content (an adjective).
    // "kann recycelt werden", "peut être recyclé": the auxiliary comes before or after the participle. Only English is
    // tagged for parts of speech (nlp.ts); compromise would read Dutch "gerecycled" as an English past tense.
    const around = setIn(NOT_CONTENT_BEFORE, NOT_CONTENT_AROUND_I18N, claim.statement, claim.language);
    const hits = claimTerms(claim.statement, wordsIn(['recycled'], RECYCLED_I18N, claim.statement, claim.language), { present: true, lang: claim.language })
      .filter((m) => !around.has(text.words[m.start - 1]?.norm ?? '') && (m.term === 'recycled' ? !isVerbAt(claim.statement, m.start) : !around.has(text.words[m.end + 1]?.norm ?? '')));
    if (hits.length === 0) return null;
    // An absolute share stated next to it ("made from 100% recycled plastic", "35% recycled polyester").
    const sentence = text.words[hits[0]!.start]!.sentence;
    const levels = statedPercentages(claim.statement, claim.language).filter((f) => !f.relative && f.sentence === sentence);
    if (levels.length > 0) return null;
    const about = `${claim.metric ?? ''}`.toLowerCase();
    const share = isPercentUnit(claim.unit) && /recycl/.test(about) ? claim.current_value : null;
    if (share !== null && share >= 100) return null;
    return share !== null
      ? { message: `The statement says "recycled" without a percentage, and the claim's own figures record ${share}% recycled content: readers will assume it is all recycled.`, fix: `State it: "made with ${share}% recycled …" (by weight).` }
      : 'The statement says "recycled" without a percentage, and the claim does not record the recycled share: unless it is 100%, readers are misled.';
  },
});
