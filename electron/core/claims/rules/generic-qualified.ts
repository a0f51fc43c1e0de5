import { defineRule, quote, ALL_MARKETS } from '../rule.ts';
import { hasSpecification } from '../comparisons.ts';
import { genericTerms } from '../terms.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

export const genericQualified = defineRule({
  id: 'GC-GENERIC-QUALIFIED',
  severity: 'info',
  citation: 'EU Art 2(p), Annex I 4b; FTC §260.4(c)-(d)',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'Advice, not a block: a buzzword beside a fact is unclear under CMA P2 as well, and the reviewed examples apply it in the UK.',
  title: 'Generic term that does come with a specification',
  fix: 'Lead with the fact and drop the buzzword.',
  detect(claim) {
    const hits = genericTerms(claim.statement, claim.label, claim.language);
    if (hits.length === 0 || !hasSpecification(claim.statement)) return null;
    const term = quote(hits[0]!.words);
    return {
      message: `${term} is a generic term; the statement does say what it means, but the buzzword still reads as a claim about more than that one fact.`,
      fix: `Lead with the fact and drop ${term}.`,
    };
  },
});
