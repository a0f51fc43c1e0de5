import { accessShare } from '../facts.ts';
import { ALL_MARKETS, defineRule, quote } from '../rule.ts';
import { RECYCLABLE_I18N, RECYCLABLE_QUALIFIER_I18N } from '../lexicon-products.ts';
import { claimTerms } from '../readings.ts';
import { analyse, sentenceText } from '../text.ts';
import { readsIn, wordsIn } from '../wording.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

/** "where facilities exist", "check locally", "recyclable in 45% of communities", "widely recycled", "store drop-off". */
const QUALIFIER = /\b(where (\w+ )?(facilities|recycling|collection) (exist|exists|is available|are available)|check (locally|local|with your)|facilities (may|might) not (exist|be available)|not (be )?(recyclable|recycled|accepted) in|may not be (recyclable|recycled|accepted)|(in|to|by) \d+(\.\d+)?% of|(some|few|most|many|limited) (areas|communities|regions|households|councils|places)|widely recycl\w*|kerbside|curbside|store drop off|drop off points?|take back|return (it |them )?to (our |the |any )?store|at participating)\b/;
const SUBSTANTIAL_MAJORITY = 60;

export const recyclableQualify = defineRule({
  id: 'GC-RECYCLABLE-QUALIFY',
  severity: 'warning',
  citation: 'FTC §260.12(a),(b); CMA P3',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'A claim type that must be qualified everywhere (UCPD Art 7 misleading omission in the EU); the FTC section is the most detailed guidance.',
  title: 'Present-tense "recyclable", unqualified, where recycling access is under 60% or unknown',
  fix: 'Add an access qualifier ("recyclable where facilities exist; check locally") or the share of people who can recycle it.',
  detect(claim) {
    const text = analyse(claim.statement);
    const hits = claimTerms(claim.statement, wordsIn(['recyclable', 'recycleable'], RECYCLABLE_I18N, claim.statement, claim.language), { present: true, lang: claim.language })
      .filter((m) => !readsIn(QUALIFIER, RECYCLABLE_QUALIFIER_I18N, sentenceText(text, text.words[m.start]!.sentence), claim.statement, claim.language));
    if (hits.length === 0) return null;
    const access = accessShare(claim);
    if (access !== null && access >= SUBSTANTIAL_MAJORITY) return null;
    const term = quote(hits[0]!.words);
    const why = access === null
      ? 'and nothing on file shows that a substantial majority (60% or more) of people can actually recycle it'
      : `but only ${access}% have access to recycling for it (a "substantial majority" is 60% or more)`;
    return {
      message: `${term} is unqualified, ${why}.`,
      fix: access === null
        ? 'Add a qualifier ("recyclable where facilities exist; check locally"), or record the share of people with access in the claim\'s fields.'
        : `Qualify it: "recyclable in the ${access}% of areas with facilities; check locally".`,
    };
  },
});
