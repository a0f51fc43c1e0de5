// The detectors the rules share: which claim terms a statement uses (generic, broad, neutral, reduced, absolute), read
// in English and in the statement's own language, and whether a statement is an environmental claim at all.
import { environmentalComparisons } from './comparisons.ts';
import { freeOfMentions } from './free-of-mentions.ts';
import { REDUCED_CLIMATE_I18N } from './lexicon-figures.ts';
import { claimLanguages, ownLanguage, wordPattern, wordsIn } from './wording.ts';
import type { Language } from '../../shared/claims/language.ts';
import { ABSOLUTE_I18N, BROAD_I18N, COMMITMENT_OBJECTS, COMMITMENT_PHRASES, GENERIC_I18N, lexiconFor, NEUTRAL_I18N } from './lexicon.ts';
import { claimTerms, isFutureSentence } from './readings.ts';
import type { TermHit } from './readings.ts';
import { analyse, flatText, sentenceText } from './text.ts';
import type { Match, Text } from './text.ts';
import { ABSOLUTE_BOUNDARY, ABSOLUTE_TERMS, BROAD_TERMS, GENERIC_TERMS, NEUTRAL_TERMS, OFFSET_MENTIONS, REDUCED_CLIMATE_TERMS } from './vocabulary.ts';

export function genericTerms(statement: string, label: string | null, lang?: Language | null): TermHit[] {
  return claimTerms(statement, [...GENERIC_TERMS, ...lexiconFor(GENERIC_I18N, claimLanguages(statement, lang))], { label });
}

/** "committed to a sustainable world": the company's commitment, not a claim that a product is sustainable. */
function isCommitment(text: Text, m: Match): boolean {
  const next = text.words[m.end + 1];
  const prev = text.words[m.start - 1];
  // English puts the object after the adjective ("a sustainable world"), Spanish and French before ("un mundo sostenible").
  if (!(next && COMMITMENT_OBJECTS.has(next.norm)) && !(prev && COMMITMENT_OBJECTS.has(prev.norm))) return false;
  const before = text.words.slice(Math.max(0, m.start - 5), m.start).map((w) => w.norm).join(' ');
  return COMMITMENT_PHRASES.some((p) => before.includes(p));
}

export function broadTerms(statement: string, label: string | null, lang?: Language | null): TermHit[] {
  const text = analyse(statement);
  const langs = claimLanguages(statement, lang);
  // French "durable" is "sustainable"; English "durable" is "long-lasting": other languages' lists apply only to them.
  const terms = [...BROAD_TERMS, ...lexiconFor(BROAD_I18N, langs)];
  // "responsible for" is a duty, not a claim; "sustainability report" is a document.
  return claimTerms(statement, terms, { label }).filter((m) => text.words[m.end + 1]?.norm !== 'for' && !isCommitment(text, m));
}

const EMISSION_CONTEXT = /\b(carbon|co2|co2e|emissions?|footprint|climate|ghg|credits?|projects?|forestry|trees?|flights?|tickets?|tonnes?|uitstoot|klima\w*|klimaat\w*|carbone|emissions?|émissions?|emisiones|emissioni|clima\w*|milieu|umwelt)\b/;

/** Present-tense neutral wording; "offset"/"compensate" only when the clause is about emissions. */
export function neutralTerms(statement: string, lang?: Language | null): TermHit[] {
  const text = analyse(statement);
  const terms = [...NEUTRAL_TERMS, ...lexiconFor(NEUTRAL_I18N, claimLanguages(statement, lang))];
  return claimTerms(statement, terms, { present: true, lang }).filter((m) => {
    if (!/^(offset|compensat|kompens|compens|gecompens|neutralis)/.test(m.term)) return true;
    return EMISSION_CONTEXT.test(sentenceText(text, text.words[m.start]!.sentence));
  });
}

/** Annex I 4c's "reduced" climate wording ("low-carbon", "CO2-arm", "bas carbone"). */
export function reducedClimateTerms(statement: string, lang?: Language | null): TermHit[] {
  return claimTerms(statement, wordsIn(REDUCED_CLIMATE_TERMS, REDUCED_CLIMATE_I18N, statement, lang), { present: true, lang });
}

export function mentionsOffsetting(statement: string): boolean {
  return OFFSET_MENTIONS.test(flatText(analyse(statement)));
}

export function absoluteTerms(statement: string, lang?: Language | null): TermHit[] {
  const text = analyse(statement);
  const terms = [...ABSOLUTE_TERMS, ...lexiconFor(ABSOLUTE_I18N, claimLanguages(statement, lang))];
  return claimTerms(statement, terms, { present: true, lang }).filter((m) => !ABSOLUTE_BOUNDARY.test(sentenceText(text, text.words[m.start]!.sentence)));
}

/** The statement makes a claim about the future. */
export function speaksOfFuture(statement: string): boolean {
  const text = analyse(statement);
  return text.sentences.some((_, i) => isFutureSentence(text, i));
}

/** The same subjects in German, French, Dutch, Spanish and Italian ("recycelt", "émissions", "uitstoot"...). */
const ENVIRONMENTAL_WORDS_I18N = wordPattern('recyc\\p{L}*|rezykl\\p{L}*|recicl\\p{L}*|ricicl\\p{L}*|kompost\\p{L}*|compost\\p{L}*|erneuerbar\\p{L}*|renouvelable\\p{L}*|hernieuwba\\p{L}*|renovable\\p{L}*|rinnovabil\\p{L}*|emission\\p{L}*|émission\\p{L}*|emissie\\p{L}*|uitstoot|emisi\\p{L}*|emissioni|co2|co2e|kohlenstoff|carbone|koolstof|carbono|carbonio|plastikfrei|sans plastique|plasticvrij|sin plástico|senza plastica|windkraft|solar\\p{L}*|zonne\\p{L}*|eolic\\p{L}*|éolien\\p{L}*');

/** Everything that makes a statement an environmental claim, for rules that only concern such claims. */
export function soundsEnvironmental(statement: string, label: string | null, lang?: Language | null): boolean {
  if (genericTerms(statement, label, lang).length || broadTerms(statement, label, lang).length) return true;
  if (neutralTerms(statement, lang).length || absoluteTerms(statement, lang).length) return true;
  if (claimTerms(statement, [...NEUTRAL_TERMS, ...REDUCED_CLIMATE_TERMS, ...ABSOLUTE_TERMS]).length) return true;
  if (environmentalComparisons(statement, lang).length) return true;
  if (freeOfMentions(statement, lang).length) return true;
  const flat = flatText(analyse(statement));
  if (reducedClimateTerms(statement, lang).length || (ownLanguage(statement, lang) !== null && ENVIRONMENTAL_WORDS_I18N.test(flat))) return true;
  return /\b(recycl\w*|compost\w*|\w*degradable|renewable\w*|non toxic|nontoxic|wind power|solar|emissions?|carbon|co2|co2e|ghg|plastic free|ecolabel|eco label|fsc|pefc|deforestation)\b/.test(flat);
}
