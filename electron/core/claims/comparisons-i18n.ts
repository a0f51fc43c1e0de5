// Environmental comparisons in German, French, Dutch, Spanish and Italian ("30 % weniger Plastik", "émissions
// réduites", "duurzamer dan", "más sostenible"), and what they are measured against ("im Vergleich zu", "par rapport
// à"). The words are in lexicon-figures.ts; comparisons.ts reads the English ones and adds these.
import type { Language } from '../../shared/claims/language.ts';
import { COMPARISON_BASIS_I18N, CHANGE_I18N, ENV_COMPARATIVES_I18N, RESOURCE_I18N } from './lexicon-figures.ts';
import { isNegated } from './readings.ts';
import { analyse, findTerms, termParts } from './text.ts';
import type { Match } from './text.ts';
import { ownLanguage, wordPattern } from './wording.ts';

/** Money, not the environment ("weniger Kosten", "prix réduit"). */
const MONEY_I18N = new Set(['preis', 'preise', 'kosten', 'gebühren', 'prix', 'coût', 'coûts', 'frais', 'prijs', 'prijzen', 'precio', 'precios', 'coste', 'costes', 'prezzo', 'prezzi', 'costo', 'costi']);

/** Comparisons in the statement's own language (none when it is English). */
export function comparisonsIn(statement: string, lang?: Language | null): Match[] {
  const own = ownLanguage(statement, lang);
  if (!own) return [];
  const text = analyse(statement);
  const w = text.words;
  const out = findTerms(text, ENV_COMPARATIVES_I18N[own]).filter((m) => !isNegated(text, m));
  const change = new Set(CHANGE_I18N[own]);
  // A resource's first word is enough to recognise it ("gaz" of "gaz à effet de serre").
  const resource = new Set(RESOURCE_I18N[own].map((r) => termParts(r)[0]!));
  for (const word of w) {
    if (!change.has(word.norm) || out.some((m) => m.start <= word.index && word.index <= m.end)) continue;
    // "weniger Plastik", "moins de plastique" (a preposition between), or "Emissionen reduziert", "émissions réduites".
    const near = [1, 2, 3, -1, -2, -3].map((d) => w[word.index + d]).filter((x) => x !== undefined && x.clause === word.clause);
    if (near.some((x) => MONEY_I18N.has(x!.norm))) continue;
    if (near.some((x) => resource.has(x!.norm))) out.push({ start: word.index, end: word.index, term: word.norm });
  }
  return out;
}

/** The comparison's reference point, said in the statement's own language. */
export function statesBasisIn(flat: string, statement: string, lang?: Language | null): boolean {
  const own = ownLanguage(statement, lang);
  return own !== null && wordPattern(COMPARISON_BASIS_I18N[own]).test(flat);
}
