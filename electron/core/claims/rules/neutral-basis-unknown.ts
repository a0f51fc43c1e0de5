import { defineRule, quote } from '../rule.ts';
import { neutralTerms } from '../terms.ts';

export const neutralBasisUnknown = defineRule({
  id: 'GC-NEUTRAL-BASIS-UNKNOWN',
  severity: 'warning',
  citation: 'EU Annex I 4c; FTC §260.5; CMA P3',
  title: 'Neutral wording while it is unknown whether offsets are used',
  fix: 'Record whether carbon credits are used (uses_offsets true or false).',
  detect(claim) {
    if (claim.uses_offsets !== null) return null;
    const hits = neutralTerms(claim.statement);
    if (hits.length === 0) return null;
    return `${quote(hits[0]!.words)} is climate-neutral wording, and the claim does not record whether it relies on carbon credits; which rules apply depends on it.`;
  },
});
