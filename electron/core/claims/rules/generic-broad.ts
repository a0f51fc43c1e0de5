import { defineRule, quote } from '../rule.ts';
import { hasSpecification } from '../comparisons.ts';
import { broadTerms } from '../terms.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

export const genericBroad = defineRule({
  id: 'GC-GENERIC-BROAD',
  severity: 'error',
  citation: 'EU Annex I 4a, recital 9; CMA P2; FTC §260.4(b)',
  languages: LANGUAGES,
  title: 'Broad term (sustainable, conscious, responsible) that is not specified',
  fix: 'Say what is actually better, with a figure or a named standard.',
  detect(claim) {
    const hits = broadTerms(claim.statement, claim.label, claim.language);
    if (hits.length === 0 || hasSpecification(claim.statement)) return null;
    const term = quote(hits[0]!.words);
    return {
      message: `${term} is a broad claim that readers cannot check: the statement does not say what is actually better for the environment.`,
      fix: `Say what is actually better instead of ${term} (for example "made with 60% recycled polyester").`,
    };
  },
});
