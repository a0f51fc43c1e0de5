import { evidenceText } from '../evidence.ts';
import { ALL_MARKETS, defineRule, quote } from '../rule.ts';
import { claimTerms } from '../readings.ts';
import { analyse, sentenceText } from '../text.ts';

const KIND = /\b(home|industrial\w*|commercial\w*|municipal)\b/;
const HOME = /\bhome\b/;
const AVAILABILITY = /\b(facilities (may|might) not|where (\w+ ){0,2}facilities exist|check local\w*|not (be )?available|(in|to) \d+(\.\d+)?% of|few (areas|communities)|(some|limited|few|most) areas|may not exist|do not exist in many)\b/;

export const compostableQualify = defineRule({
  id: 'GC-COMPOSTABLE-QUALIFY',
  severity: 'warning',
  citation: 'FTC §260.7(b)-(d); CMA P3',
  languages: ['en'],
  markets: ALL_MARKETS,
  marketsReason: 'A claim type that must be qualified everywhere (UCPD Art 7 misleading omission in the EU); the FTC section is the most detailed guidance.',
  title: '"Compostable" without saying home or industrial, and whether facilities exist',
  fix: 'Say "industrially compostable only; facilities may not exist in your area" (or "home compostable").',
  detect(claim) {
    const text = analyse(claim.statement);
    const hits = claimTerms(claim.statement, ['compostable', 'home compostable', 'industrially compostable', 'commercially compostable', 'industrial compostable'], { present: true });
    if (hits.length === 0) return null;
    const sentence = sentenceText(text, text.words[hits[0]!.start]!.sentence);
    const kind = KIND.exec(sentence);
    if (kind && HOME.test(sentence) && !/industrial|commercial|municipal/.test(sentence)) return null;
    if (kind && AVAILABILITY.test(sentence)) return null;
    const industrialProof = claim.evidence.some((ev) => /\bindustrial\b/.test(evidenceText(ev)));
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
