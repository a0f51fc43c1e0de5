import { defineRule, quote } from '../rule.ts';
import { absoluteTerms } from '../terms.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

export const absolute = defineRule({
  id: 'GC-ABSOLUTE',
  severity: 'error',
  citation: 'CMA P1, P5; FTC §260.4(b); EU Annex I 4a',
  languages: LANGUAGES,
  title: 'Absolute claim (zero impact, 100% sustainable, zero waste or emissions) with no boundary',
  fix: 'Qualify the boundary ("zero waste to landfill", "zero tailpipe emissions") and give the data.',
  detect(claim) {
    const hits = absoluteTerms(claim.statement, claim.language);
    if (hits.length === 0) return null;
    const term = quote(hits[0]!.words);
    return {
      message: `${term} is an absolute claim: over its whole life cycle no product or business has zero impact, and the statement does not say where the boundary is.`,
      fix: `Qualify ${term} with its boundary (for example "zero waste to landfill at our Lyon site" or "zero tailpipe emissions") and give the data.`,
    };
  },
});
