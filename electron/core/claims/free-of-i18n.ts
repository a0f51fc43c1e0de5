// "Free of" claims in German, French, Dutch, Spanish and Italian: "FCKW-frei", "phosphatfreies Waschmittel",
// "frei von Parabenen", "sans phtalates", "fosfaatvrij", "sin parabenos", "senza siliconi". Prepositions such as "sans",
// "ohne" or "sin" are everyday words ("sans frais", "ohne Aufpreis"), so only a listed substance after them (or before
// "-frei"/"-vrij") makes a free-of claim here; the substance is reported under its English name, which the
// legal-requirement table (free-of-mentions.ts) uses.
import type { Language } from '../../shared/claims/language.ts';
import type { FreeOfMention } from './free-of-mentions.ts';
import { FREE_OF_BEFORE_I18N, FREE_SUFFIX_I18N, SUBSTANCE_NAME_I18N, SUBSTANCES_I18N, TOXIC_SUBSTANCES_I18N } from './lexicon-figures.ts';
import { analyse, findTerms, termParts } from './text.ts';
import type { Text } from './text.ts';
import { ownLanguage } from './wording.ts';
import type { OtherLanguage } from './wording.ts';

function mention(substance: string, index: number): FreeOfMention {
  return { substance: SUBSTANCE_NAME_I18N[substance] ?? substance, index, kind: TOXIC_SUBSTANCES_I18N.has(substance) ? 'toxic' : 'substance' };
}

/** The longest listed substance that starts at word `at`, in the same clause. */
function substanceAt(text: Text, at: number, lang: OtherLanguage): string | null {
  const first = text.words[at];
  if (!first) return null;
  let best: string | null = null;
  for (const s of SUBSTANCES_I18N[lang]) {
    const parts = termParts(s);
    const words = text.words.slice(at, at + parts.length);
    if (words.length === parts.length && words.every((w, i) => w.norm === parts[i] && w.clause === first.clause) && (!best || s.length > best.length)) best = s;
  }
  return best;
}

/** "fckw-frei", "phosphatfreies", "fosfaatvrije": the substance before the suffix. */
function compounds(text: Text, lang: OtherLanguage): FreeOfMention[] {
  const suffix = FREE_SUFFIX_I18N[lang];
  if (!suffix) return [];
  const listed = new Set(SUBSTANCES_I18N[lang]);
  const ending = new RegExp(`^(.*?)${suffix}(e|er|es|en|em)?$`, 'u');
  const out: FreeOfMention[] = [];
  for (const w of text.words) {
    const m = ending.exec(w.norm);
    if (!m || !w.tokenEnd) continue;
    // "FCKW-frei": the suffix is its own part of the token; "phosphatfrei": one word.
    const before = m[1] ? [m[1]] : text.words.filter((x) => x.token === w.token && x.index < w.index).map((x) => x.norm);
    const substance = before.join(' ');
    if (listed.has(substance)) out.push(mention(substance, m[1] ? w.index : w.index - before.length));
  }
  return out;
}

/** Free-of mentions in the statement's own language (none for English: free-of-mentions.ts reads those). */
export function freeOfMentionsIn(statement: string, lang?: Language | null): FreeOfMention[] {
  const own = ownLanguage(statement, lang);
  if (!own) return [];
  const text = analyse(statement);
  const out = compounds(text, own);
  for (const m of findTerms(text, FREE_OF_BEFORE_I18N[own])) {
    const substance = substanceAt(text, m.end + 1, own);
    if (substance) out.push(mention(substance, m.start));
  }
  return out.sort((a, b) => a.index - b.index);
}
