import { defineRule, quote } from '../rule.ts';
import { neutralTerms } from '../terms.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

export const neutralBasisUnknown = defineRule({
  id: 'GC-NEUTRAL-BASIS-UNKNOWN',
  severity: 'warning',
  // The ASA (Charles Tyrwhitt 2023) and EU Annex I 4c treat unqualified neutral claims as misleading; the FTC as guidance.
  severityIn: { EU: 'error', UK: 'error' },
  citation: 'EU Annex I 4c; FTC §260.5; CMA P3',
  languages: LANGUAGES,
  title: 'Neutral wording while it is unknown whether offsets are used',
  fix: 'Record whether carbon credits are used (uses_offsets true or false).',
  detect(claim) {
    if (claim.uses_offsets !== null) return null;
    const hits = neutralTerms(claim.statement, claim.language);
    if (hits.length === 0) return null;
    return `${quote(hits[0]!.words)} is climate-neutral wording, and the claim does not record whether it relies on carbon credits; which rules apply depends on it.`;
  },
});
