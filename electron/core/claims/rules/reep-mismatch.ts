import { evidenceName, mismatchedEcolabel } from '../evidence.ts';
import { claimSubject } from '../facts.ts';
import { defineRule } from '../rule.ts';
import { broadTerms, genericTerms } from '../terms.ts';
import { TYPE1_ECOLABELS } from '../vocabulary.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

export const reepMismatch = defineRule({
  id: 'GC-REEP-MISMATCH',
  severity: 'warning',
  citation: 'EU Annex I 4a ("relevant to the claim")',
  languages: LANGUAGES,
  markets: ['EU', 'UK'],
  marketsReason: 'A qualifying ecolabel exempts generic terms in the EU and the UK (reference, Conventions): where it is relied on, what it covers matters in both.',
  title: 'Ecolabel present, but what it covers is not the claimed attribute or part',
  fix: 'Claim only what the award covers.',
  detect(claim, ctx) {
    const eco = mismatchedEcolabel(claim, ctx.asOf);
    if (!eco) return null;
    const relies = genericTerms(claim.statement, claim.label, claim.language).length > 0 || broadTerms(claim.statement, claim.label, claim.language).length > 0
      || (claim.label !== null && TYPE1_ECOLABELS.test(claim.label.toLowerCase()));
    if (!relies) return null;
    const covers = eco.covers.length ? eco.covers.join(', ') : 'nothing recorded';
    return {
      message: `The ${evidenceName(eco)} certificate covers ${covers}, but the claim is about ${claimSubject(claim)}. An ecolabel only supports claims about what it was awarded for.`,
      fix: eco.covers.length ? `Claim only what the award covers (${covers}), or record that the award covers ${claimSubject(claim)}.` : 'Record what the award covers, and claim only that.',
    };
  },
});
