import { defineRule, quote } from '../rule.ts';
import { mentionsOffsetting, neutralTerms, reducedClimateTerms } from '../terms.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

export const offsetUndisclosed = defineRule({
  id: 'GC-OFFSET-UNDISCLOSED',
  severity: 'warning',
  // ASA/CAP guidance: the basis (reduction or offsetting) must be in the ad itself; BGH I ZR 98/23 likewise in Germany.
  severityIn: { UK: 'error' },
  citation: 'CMA P3; FTC §260.5',
  languages: LANGUAGES,
  title: 'UK/US: neutral wording based on offsets that does not say so',
  fix: 'Say plainly that the result relies on offsetting ("offset via ...").',
  detect(claim) {
    if (claim.uses_offsets !== true) return null;
    const hits = [...neutralTerms(claim.statement, claim.language), ...reducedClimateTerms(claim.statement, claim.language)];
    if (hits.length === 0 || mentionsOffsetting(claim.statement)) return null;
    return {
      message: `${quote(hits[0]!.words)} relies on carbon credits, but the statement does not say so: readers will assume the emissions were actually cut.`,
      fix: `Say it plainly, for example "${hits[0]!.words} through offsetting via <project or registry>".`,
    };
  },
});
