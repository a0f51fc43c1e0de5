import { accessShare, isPercentUnit, statedPercentages } from '../facts.ts';
import type { Claim } from '../../../shared/claims/model.ts';
import { defineRule } from '../rule.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

const TOLERANCE_POINTS = 1;

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The percentages the fields support for one stated figure: a change from the baseline, or a level. */
function supported(claim: Claim, relative: boolean, future: boolean, presentClause: boolean): { value: number; how: string }[] {
  const ends: { value: number; label: string }[] = [];
  if (future && claim.target) ends.push({ value: claim.target.value, label: `the ${claim.target.year} target` });
  if (presentClause && claim.current_value !== null) ends.push({ value: claim.current_value, label: 'the current value' });
  const out: { value: number; how: string }[] = [];
  for (const end of ends) {
    if (relative) {
      if (claim.baseline && claim.baseline.value !== 0) {
        out.push({ value: round((Math.abs(claim.baseline.value - end.value) / Math.abs(claim.baseline.value)) * 100), how: `the change from the ${claim.baseline.year} baseline (${claim.baseline.value}) to ${end.label} (${end.value})` });
        if (isPercentUnit(claim.unit)) out.push({ value: round(Math.abs(claim.baseline.value - end.value)), how: `the change in points from the ${claim.baseline.year} baseline to ${end.label}` });
      }
    } else if (isPercentUnit(claim.unit)) {
      out.push({ value: end.value, how: end.label });
    }
  }
  return out;
}

export const numberMismatch = defineRule({
  id: 'GC-NUMBER-MISMATCH',
  severity: 'error',
  citation: 'CMA P1; FTC §260.3(c); UCPD Art 6(1)',
  languages: LANGUAGES,
  title: 'A percentage in the statement differs (by more than 1 point) from the one computed from the fields',
  fix: 'Correct the statement or the data so that they agree.',
  detect(claim) {
    // A share of people with access to recycling is not a figure the statement states ("100% recyclable").
    if (accessShare(claim) !== null) return null;
    for (const f of statedPercentages(claim.statement, claim.language)) {
      const candidates = supported(claim, f.relative, f.futureSentence, !f.futureClause);
      if (candidates.length === 0) continue;
      if (candidates.some((c) => Math.abs(c.value - f.value) <= TOLERANCE_POINTS)) continue;
      const best = candidates[0]!;
      return {
        message: `The statement says ${f.words}, but the claim's figures give ${best.value}% (${best.how}).`,
        fix: `Correct the statement to ${best.value}% or correct the figures on file.`,
      };
    }
    return null;
  },
});
