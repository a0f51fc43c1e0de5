import { evidenceText } from '../evidence.ts';
import { ALL_MARKETS, defineRule, quote } from '../rule.ts';
import { freeOfMentions } from '../free-of-mentions.ts';
import { NONTOXIC_I18N, TOX_ENVIRONMENT_I18N, TOX_HUMAN_I18N } from '../lexicon-products.ts';
import { claimTerms } from '../readings.ts';
import { wordPattern, wordsIn } from '../wording.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

const NONTOXIC_TERMS = ['non toxic', 'nontoxic', 'chemical free', 'chemicals free', 'toxin free', 'toxic free', 'toxins free', 'no chemicals', 'no toxins', 'zero chemicals', 'no nasties'] as const;
const HUMAN = /\b(human|humans|people|health|mammal\w*|skin|dermal|oral|inhalation|child\w*|kids?|infants?|pets?|toxicity to humans)\b/;
const ENVIRONMENT = /\b(environment\w*|aquatic|ecotox\w*|eco tox\w*|marine|fish|daphnia|algae|wildlife|soil|organisms|biodegrad\w*|ecological)\b/;

export const nontoxic = defineRule({
  id: 'GC-NONTOXIC',
  severity: 'warning',
  citation: 'FTC §260.10(b)',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'A claim type that must be substantiated everywhere (UCPD Art 6, CMA P1 and P6); the FTC section is the most detailed guidance.',
  title: '"Non-toxic" / "chemical-free" without evidence covering both people and the environment',
  fix: 'Test toxicity to people and to the environment, or narrow the claim.',
  detect(claim) {
    const hits = claimTerms(claim.statement, wordsIn(NONTOXIC_TERMS, NONTOXIC_I18N, claim.statement, claim.language));
    const free = freeOfMentions(claim.statement, claim.language).filter((m) => m.kind === 'toxic');
    if (hits.length === 0 && free.length === 0) return null;
    const all = claim.evidence.map(evidenceText).join(' ');
    // Evidence may be written in another language than the statement: read it in all of them.
    const human = HUMAN.test(all) || wordPattern(TOX_HUMAN_I18N).test(all);
    const env = ENVIRONMENT.test(all) || wordPattern(TOX_ENVIRONMENT_I18N).test(all);
    if (human && env) return null;
    const term = hits.length ? quote(hits[0]!.words) : `"free of ${free[0]!.substance}"`;
    const missing = !human && !env ? 'people or the environment' : human ? 'the environment (only people are covered)' : 'people (only the environment is covered)';
    return {
      message: `${term} will be read as safe for people and for the environment, and no evidence on file covers toxicity to ${missing}.`,
      fix: human ? 'Add an environmental toxicity test, or narrow the claim (for example "non-toxic to people when used as directed").' : 'Test toxicity to people and the environment, or narrow the claim.',
    };
  },
});
