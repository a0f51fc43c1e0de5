import { isIndependent } from '../evidence.ts';
import { isFutureClaim, isQuantitative } from '../facts.ts';
import { ALL_MARKETS, defineRule } from '../rule.ts';

export const evidenceSelfOnly = defineRule({
  id: 'GC-EVIDENCE-SELF-ONLY',
  severity: 'info',
  citation: 'CMA P6',
  languages: [],
  markets: ALL_MARKETS,
  marketsReason: 'Substantiation advice applies in every market; independent review carries weight with every regulator.',
  title: 'Quantitative claim whose evidence is all in-house (offset and future claims have their own rules)',
  fix: 'Have the figures reviewed independently.',
  detect(claim) {
    if (claim.uses_offsets === true || claim.evidence.length === 0 || isFutureClaim(claim) || !isQuantitative(claim)) return null;
    if (claim.evidence.some(isIndependent)) return null;
    return 'The claim gives figures, and all its evidence is in-house: an independent review would make them far more credible.';
  },
});
