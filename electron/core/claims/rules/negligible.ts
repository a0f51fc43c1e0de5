import { isFutureClaim, isPercentUnit, speaksOfRelativeChange } from '../facts.ts';
import { ALL_MARKETS, defineRule } from '../rule.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

/** Under this many percentage points, a relative improvement is trivial whatever its relative size. */
const NEGLIGIBLE_POINTS = 2;

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

export const negligible = defineRule({
  id: 'GC-NEGLIGIBLE',
  severity: 'warning',
  citation: 'FTC §260.3(c); CMA P1',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'Honest figures are required everywhere (UCPD Art 6(1) in the EU).',
  title: 'Relative improvement whose absolute change is under 2 percentage points',
  fix: 'Give the absolute figures ("from 2% to 3% recycled content").',
  detect(claim) {
    if (!isPercentUnit(claim.unit) || claim.baseline === null || !speaksOfRelativeChange(claim.statement, claim.language)) return null;
    const to = isFutureClaim(claim) && claim.target ? claim.target.value : claim.current_value;
    if (to === null) return null;
    const points = Math.abs(to - claim.baseline.value);
    if (points >= NEGLIGIBLE_POINTS) return null;
    return {
      message: `The statement presents an improvement, but the figures moved from ${fmt(claim.baseline.value)}% to ${fmt(to)}%: ${fmt(points)} percentage point${points === 1 ? '' : 's'}, which readers would not expect from the wording.`,
      fix: `Give the absolute figures ("from ${fmt(claim.baseline.value)}% to ${fmt(to)}%").`,
    };
  },
});
