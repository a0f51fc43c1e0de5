// The language of a claim's statement: set on the claim, or detected from its function words. The term lists of the
// rules are per language (lexicon.ts); English is always read as well, because claims in every EU language borrow
// English wording ("carbon neutral", "eco-friendly").
import type { DatabaseSync } from 'node:sqlite';
import { memoize } from '../memo.ts';
import { readSiteLanguage } from '../site/i18n-settings.ts';
import { analyse } from './text.ts';
import type { Language } from '../../shared/claims/language.ts';
import { LANGUAGES } from '../../shared/claims/language.ts';

// Short, frequent and distinctive words; a statement is attributed to the language with most hits.
const FUNCTION_WORDS: Record<Language, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'are', 'our', 'with', 'for', 'we', 'your', 'it', 'this', 'more', 'than', 'made', 'from', 'be', 'by', 'on', 'in', "it's", 'that'],
  de: ['der', 'die', 'das', 'und', 'ist', 'mit', 'für', 'unsere', 'unser', 'seit', 'alle', 'wir', 'ein', 'eine', 'nicht', 'auf', 'zu', 'von', 'produziert', 'aus', 'durch', 'im', 'sich', 'sind', 'hat', 'haben', 'auch', 'unserem', 'unseren', 'dem', 'den'],
  fr: ['le', 'la', 'les', 'et', 'des', 'du', 'est', 'notre', 'nos', 'pour', 'avec', 'une', 'un', "d'ici", 'au', 'aux', 'être', 'de', 'sur', 'nous', 'plus', "l'environnement", 'ont', 'sont', 'son', 'sa', 'ses', 'depuis', 'leur', 'cette', 'ce'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'onze', 'ons', 'voor', 'met', 'wij', 'we', 'naar', 'op', 'uw', 'je', 'niet', 'bij', 'dit', 'deze', 'zijn', 'weg', 'ook', 'dan', 'sinds', 'heeft', 'hebben'],
  es: ['el', 'la', 'los', 'las', 'y', 'del', 'es', 'nuestro', 'nuestra', 'para', 'con', 'una', 'un', 'por', 'está', 'en', 'de', 'que', 'más', 'al', 'compañía', 'contra', 'ha', 'han', 'su', 'sus', 'desde', 'nuestras', 'nuestros', 'hasta', 'muy', 'también'],
  it: ['il', 'lo', 'la', 'gli', 'le', 'e', 'del', 'della', 'è', 'nostro', 'nostra', 'per', 'con', 'una', 'un', 'di', 'che', 'più', 'alla', 'dei', 'sono', 'delle', 'nostri', 'nostre', 'dal', 'dalla', 'anche', 'questo', 'questa', 'hanno'],
};

function detect(statement: string): Language | null {
  const words = analyse(statement).words.map((w) => w.norm);
  let best: Language = 'en';
  let bestScore = 0;
  for (const lang of LANGUAGES) {
    const set = new Set(FUNCTION_WORDS[lang]);
    const score = words.filter((w) => set.has(w)).length;
    if (score > bestScore) { best = lang; bestScore = score; }
  }
  return bestScore === 0 ? detectByLexicon(words) : best;
}

// Very short statements ("Klimaneutral", "Umweltneutrales Produkt") have no function words: their spelling decides.
const SPELLING: [Language, RegExp][] = [
  // "klima" but not Dutch "klimaat" (the official Dutch recital 9's "klimaatvriendelijke verpakking" was read as German).
  ['de', /(ä|ö|ü|ß|neutral(es|er)?$|^umwelt|^klima(?!at)|freundlich$|^nachhaltig|produkt$)/],
  ['nl', /(ij|aa|oo|uu|^duurzaam|vriendelijk$|^milieu)/],
  ['fr', /(é|è|ê|ç|^écolog|ique$)/],
  ['es', /(ñ|ción$|^sostenible$|^ecológic)/],
  ['it', /(zione$|^sostenibil|^ecologic[oi]$)/],
];

function detectByLexicon(words: readonly string[]): Language | null {
  for (const [lang, re] of SPELLING) if (words.some((w) => re.test(w))) return lang;
  return null;
}

/** The language a statement is written in, or null when it is too short to tell ("100% recycelt"). */
const statementLanguage: (statement: string) => Language | null = memoize(detect, 2000);

/**
 * The claim's language: the one recorded on the claim, else the one its statement is written in, else `fallback`
 * (the workspace's language, where the caller knows it: a German company's "100% recycelt" is German).
 */
export function claimLanguage(claim: { statement: string; language?: Language | null }, fallback: Language = 'en'): Language {
  return claim.language ?? statementLanguage(claim.statement) ?? fallback;
}

/** The workspace's language (its site's): what a claim too short to tell is read in, by the app as by the site. */
export function workspaceLanguage(db: DatabaseSync): Language {
  return readSiteLanguage(db).language;
}
