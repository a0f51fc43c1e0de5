// Words of a claim statement, with enough structure for the rules to read them the way a reviewer does: which
// hyphenated token a word belongs to (so "greenhouse" is never "green", while "eco-friendly" is "eco friendly"),
// which clause and sentence it sits in (negation and tense do not cross a full stop), and its original casing
// (so "Green Street" can be told from "green").

import { memoize } from '../memo.ts';

export type Word = {
  /** Lowercased, apostrophes and dashes normalised. Numbers keep their digits; a percentage ends in "%". */
  norm: string;
  raw: string;
  index: number;
  /** Index of the hyphenated token this word is part of. */
  token: number;
  /** First / last part of its token ("eco" and "friendly" in "eco-friendly"). */
  tokenStart: boolean;
  tokenEnd: boolean;
  clause: number;
  sentence: number;
  sentenceStart: boolean;
  isNumber: boolean;
  /** Offsets in `normalized`, so a quote shows the statement's own spelling ("Eco-friendly"). */
  from: number;
  to: number;
};

export type Text = {
  source: string;
  /** Normalised source: NFKC (CO₂ -> CO2), straight apostrophes, ASCII hyphens. */
  normalized: string;
  words: Word[];
  sentences: string[];
};

export type Span = { start: number; end: number };
export type Match = Span & { term: string };

export function normalize(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02BC\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E]/g, '"')
    .replace(/[\u2010\u2011\u2212]/g, '-')
    .replace(/[\u2012-\u2015]/g, ' ; ')
    .replace(/\u00A0/g, ' ');
}

const TOKEN = /\d+(?:[.,]\d+)*\s?%|\d+(?:[.,]\d+)*|[\p{L}\p{N}]+(?:'\p{L}+)?(?:[-+][\p{L}\p{N}]+(?:'\p{L}+)?)*\+*|[.;:!?,()[\]"]/gu;
const SENTENCE_END = new Set(['.', '!', '?']);
const CLAUSE_END = new Set(['.', '!', '?', ',', ';', ':', '(', ')', '[', ']', '"']);

function split(source: string): Text {
  const normalized = normalize(source);
  const words: Word[] = [];
  const sentences: string[] = [];
  let token = 0;
  let clause = 0;
  let sentence = 0;
  let sentenceStartIndex = 0;
  let sentenceFrom = 0;
  let atSentenceStart = true;
  for (const m of normalized.matchAll(TOKEN)) {
    const t = m[0];
    if (CLAUSE_END.has(t)) {
      clause++;
      if (SENTENCE_END.has(t)) {
        if (words.length > sentenceStartIndex) {
          sentences.push(normalized.slice(sentenceFrom, (m.index ?? 0) + 1).trim());
          sentence++;
          sentenceStartIndex = words.length;
        }
        sentenceFrom = (m.index ?? 0) + 1;
        atSentenceStart = true;
      }
      continue;
    }
    const isNum = /^\d/.test(t);
    const parts = isNum ? [t.replace(/\s/g, '')] : t.split(/-/).filter(Boolean);
    let offset = m.index ?? 0;
    parts.forEach((p, i) => {
      const from = isNum ? offset : normalized.indexOf(p, offset);
      const to = isNum ? offset + t.length : from + p.length;
      offset = to;
      words.push({
        from,
        to,
        norm: p.toLowerCase(),
        raw: p,
        index: words.length,
        token,
        tokenStart: i === 0,
        tokenEnd: i === parts.length - 1,
        clause,
        sentence,
        sentenceStart: atSentenceStart && i === 0,
        isNumber: isNum,
      });
    });
    atSentenceStart = false;
    token++;
  }
  if (sentenceFrom < normalized.length && normalized.slice(sentenceFrom).trim()) sentences.push(normalized.slice(sentenceFrom).trim());
  return { source, normalized, words, sentences };
}

// Every rule reads the same statement: analyse it once.
export const analyse: (source: string) => Text = memoize(split, 2000);

const splitTerms = new Map<string, readonly string[]>();

function splitTerm(term: string): readonly string[] {
  return Object.freeze(normalize(term).toLowerCase().split(/[\s-]+/).filter(Boolean));
}

/**
 * "eco-friendly" / "eco friendly" / "Eco Friendly" -> ["eco", "friendly"]. Every rule splits the same term lists for
 * every claim (a list of a thousand claims took seconds on this alone): each term is split once.
 */
export function termParts(term: string): readonly string[] {
  // A plain map, not memoize's LRU: it is asked thousands of times per claim, and the terms are the rules' own lists
  // (plus labels named on claims), so it is emptied only if it ever grows past that.
  let parts = splitTerms.get(term);
  if (parts === undefined) {
    if (splitTerms.size >= 20_000) splitTerms.clear();
    splitTerms.set(term, (parts = splitTerm(term)));
  }
  return parts;
}

/** "the" in a term stands for any determiner: "kinder to the planet" is "kinder to our planet". */
const DETERMINERS = new Set(['the', 'our', 'your', 'this', 'its', 'their', 'my']);

/** French and Italian elide an article into the next word ("l'énergie", "dell'ambiente", "un'auto"). */
const ELISION = /^(l|d|qu|j|n|s|c|m|t|dell|dall|nell|sull|all|un)'(?=\p{L})/u;

/** A word without its elided article: "l'énergie" -> "énergie". */
export function withoutElision(word: string): string {
  return word.replace(ELISION, '');
}

function samePart(word: string, part: string): boolean {
  if (word === part) return true;
  if (part === 'the' && DETERMINERS.has(word)) return true;
  // Only a word with an apostrophe can have an elided article: the others skip the regular expressions.
  return word.includes("'") && withoutElision(word) === part && !ELISION.test(part);
}

/**
 * Where a phrase occurs as whole tokens within one clause. Whole tokens matter: "green" must not match inside
 * "green-e" (a label), and "recycled" must not match "recycled-content-free" halfway through.
 */
export function findPhrase(text: Text, parts: readonly string[], options: { wholeTokens?: boolean } = {}): Span[] {
  const whole = options.wholeTokens ?? true;
  const out: Span[] = [];
  const w = text.words;
  for (let i = 0; i + parts.length <= w.length; i++) {
    let ok = true;
    for (let j = 0; j < parts.length; j++) {
      const word = w[i + j]!;
      if (!samePart(word.norm, parts[j]!) || word.clause !== w[i]!.clause) { ok = false; break; }
      if (j > 0 && word.token !== w[i + j - 1]!.token && !word.tokenStart) { ok = false; break; }
    }
    if (!ok) continue;
    if (whole && (!w[i]!.tokenStart || !w[i + parts.length - 1]!.tokenEnd)) continue;
    out.push({ start: i, end: i + parts.length - 1 });
  }
  return out;
}

/** All non-overlapping occurrences of any of the terms, longest term first. */
export function findTerms(text: Text, terms: readonly string[]): Match[] {
  const sorted = [...terms].map((t) => ({ term: t, parts: termParts(t) })).sort((a, b) => b.parts.length - a.parts.length);
  const taken = new Set<number>();
  const out: Match[] = [];
  for (const { term, parts } of sorted) {
    for (const span of findPhrase(text, parts)) {
      let free = true;
      for (let k = span.start; k <= span.end; k++) if (taken.has(k)) free = false;
      if (!free) continue;
      for (let k = span.start; k <= span.end; k++) taken.add(k);
      out.push({ ...span, term });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The words of a span's sentence, in order. */
export function sentenceWords(text: Text, sentence: number): Word[] {
  return text.words.filter((w) => w.sentence === sentence);
}

/** Normalised text of one sentence, words joined by single spaces (for phrase regexes that span punctuation-free text). */
export function sentenceText(text: Text, sentence: number): string {
  return sentenceWords(text, sentence).map((w) => w.norm).join(' ');
}

function wordsText(words: readonly Word[]): string {
  return words.map((w) => w.norm).join(' ');
}

/** The whole statement as normalised words joined by spaces: regexes over it never see punctuation or case. */
export function flatText(text: Text): string {
  return wordsText(text.words);
}

/** Percentages and other figures: value, the word index, and whether it carried a % sign or "per cent". */
export type Figure = { value: number; index: number; percent: boolean };

const PERCENT_WORDS = new Set(['percent', 'prozent', 'procent']);
const PERCENT_PAIRS = new Set(['per cent', 'pour cent', 'por ciento', 'per cento']);

export function figures(text: Text): Figure[] {
  const out: Figure[] = [];
  const w = text.words;
  for (const word of w) {
    if (!word.isNumber) continue;
    const pct = word.norm.endsWith('%');
    const digits = word.norm.replace(/%$/, '');
    // "1,200,000" is a thousands separator; "0,5" (one comma, not 3 digits after) a decimal comma.
    const value = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits) ? Number(digits.replace(/,/g, '')) : Number(digits.replace(',', '.'));
    if (!Number.isFinite(value)) continue;
    const next = w[word.index + 1];
    const next2 = w[word.index + 2];
    // "per cent", and the word in German and Dutch ("Prozent", "procent"), French, Spanish and Italian ("pour cent"...).
    const perCent = !pct && next !== undefined && (PERCENT_WORDS.has(next.norm) || (next2 !== undefined && PERCENT_PAIRS.has(`${next.norm} ${next2.norm}`)));
    out.push({ value, index: word.index, percent: pct || perCent });
  }
  return out;
}

/** The statement's own words for a span, as written. */
export function spanText(text: Text, span: Span): string {
  return text.normalized.slice(text.words[span.start]!.from, text.words[span.end]!.to);
}
