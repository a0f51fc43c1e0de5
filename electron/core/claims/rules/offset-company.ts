import { defineRule, quote } from '../rule.ts';
import { neutralTerms } from '../terms.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

export const offsetCompany = defineRule({
  id: 'GC-OFFSET-COMPANY',
  severity: 'warning',
  citation: 'UCPD Art 6(1); EU Annex I 4b',
  languages: LANGUAGES,
  title: 'EU: a company claimed neutral on the basis of offsets',
  fix: 'Show the emission cuts; frame carbon credits as a contribution, not a neutralisation.',
  detect(claim) {
    if (claim.scope !== 'company' || claim.uses_offsets !== true) return null;
    const hits = neutralTerms(claim.statement, claim.language);
    if (hits.length === 0) return null;
    return `${quote(hits[0]!.words)} presents the whole company as climate-neutral on the strength of carbon credits; EU consumers are likely to read it as real emission cuts.`;
  },
});
