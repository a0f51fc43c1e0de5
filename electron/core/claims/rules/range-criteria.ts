import { claimLanguage } from '../language.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';
import { impliedClaim } from '../implied.ts';
import { isRangeClaim, statesRangeCriteria } from '../range.ts';
import { ALL_MARKETS, defineRule, quote } from '../rule.ts';
import { broadTerms, genericTerms } from '../terms.ts';

export const rangeCriteria = defineRule({
  id: 'GC-RANGE-CRITERIA',
  severity: 'error',
  citation: 'CMA P1-P3; EU Annex I 4b; FTC §260.3(b)',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'A range presented as greener implies every product in it qualifies: whole-versus-part in the EU, unqualified claims under the FTC, the CMA fashion undertakings in the UK.',
  title: 'A range presented as better for the environment without its inclusion criteria',
  fix: 'Publish what a product needs to be in the range (for example "at least 50% recycled fibres by weight") and apply it to every product.',
  detect(claim) {
    // With no evidence at all GC-NO-EVIDENCE is the finding; criteria are the basis of evidence about a range.
    if (!isRangeClaim(claim) || claim.evidence.length === 0) return null;
    const lang = claimLanguage(claim);
    const wording = genericTerms(claim.statement, null, lang)[0]?.words ?? broadTerms(claim.statement, null, lang)[0]?.words ?? impliedClaim(claim.statement, lang, true);
    if (!wording || statesRangeCriteria(claim)) return null;
    return `${quote(wording)} presents a whole range as better for the environment, and neither the statement nor the claim says what a product needs to be in it.`;
  },
});
