import { evidenceText, listNames } from '../evidence.ts';
import { isFutureClaim } from '../facts.ts';
import { ALL_MARKETS, defineRule, euFrom } from '../rule.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

const PLAN = /\b(plan|plans|roadmap|road map|strategy|pathway|transition|implementation)\b/;

export const futureNoPlan = defineRule({
  id: 'GC-FUTURE-NO-PLAN',
  severity: 'error',
  citation: 'UCPD Art 6(2)(d); CMA P2; FTC §260.3(a)',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'In the US, NAD and NARB require a documented plan behind aspirational claims (JBS net zero 2040, NARB 2023).',
  title: 'Future claim missing target value or year, baseline, or an implementation plan',
  fix: 'Publish the plan and record the baseline and the measurable, time-bound target.',
  detect(claim, ctx) {
    if (!isFutureClaim(claim)) return null;
    const missing: string[] = [];
    if (claim.target === null) missing.push('a target value and year');
    if (claim.baseline === null) missing.push('a baseline (value and year)');
    if (!claim.evidence.some((ev) => PLAN.test(evidenceText(ev)))) missing.push('a detailed implementation plan in its evidence');
    if (missing.length === 0) return null;
    return {
      message: `This is a claim about future performance and it lacks ${listNames(missing)}.${claim.markets.includes('EU') ? euFrom(ctx) : ''}`,
      fix: `Record ${listNames(missing)}, and publish the plan.`,
    };
  },
});
