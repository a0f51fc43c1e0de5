// The readings that keep a term from crying wolf: negations ("not eco-friendly yet"), colours ("forest green"), proper
// nouns ("Green Street"), compound words ("greenhouse", "economy": handled by whole-token matching in text.ts), names of
// labels ("Nordic Swan Ecolabel") and of modes or programmes ("Eco programme"); and claimTerms, which finds a rule's
// terms with those readings set aside.
import { analyse, findPhrase, findTerms, sentenceText, spanText, termParts } from './text.ts';
import type { Match, Span, Text, Word } from './text.ts';
import { FUTURE_MARKERS, KNOWN_LABELS } from './vocabulary.ts';
import { FUTURE_I18N } from './lexicon.ts';
import { ownLanguage } from './wording.ts';
import type { Language } from '../../shared/claims/language.ts';

/** Negators that reach a term a few words later in the same clause. */
const NEGATORS = new Set(['not', 'never', "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "won't", 'cannot', "can't", 'nor', 'neither', 'nothing', "shouldn't", "couldn't", "wouldn't",
  // German, French, Dutch, Spanish, Italian: only words that negate in no other of the six languages ("no" and "non"
  // are English too, and Italian "mai" is German "Mai": they come as pairs below).
  'nicht', 'kein', 'keine', 'keinen', 'keiner', 'keines', 'niemals', 'pas', 'jamais', 'niet', 'geen', 'nooit', 'nunca', 'tampoco']);
const NEGATION_PAIRS: readonly [string, string][] = [['no', 'longer'], ['far', 'from'], ['anything', 'but'], ['rather', 'than'], ['instead', 'of'],
  ['no', 'es'], ['no', 'son'], ['no', 'está'], ['no', 'están'], ['no', 'era'], ['non', 'è'], ['non', 'sono'], ['non', 'era'], ['non', 'ancora'], ['no', 'todavía']];
// Dutch "pas sinds 2020" is "only since 2020", not French "pas" (not).
const NOT_A_NEGATION_AFTER = new Set(['only', 'just', 'merely', 'simply', 'sinds', 'vanaf', 'sedert', 'nu', 'na']);

const COLOUR_NAMES = new Set(['red', 'blue', 'yellow', 'black', 'white', 'grey', 'gray', 'orange', 'purple', 'pink', 'brown', 'navy', 'beige', 'teal', 'turquoise', 'khaki', 'cream', 'ivory', 'silver', 'gold', 'maroon', 'violet', 'indigo', 'charcoal', 'tan', 'green']);
const COLOUR_MODIFIERS = new Set(['forest', 'sage', 'olive', 'bottle', 'emerald', 'lime', 'mint', 'dark', 'light', 'pale', 'bright', 'deep', 'racing', 'hunter', 'army', 'apple', 'kelly', 'jade', 'moss', 'sea', 'neon', 'pastel', 'pine', 'fern', 'grass', 'leaf', 'jungle', 'teal', 'bluish', 'yellowish', 'muted', 'soft', 'vivid', 'metallic', 'matte', 'glossy']);
const COLOUR_NOUNS = new Set(['colour', 'color', 'colours', 'colors', 'colourway', 'colorway', 'shade', 'shades', 'hue', 'tint', 'finish', 'paint', 'dye', 'tone']);
const COLOUR_VERBS_BEFORE_IN = new Set(['available', 'comes', 'come', 'coloured', 'colored', 'painted', 'finished', 'also', 'dyed', 'offered', 'shown']);

/** Capitalised words after "Green"/"Conscious" that make it part of a place. */
const PLACE_SUFFIXES = new Set(['street', 'st', 'road', 'rd', 'lane', 'ln', 'avenue', 'ave', 'park', 'square', 'sq', 'way', 'close', 'drive', 'terrace', 'place', 'pl', 'row', 'hill', 'gardens', 'garden', 'court', 'crescent', 'walk', 'bridge', 'common', 'village', 'station', 'valley', 'farm', 'mews', 'grove', 'quay', 'wharf', 'yard', 'market', 'end', 'town', 'city', 'county', 'estate']);
const PERSON_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady']);

/** A mode or programme of an appliance is a setting's name, not a claim about the product ("Eco programme"). */
const PROGRAMME_WORDS = new Set(['programme', 'programmes', 'program', 'programs', 'mode', 'modes', 'setting', 'settings', 'cycle', 'cycles', 'button', 'function', 'option']);

/** "not eco-friendly yet", "isn't green", "no longer carbon neutral". */
export function isNegated(text: Text, span: Span): boolean {
  const w = text.words;
  const first = w[span.start]!;
  for (let i = span.start - 1; i >= Math.max(0, span.start - 5); i--) {
    const word = w[i]!;
    if (word.clause !== first.clause) break;
    if (NEGATORS.has(word.norm)) {
      const after = w[i + 1];
      if (after && NOT_A_NEGATION_AFTER.has(after.norm)) continue;
      return true;
    }
    const next = w[i + 1];
    if (next && i + 1 < span.start && NEGATION_PAIRS.some(([a, b]) => word.norm === a && next.norm === b)) return true;
  }
  // A hyphenated negation: "non-toxic" is handled by its own rule; "not-so-green".
  const prev = w[span.start - 1];
  if (prev && prev.token === first.token && (prev.norm === 'non' || prev.norm === 'not' || prev.norm === 'un')) return true;
  return false;
}

/** "forest green", "green and ocean blue", "available in green", "a green colourway". */
function isColour(text: Text, span: Span): boolean {
  const w = text.words;
  if (span.start !== span.end || !COLOUR_NAMES.has(w[span.start]!.norm)) return false;
  const prev = w[span.start - 1];
  const next = w[span.start + 1];
  if (prev && prev.token !== w[span.start]!.token && COLOUR_MODIFIERS.has(prev.norm)) return true;
  if (next && COLOUR_NOUNS.has(next.norm)) return true;
  if (prev?.norm === 'in' && w[span.start - 2] && COLOUR_VERBS_BEFORE_IN.has(w[span.start - 2]!.norm)) return true;
  // A list of colours: another colour name within three words, joined by "and", "or" or a comma.
  for (let d = -3; d <= 3; d++) {
    if (d === 0) continue;
    const other = w[span.start + d];
    if (!other || other.sentence !== w[span.start]!.sentence) continue;
    if (COLOUR_NAMES.has(other.norm) && other.norm !== w[span.start]!.norm) {
      const between = d > 0 ? w.slice(span.start + 1, span.start + d) : w.slice(span.start + d + 1, span.start);
      if (between.every((b) => ['and', 'or', 'in', 'with', '&'].includes(b.norm) || COLOUR_MODIFIERS.has(b.norm))) return true;
      if (between.length === 0 || Math.abs(d) === 1) return true;
    }
  }
  return false;
}

function capitalised(word: Word | undefined): boolean {
  return word !== undefined && /^\p{Lu}/u.test(word.raw);
}

const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'is', 'are']);

/** "Our New Eco-Friendly Laundry Liquid": in Title Case, capitals say nothing about names. */
function isTitleCase(text: Text): boolean {
  const words = text.words.filter((w) => w.tokenStart && !w.sentenceStart && !w.isNumber && /^\p{L}/u.test(w.raw) && !FUNCTION_WORDS.has(w.norm));
  if (words.length < 3) return false;
  return words.filter((w) => capitalised(w)).length / words.length >= 0.7;
}

/** "Green Street", "Bethnal Green", "Mr Green": a place or a person, not a claim. */
function isProperNoun(text: Text, span: Span): boolean {
  const w = text.words;
  const first = w[span.start]!;
  const last = w[span.end]!;
  if (!capitalised(first)) return false;
  const next = w[span.end + 1];
  if (next && capitalised(next) && next.sentence === last.sentence && PLACE_SUFFIXES.has(next.norm)) return true;
  const prev = w[span.start - 1];
  if (prev && prev.sentence === first.sentence && PERSON_TITLES.has(prev.norm)) return true;
  if (prev && prev.sentence === first.sentence && prev.clause === first.clause && !first.sentenceStart && capitalised(prev) && !prev.sentenceStart
    && !prev.isNumber && prev.raw !== prev.raw.toUpperCase() && !isTitleCase(text)) return true;
  return false;
}

/** "Eco programme", "ECO mode", "the Green 40-60 cycle". */
function isProgrammeName(text: Text, span: Span): boolean {
  const w = text.words;
  for (let i = span.end + 1; i <= Math.min(w.length - 1, span.end + 3); i++) {
    const word = w[i]!;
    if (word.clause !== w[span.end]!.clause) return false;
    if (PROGRAMME_WORDS.has(word.norm)) return true;
    if (!word.isNumber && !/^\d/.test(word.norm)) return false;
  }
  return false;
}

/** Word indexes inside a label's own name: the claim's label field and well-known labels. */
function labelSpans(text: Text, label: string | null): Set<number> {
  const names: string[] = [...KNOWN_LABELS];
  if (label) {
    const core = label.replace(/\([^)]*\)/g, ' ').replace(/\b(certified|certification|label|seal|badge|mark|logo)\b/gi, ' ').trim();
    if (core) names.push(core);
    names.push(label.replace(/\([^)]*\)/g, ' ').trim());
  }
  const covered = new Set<number>();
  for (const name of names) {
    const parts = termParts(name);
    if (parts.length === 0) continue;
    for (const span of findPhrase(text, parts, { wholeTokens: false })) for (let k = span.start; k <= span.end; k++) covered.add(k);
  }
  return covered;
}

/** A sentence that speaks about the future. */
export function isFutureSentence(text: Text, sentence: number, lang?: Language | null): boolean {
  const s = sentenceText(text, sentence);
  if (FUTURE_MARKERS.test(s)) return true;
  // "bis 2030 klimaneutral", "neutre en carbone d'ici 2050": the statement's own language's markers.
  const own = ownLanguage(text.source, lang);
  return own !== null && FUTURE_I18N[own].test(s);
}

export type TermHit = Match & { words: string };

/**
 * Occurrences of terms that are real claims: not negated, not a colour, a place, a label's or a programme's name.
 * `future` decides what to do with sentences about the future: keep them, or drop them (present-tense rules).
 */
export function claimTerms(statement: string, terms: readonly string[], options: { label?: string | null; present?: boolean; lang?: Language | null } = {}): TermHit[] {
  const text = analyse(statement);
  const inLabel = labelSpans(text, options.label ?? null);
  return findTerms(text, terms)
    .filter((m) => {
      for (let k = m.start; k <= m.end; k++) if (inLabel.has(k)) return false;
      if (isNegated(text, m) || isColour(text, m) || isProperNoun(text, m) || isProgrammeName(text, m)) return false;
      if (options.present && isFutureSentence(text, text.words[m.start]!.sentence, options.lang)) return false;
      return true;
    })
    .map((m) => ({ ...m, words: spanText(text, m) }));
}
