import { defineRule, quote } from '../rule.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';
import { environmentalComparisons, statesComparisonBasis } from '../comparisons.ts';
import { analyse, spanText } from '../text.ts';

export const compareBasis = defineRule({
  id: 'GC-COMPARE-BASIS',
  severity: 'error',
  citation: 'FTC §260.3(d); CMA P4; UCPD Art 6(1)',
  languages: LANGUAGES,
  title: 'Environmental comparison with no basis in the statement or the claim fields',
  fix: 'Say what it is compared with and how it was measured ("than our 2021 model, ISO 14067").',
  detect(claim) {
    const hits = environmentalComparisons(claim.statement, claim.language);
    if (hits.length === 0) return null;
    if (statesComparisonBasis(claim.statement, claim.language) || claim.comparison_basis || claim.baseline) return null;
    const text = analyse(claim.statement);
    const h = hits[0]!;
    let end = h.end;
    while (end + 1 < text.words.length && end < h.end + 2 && text.words[end + 1]!.clause === text.words[h.start]!.clause) end++;
    const words = spanText(text, { start: h.start, end });
    return {
      message: `${quote(words)} is a comparison, and neither the statement nor the claim's fields say what it is compared with.`,
      fix: 'Say what it is compared with and how it was measured (for example "than our 2021 model, ISO 14067"), or record comparison_basis.',
    };
  },
});
