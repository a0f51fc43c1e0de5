import { FULL_SCOPE_I18N, PARTIAL_SCOPE_I18N, UNIT_I18N } from '../lexicon-figures.ts';
import { ALL_MARKETS, defineRule } from '../rule.ts';
import { analyse, flatText, normalize } from '../text.ts';
import { allMatchesIn, readsIn } from '../wording.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

const FULL = /\b(life ?cycles?|lifecycle|cradle to (grave|gate|store|shelf)|well to wheels?|full (life|supply chain)|supply chain)\b/;
const PARTIAL = /\b(tailpipe|exhaust|direct emissions?|direct \(?tailpipe\)?|in use|use phase|while driving|operational emissions?|at the pump)\b/;
const UNIT = /\bper (passenger|vehicle|car|kg|kilogram|litre|liter|serving|portion|unit|km|kilometre|mile|tonne|wash|load|year|item)\b/g;

export const unequalComparison = defineRule({
  id: 'GC-UNEQUAL-COMPARISON',
  severity: 'error',
  citation: 'CMA P4; FTC §260.3(d); UCPD Art 6(1)',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'Fair comparisons are required in every market; the ASA Oatly ruling (2022) is the grounding decision.',
  title: 'Comparison of unequal things: life cycle against tailpipe, or different functional units',
  fix: 'Compare like with like: the same boundary (full life cycle on both sides) and the same unit.',
  detect(claim) {
    const text = flatText(analyse(normalize(`${claim.statement} . ${claim.comparison_basis ?? ''}`)));
    const reads = (en: RegExp, lex: typeof FULL_SCOPE_I18N) => readsIn(en, lex, text, claim.statement, claim.language);
    if (reads(FULL, FULL_SCOPE_I18N) && reads(PARTIAL, PARTIAL_SCOPE_I18N)) {
      return 'The comparison sets full life-cycle emissions against direct (tailpipe or in-use) emissions only: the two sides are not measured the same way.';
    }
    const units = new Set(allMatchesIn(UNIT, UNIT_I18N, text, claim.statement, claim.language));
    if (units.size > 1) return `The comparison uses different units on each side (per ${[...units].join(' against per ')}): readers cannot compare them.`;
    return null;
  },
});
