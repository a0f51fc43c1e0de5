import { isEnvironmentalClaim } from '../facts.ts';
import { ALL_MARKETS, defineRule } from '../rule.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

export const noEvidence = defineRule({
  id: 'GC-NO-EVIDENCE',
  severity: 'error',
  citation: 'CMA P6; FTC §260.2',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'Substantiation: every market requires evidence before an environmental claim is made (UCPD Art 6 and 12); the reviewed examples apply it in the EU.',
  title: 'Environmental claim with no evidence at all',
  fix: 'Attach the evidence (certificate, report, audit or dataset) before publishing.',
  detect(claim) {
    if (claim.evidence.length > 0 || !isEnvironmentalClaim(claim)) return null;
    return 'This is an environmental claim and no evidence is attached: nothing on file shows it is true.';
  },
});
