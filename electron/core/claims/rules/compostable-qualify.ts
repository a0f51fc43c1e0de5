import { evidenceText } from '../evidence.ts';
import { ALL_MARKETS, defineRule, quote } from '../rule.ts';
import { COMPOST_AVAILABILITY_I18N, COMPOST_HOME_I18N, COMPOST_INDUSTRIAL_I18N, COMPOSTABLE_I18N } from '../lexicon-products.ts';
import { claimTerms } from '../readings.ts';
import { analyse, sentenceText } from '../text.ts';
import { readsIn, wordPattern, wordsIn } from '../wording.ts';
import type { PerLanguage } from '../wording.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

const HOME = /\bhome\b/;
const INDUSTRIAL = /\b(industrial\w*|commercial\w*|municipal)\b/;
/** Evidence of industrial composting written in German, French, Dutch, Spanish or Italian. */
const INDUSTRIAL_EVIDENCE = wordPattern('industriell\\p{L}*|industriel\\p{L}*|industrieel\\p{L}*|industriale|industriali');
const AVAILABILITY = /\b(facilities (may|might) not|where (\w+ ){0,2}facilities exist|check local\w*|not (be )?available|(in|to) \d+(\.\d+)?% of|few (areas|communities)|(some|limited|few|most) areas|may not exist|do not exist in many)\b/;

export const compostableQualify = defineRule({
  id: 'GC-COMPOSTABLE-QUALIFY',
  severity: 'warning',
  citation: 'FTC §260.7(b)-(d); CMA P3',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'A claim type that must be qualified everywhere (UCPD Art 7 misleading omission in the EU); the FTC section is the most detailed guidance.',
  title: '"Compostable" without saying home or industrial, and whether facilities exist',
  fix: 'Say "industrially compostable only; facilities may not exist in your area" (or "home compostable").',
  detect(claim) {
    const text = analyse(claim.statement);
    const en = ['compostable', 'home compostable', 'industrially compostable', 'commercially compostable', 'industrial compostable'];
    const hits = claimTerms(claim.statement, wordsIn(en, COMPOSTABLE_I18N, claim.statement, claim.language), { present: true, lang: claim.language });
    if (hits.length === 0) return null;
    const sentence = sentenceText(text, text.words[hits[0]!.start]!.sentence);
    const reads = (re: RegExp, lex: PerLanguage<string>) => readsIn(re, lex, sentence, claim.statement, claim.language);
    const home = reads(HOME, COMPOST_HOME_I18N);
    const industrial = reads(INDUSTRIAL, COMPOST_INDUSTRIAL_I18N);
    const kind = home || industrial;
    if (home && !industrial) return null;
    if (kind && reads(AVAILABILITY, COMPOST_AVAILABILITY_I18N)) return null;
    const industrialProof = claim.evidence.some((ev) => /\bindustrial\b/.test(evidenceText(ev)) || INDUSTRIAL_EVIDENCE.test(evidenceText(ev)));
    const term = quote(hits[0]!.words);
    if (!kind) {
      return {
        message: `${term} does not say whether it composts at home or only in industrial facilities${industrialProof ? ' (the evidence on file certifies industrial composting only)' : ''}, nor whether such facilities exist where it is sold.`,
        fix: industrialProof ? 'Say "industrially compostable only; facilities may not exist in your area".' : 'Say "home compostable", or "industrially compostable only; facilities may not exist in your area".',
      };
    }
    return `${term} needs industrial composting, and the statement does not warn that such facilities may not exist where readers live.`;
  },
});
