// Which languages a statement is read in, and the per-language word lists and patterns of the rules that read wording
// (lexicon-products.ts, lexicon-figures.ts). English is always read, because claims in every EU language borrow
// English wording ("carbon neutral", "eco-friendly"); the statement's own language is read as well.
import { claimLanguage } from './language.ts';
import type { Language } from '../../shared/claims/language.ts';

export type OtherLanguage = Exclude<Language, 'en'>;
export type PerLanguage<T> = Readonly<Record<OtherLanguage, T>>;

/** English always, plus the statement's own language (set on the claim, or detected). */
export function claimLanguages(statement: string, lang?: Language | null): Language[] {
  const l = lang ?? claimLanguage({ statement });
  return l === 'en' ? ['en'] : ['en', l];
}

/** The statement's own language when it is not English (set on the claim, or detected). */
export function ownLanguage(statement: string, lang?: Language | null): OtherLanguage | null {
  const l = lang ?? claimLanguage({ statement });
  return l === 'en' ? null : l;
}

/** The English list plus the list of the statement's own language. */
export function wordsIn(en: readonly string[], lex: PerLanguage<readonly string[]>, statement: string, lang?: Language | null): string[] {
  const own = ownLanguage(statement, lang);
  return own ? [...en, ...lex[own]] : [...en];
}

/** The English set plus the words of the statement's own language. */
export function setIn(en: ReadonlySet<string>, lex: PerLanguage<readonly string[]>, statement: string, lang?: Language | null): Set<string> {
  const own = ownLanguage(statement, lang);
  return new Set(own ? [...en, ...lex[own]] : en);
}

const cache = new Map<string, RegExp>();

/**
 * Alternatives (regex syntax) matched as whole words over normalised text. JavaScript's \b knows only ASCII letters,
 * so "écologique" or "ökologisch" would never start a word: the boundaries here are any letter or digit.
 */
export function wordPattern(alternatives: string, flags = ''): RegExp {
  const key = `${flags}/${alternatives}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, `u${flags}`);
    cache.set(key, re);
  }
  return re;
}

/** The English pattern, or the statement's own language's alternatives, finds something in `text`. */
export function readsIn(en: RegExp, lex: PerLanguage<string>, text: string, statement: string, lang?: Language | null): boolean {
  if (en.test(text)) return true;
  const own = ownLanguage(statement, lang);
  return own !== null && wordPattern(lex[own]).test(text);
}

/** The first match, English first, then the statement's own language. */
export function matchIn(en: RegExp, lex: PerLanguage<string>, text: string, statement: string, lang?: Language | null): RegExpExecArray | null {
  const m = en.exec(text);
  if (m) return m;
  const own = ownLanguage(statement, lang);
  return own === null ? null : wordPattern(lex[own]).exec(text);
}

/** Every match of the English pattern (global) and of the own language's alternatives, first group or whole match. */
export function allMatchesIn(en: RegExp, lex: PerLanguage<string>, text: string, statement: string, lang?: Language | null): string[] {
  const own = ownLanguage(statement, lang);
  const res = own === null ? [en] : [en, wordPattern(lex[own], 'g')];
  return res.flatMap((re) => [...text.matchAll(re)].map((m) => m[1] ?? m[0]));
}
