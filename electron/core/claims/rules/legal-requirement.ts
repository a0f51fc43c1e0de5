import { defineRule, euFrom } from '../rule.ts';
import { COMPLIANCE_AS_FEATURE, freeOfMentions, legalRequirementFor } from '../free-of-mentions.ts';
import { COMPLIANCE_I18N } from '../lexicon-figures.ts';
import { isNegated } from '../readings.ts';
import { analyse, flatText } from '../text.ts';
import { matchIn } from '../wording.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

export const legalRequirement = defineRule({
  id: 'GC-LEGAL-REQUIREMENT',
  severity: 'error',
  citation: 'EU Annex I 10a; CMA P1; FTC §260.9(b)(2), §260.11',
  languages: LANGUAGES,
  title: 'A legal requirement presented as a distinctive feature ("CFC-free", "phosphate-free" laundry in the EU)',
  fix: 'Remove it: every competing product must meet the same requirement.',
  detect(claim, ctx) {
    const eu = claim.markets.includes('EU') ? euFrom(ctx) : '';
    for (const mention of freeOfMentions(claim.statement, claim.language)) {
      const law = legalRequirementFor(claim.statement, mention.substance, claim.markets);
      if (law) {
        return {
          message: `Being free of ${law.name} is not a distinctive feature: ${law.law}. Presenting it as one misleads.${eu}`,
          fix: `Remove the "${mention.substance}-free" wording.`,
        };
      }
    }
    const text = analyse(claim.statement);
    const m = matchIn(COMPLIANCE_AS_FEATURE, COMPLIANCE_I18N, flatText(text), claim.statement, claim.language);
    if (m) {
      const first = m[0].split(' ')[0]!;
      const at = text.words.findIndex((w) => w.norm === first);
      if (at < 0 || !isNegated(text, { start: at, end: at })) {
        return { message: `"${m[0]}" presents meeting the law as a distinctive feature; every product on the market must.${eu}`, fix: 'Remove it, or say what the product does beyond the legal minimum.' };
      }
    }
    return null;
  },
});
