import { defineRule, euFrom, quote } from '../rule.ts';
import { neutralTerms, reducedClimateTerms } from '../terms.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

export const offsetProductNeutral = defineRule({
  id: 'GC-OFFSET-PRODUCT-NEUTRAL',
  severity: 'error',
  citation: 'EU Annex I 4c',
  languages: LANGUAGES,
  title: 'EU: a product claimed neutral, reduced or positive in GHG impact on the basis of offsets',
  fix: 'Report real life-cycle emission cuts; describe the funding of carbon credits separately.',
  detect(claim, ctx) {
    if (claim.scope === 'company' || claim.uses_offsets !== true) return null;
    const hits = [...neutralTerms(claim.statement, claim.language), ...reducedClimateTerms(claim.statement, claim.language)].sort((a, b) => a.start - b.start);
    if (hits.length === 0) return null;
    return `${quote(hits[0]!.words)} tells EU consumers this product has a neutral, reduced or positive climate impact, and that rests on carbon credits. Since Directive 2024/825 this is banned in all circumstances.${euFrom(ctx)}`;
  },
});
