import { evidenceText } from '../evidence.ts';
import { ALL_MARKETS, defineRule } from '../rule.ts';
import { freeOfMentions, legalRequirementFor } from '../free-of-mentions.ts';
import { wordPattern } from '../wording.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

const TEST = /\b(test\w*|lab|labs|laborator\w*|analys\w*|assay|screen\w*|detection|chromatograph\w*)\b/;
/** A test report written in German, French, Dutch, Spanish or Italian. */
const TEST_I18N = wordPattern("prüf\\p{L}*|laborbericht|laboranalyse|untersuchung\\p{L}*|essai\\p{L}*|rapport d'essai|onderzoek\\p{L}*|ensayo\\p{L}*|análisis|analisi|rapporto di prova");

export const freeOf = defineRule({
  id: 'GC-FREE-OF',
  severity: 'warning',
  citation: 'FTC §260.9; CMA P6',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'A claim type that must be qualified and tested everywhere (UCPD Art 6-7 in the EU); the FTC section is the most detailed guidance.',
  title: '"Free of" / "-free" / "contains no" claim without a test report (substances the law already bans are GC-LEGAL-REQUIREMENT)',
  fix: 'Attach a test report for the substance, and check that what replaced it is not as harmful.',
  detect(claim) {
    const mentions = freeOfMentions(claim.statement, claim.language).filter((m) => m.kind === 'substance' && !legalRequirementFor(claim.statement, m.substance, claim.markets));
    if (mentions.length === 0) return null;
    const untested = mentions.filter((m) => !claim.evidence.some((ev) => ev.type !== 'url' && (TEST.test(evidenceText(ev)) || TEST_I18N.test(evidenceText(ev)) || evidenceText(ev).includes(m.substance))));
    if (untested.length === 0) return null;
    const s = untested[0]!.substance;
    return {
      message: `The statement says the product is free of ${s}, and no test report on file shows it (below detection, not merely "not added").`,
      fix: `Attach a laboratory test report for ${s}, and check that any substitute is not as harmful.`,
    };
  },
});
