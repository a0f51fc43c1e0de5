// "Free of" mentions ("CFC-free", "contains no PFAS") and the absences the law already requires, which may not be sold
// as a feature (Directive 2005/29/EC Annex I 10a as amended by 2024/825).
import type { Language } from '../../shared/claims/language.ts';
import type { Market } from '../../shared/claims/model.ts';
import { freeOfMentionsIn } from './free-of-i18n.ts';
import { LEGAL_CONTEXT_I18N } from './lexicon-figures.ts';
import { isNegated } from './readings.ts';
import { analyse, flatText } from './text.ts';
import { wordPattern } from './wording.ts';

/** `contextIn`: the same product context in German, French, Dutch, Spanish and Italian (lexicon-figures.ts). */
export type LegalFreeOf = { substance: RegExp; name: string; markets: readonly Market[]; context?: RegExp; contextIn?: keyof typeof LEGAL_CONTEXT_I18N; law: string };

/** Substances whose absence the law already requires (in these markets, for these products). */
const LEGALLY_REQUIRED_FREE_OF: readonly LegalFreeOf[] = [
  { substance: /^(h?cfcs?|(hydro)?chlorofluorocarbons?)$/, name: 'CFCs', markets: ['EU', 'UK', 'US'], law: 'ozone-depleting CFCs are banned (Montreal Protocol; EU Regulation 1005/2009; US Clean Air Act section 610)' },
  { substance: /^phosphates?$/, name: 'phosphates', markets: ['EU', 'UK'], context: /\b(laundry|detergents?|washing|dishwasher|dish|dishes|wash)\b/, contextIn: 'laundry', law: 'phosphates in consumer laundry and dishwasher detergents are restricted by Regulation (EC) 648/2004 as amended by 259/2012' },
  { substance: /^(bpa|bisphenol a)$/, name: 'BPA', markets: ['EU', 'UK', 'US'], context: /\b(baby|babies|infant|infants|feeding|sippy)\b/, contextIn: 'baby', law: 'BPA is banned in baby bottles (EU Regulation 321/2011; US FDA 21 CFR 177.1580 since 2012)' },
  { substance: /^micro ?beads?$/, name: 'microbeads', markets: ['UK', 'US'], context: /\b(rinse|scrub|shower|face|facial|toothpaste|exfoliat\w*|cosmetics?|shampoo|soap|gel|wash)\b/, law: 'plastic microbeads in rinse-off cosmetics are banned (UK Microbeads Regulations 2017; US Microbead-Free Waters Act 2015)' },
  { substance: /^asbestos$/, name: 'asbestos', markets: ['EU', 'UK'], law: 'asbestos is banned (REACH Annex XVII entry 6; UK since 1999)' },
  { substance: /^lead$/, name: 'lead', markets: ['EU', 'UK', 'US'], context: /\bpaints?\b/, contextIn: 'paint', law: 'lead in consumer paint is banned (US 16 CFR 1303; REACH Annex XVII entry 63)' },
];

/** Compliance itself presented as a selling point. */
export const COMPLIANCE_AS_FEATURE = /\b((reach|rohs|weee|ecodesign) (compliant|compliance|approved)|complies with (all )?(applicable |relevant )?(eu |uk |us |the |environmental )?(law|laws|legal requirements|regulations|legislation)|meets (all )?(applicable )?(eu |uk |us |legal |regulatory |environmental )+(requirements|standards|regulations))\b/;

/** "-free" words that are not about a substance in the product. */
const NOT_A_SUBSTANCE = new Set([
  'care', 'hands', 'worry', 'hassle', 'interest', 'fee', 'tax', 'duty', 'cost', 'risk', 'stress', 'trouble', 'commission', 'maintenance', 'rent', 'charge',
  'toll', 'gluten', 'lactose', 'sugar', 'fat', 'dairy', 'nut', 'nuts', 'cruelty', 'fuss', 'pain', 'crease', 'tangle', 'scratch', 'drip', 'spill', 'rust',
  'mess', 'clutter', 'admin', 'ad', 'ads', 'debt', 'alcohol', 'caffeine', 'salt', 'soy', 'egg', 'wheat', 'meat', 'frizz', 'contact', 'cash', 'paper',
  'stain', 'smudge', 'streak', 'lint', 'static', 'glare', 'noise', 'vibration', 'scent', 'fragrance', 'perfume', 'duty', 'hand', 'key', 'wire', 'cord',
]);
const SUBSTANCE_MODIFIERS = new Set(['any', 'added', 'harmful', 'harsh', 'nasty', 'artificial', 'synthetic', 'the', 'all']);
/** Impacts whose absence is an absolute claim (GC-ABSOLUTE), not a free-of claim. */
const IMPACT_NOUNS = new Set(['carbon', 'co2', 'emission', 'emissions', 'waste', 'pollution', 'impact', 'footprint', 'ghg']);
/** Whose absence is a toxicity claim (GC-NONTOXIC). */
const TOXIC_NOUNS = new Set(['chemical', 'chemicals', 'toxin', 'toxins', 'toxic', 'nasties', 'nasty']);

export type FreeOfMention = { substance: string; index: number; kind: 'substance' | 'toxic' | 'impact' };

/** "CFC-free", "free of parabens", "contains no PFAS", "made without phosphates"; "FCKW-frei", "sans phtalates"... */
export function freeOfMentions(statement: string, lang?: Language | null): FreeOfMention[] {
  return [...freeOfMentionsEn(statement), ...freeOfMentionsIn(statement, lang)];
}

function freeOfMentionsEn(statement: string): FreeOfMention[] {
  const text = analyse(statement);
  const w = text.words;
  const out: FreeOfMention[] = [];
  const classify = (s: string): FreeOfMention['kind'] | null => {
    const head = s.split(' ').pop() ?? s;
    if (NOT_A_SUBSTANCE.has(head) || NOT_A_SUBSTANCE.has(s)) return null;
    if (IMPACT_NOUNS.has(head)) return 'impact';
    if (TOXIC_NOUNS.has(head)) return 'toxic';
    return 'substance';
  };
  // The substance is the next whole token after leading modifiers ("free of harsh parabens" -> "parabens").
  const objectAfter = (i: number): string | null => {
    let k = i;
    while (k < w.length && w[k]!.clause === w[i]!.clause && SUBSTANCE_MODIFIERS.has(w[k]!.norm)) k++;
    const first = w[k];
    if (!first || first.clause !== w[i]!.clause || first.isNumber) return null;
    const parts = w.filter((x) => x.token === first.token).map((x) => x.norm);
    if (parts[0] === 'bisphenol' && w[k + 1]?.norm === 'a') parts.push('a');
    return parts.join(' ');
  };
  for (let i = 0; i < w.length; i++) {
    const word = w[i]!;
    // "X-free": the last part of a token is "free" and it has other parts.
    if (word.norm === 'free' && !word.tokenStart && word.tokenEnd) {
      const parts: string[] = [];
      for (let k = i - 1; k >= 0 && w[k]!.token === word.token; k--) parts.unshift(w[k]!.norm);
      const substance = parts.join(' ');
      const kind = classify(substance);
      if (kind && !isNegated(text, { start: i - parts.length, end: i })) out.push({ substance, index: i - parts.length, kind });
      continue;
    }
    const next = w[i + 1];
    if (!next || next.clause !== word.clause) continue;
    let objStart = -1;
    if (word.norm === 'free' && (next.norm === 'of' || next.norm === 'from') && word.tokenEnd) objStart = i + 2;
    else if ((word.norm === 'contains' || word.norm === 'contain') && next.norm === 'no') objStart = i + 2;
    else if (word.norm === 'no' && next.norm === 'added') objStart = i + 2;
    else if ((word.norm === 'made' || word.norm === 'produced' || word.norm === 'formulated') && next.norm === 'without') objStart = i + 2;
    else if (word.norm === 'zero' && word.tokenEnd && next.tokenStart && !IMPACT_NOUNS.has(next.norm) && w[i - 1]?.norm !== 'net' && !/^(by|to|in|at|for|and|or|the|a|an|\d)/.test(next.norm)) objStart = i + 1;
    if (objStart < 0 || objStart >= w.length) continue;
    const substance = objectAfter(objStart);
    if (!substance) continue;
    const kind = classify(substance);
    if (kind && !isNegated(text, { start: i, end: i })) out.push({ substance, index: i, kind });
  }
  return out;
}

/** Which legally required absence a free-of mention is, for the claim's markets and product. */
export function legalRequirementFor(statement: string, substance: string, markets: readonly Market[]): LegalFreeOf | null {
  const flat = flatText(analyse(statement));
  for (const entry of LEGALLY_REQUIRED_FREE_OF) {
    if (!entry.substance.test(substance)) continue;
    if (!entry.markets.some((m) => markets.includes(m))) continue;
    if (entry.context && !entry.context.test(flat) && !(entry.contextIn && wordPattern(LEGAL_CONTEXT_I18N[entry.contextIn]).test(flat))) continue;
    return entry;
  }
  return null;
}
