// Environmental attributes and comparisons: what a statement compares ("30% less plastic", "lowest emissions of any
// airline"), against what ("than our 2022 model"), and whether it says what is better and by how much (a
// "specification"): a figure that is money ("0.2% lower rate") is not about the environment.
import type { Language } from '../../shared/claims/language.ts';
import { comparisonsIn, statesBasisIn } from './comparisons-i18n.ts';
import { isParticleAt } from './nlp.ts';
import { isNegated } from './readings.ts';
import { analyse, findTerms, flatText, sentenceWords } from './text.ts';
import type { Match, Text, Word } from './text.ts';

/** What an environmental attribute is about: a resource or an impact. */
const RESOURCE_WORDS = new Set([
  'water', 'energy', 'electricity', 'fuel', 'fuels', 'co2', 'co2e', 'carbon', 'emission', 'emissions', 'ghg', 'greenhouse', 'methane', 'plastic', 'plastics',
  'packaging', 'waste', 'landfill', 'footprint', 'pollution', 'pollutants', 'chemicals', 'toxins', 'resources', 'material', 'materials', 'virgin',
  'recycled', 'recyclable', 'renewable', 'renewables', 'deforestation', 'biodiversity', 'heat', 'heating', 'kwh', 'mwh', 'gwh', 'paper', 'organic',
  'impact', 'impacts', 'epc', 'tco2e', 'kgco2e', 'nox', 'particulates', 'microplastics', 'wastewater', 'effluent', 'fossil', 'diesel', 'petrol', 'gas',
]);

/** Money and other non-environmental subjects of a comparison ("0.2% lower rate", "lower prices"). */
const MONEY_WORDS = new Set(['price', 'prices', 'rate', 'rates', 'cost', 'costs', 'interest', 'fee', 'fees', 'apr', 'premium', 'premiums', 'bill', 'bills', 'tax', 'taxes', 'payment', 'payments', 'charge', 'charges', 'deposit', 'deposits', 'loan', 'loans', 'mortgage', 'spend', 'money', 'discount', 'off', 'cashback', 'salary', 'wages', 'rent', 'repayments', 'apy', 'return', 'returns']);

const COMPARATIVES = new Set(['less', 'lower', 'fewer', 'reduced', 'reduce', 'reduces', 'reducing', 'reduction', 'reductions', 'cut', 'cuts', 'cutting', 'smaller', 'decreased', 'decrease', 'decreases', 'low', 'lowered', 'more', 'higher', 'increased', 'increase', 'improved', 'halved', 'doubled', 'down', 'up', 'lighter', 'efficient']);
/** Comparatives that are environmental on their own. */
const STANDALONE_ENV_COMPARATIVES = ['greener', 'cleaner', 'more sustainable', 'more sustainably', 'kinder to the planet', 'kinder to nature', 'even better for the planet', 'more eco friendly', 'more environmentally friendly', 'better for the planet', 'better for the environment', 'kinder to the planet', 'lower impact', 'less impact', 'reduced climate impact'] as const;

const COMPARATIVE_LEADS = new Set(['is', 'are', 'was', 'were', 'be', 'much', 'far', 'even', 'lot', 'runs', 'burns', 'become', 'becomes', 'getting', 'ever', 'way', 'significantly', 'considerably']);

/** The reference point of a comparison, said in words. */
const COMPARISON_BASIS = /\b(than|compared (to|with)|comparison with|versus|vs|relative to|against (our|a|the)|since (19|20)\d\d|from (19|20)\d\d|((19|20)\d\d (baseline|levels?|figures?|inventory))|baseline|previous (model|version|formula|generation|product|packaging|design|range)|industry average|(market|category|sector|national|eu|uk|us) average|conventional|standard (version|model|product))\b/;

/** Concrete resource actions ("to save water", "uses less plastic") that specify what is better. */
const RESOURCE_ACTIONS = new Set(['save', 'saves', 'saving', 'saved', 'conserve', 'conserves', 'conserving', 'reduce', 'reduces', 'reducing', 'reduced', 'cut', 'cuts', 'cutting', 'avoid', 'avoids', 'avoiding', 'avoided', 'less', 'fewer', 'lower', 'recycled', 'reuse', 'reuses', 'reused', 'refill', 'refilled', 'without']);

/** Named standards that are themselves a measured attribute ("EPC rating of A", "ISO 14067 footprint"). */
const ATTRIBUTE_STANDARDS = /\b(epc|energy (performance )?(rating|class|label|certificate)|iso 140(67|64|40|44|21|46)|ghg protocol|pas 20(50|60)|science based targets?|sbti|a\+{1,3}|en 13432|en 14995|astm d6400|iso 17088|breeam (excellent|outstanding)|leed (gold|platinum))\b/;

/** Units that make a number a quantity. */
const QUANTITY_UNITS = new Set(['kg', 'g', 't', 'tonnes', 'tonne', 'tons', 'ton', 'litres', 'litre', 'liters', 'liter', 'l', 'kwh', 'mwh', 'gwh', 'm3', 'km', 'miles', 'co2e', 'tco2e', 'kgco2e', 'percent']);

/** A number that is money, not an environmental quantity ("0.2% lower rate", "10% off"). */
function isMoneyFigure(text: Text, index: number): boolean {
  for (let i = index + 1; i <= Math.min(text.words.length - 1, index + 3); i++) {
    const w = text.words[i]!;
    if (w.clause !== text.words[index]!.clause) break;
    if (MONEY_WORDS.has(w.norm)) return true;
  }
  const prev = text.words[index - 1];
  return prev !== undefined && /^[£$€]|^(eur|gbp|usd)$/.test(prev.norm);
}

export function isEnvironmentalFigure(text: Text, index: number): boolean {
  return !isMoneyFigure(text, index);
}

/**
 * "Specification" (reference, Conventions): a concrete attribute plus a quantity or a named standard in the same
 * text. A concrete action on a named resource ("changed only on request to save water") also says what is better,
 * and the reviewed examples count it.
 */
export function hasSpecification(statement: string): boolean {
  const text = analyse(statement);
  const flat = flatText(text);
  if (ATTRIBUTE_STANDARDS.test(flat)) return true;
  const w = text.words;
  for (const word of w) {
    // A quantity near a resource: "40% less water", "0.3 kg CO2e per litre", "made from 100% recycled plastic".
    if (word.isNumber && isEnvironmentalFigure(text, word.index)) {
      const unitNext = w[word.index + 1];
      const isQuantity = word.norm.endsWith('%') || (unitNext !== undefined && QUANTITY_UNITS.has(unitNext.norm));
      if (isQuantity) {
        for (let d = -4; d <= 4; d++) {
          const other = w[word.index + d];
          if (other && d !== 0 && other.sentence === word.sentence && RESOURCE_WORDS.has(other.norm)) return true;
        }
      }
    }
    if (RESOURCE_ACTIONS.has(word.norm)) {
      for (let d = 1; d <= 3; d++) {
        const other = w[word.index + d];
        if (!other || other.clause !== word.clause) break;
        if (MONEY_WORDS.has(other.norm)) break;
        if (RESOURCE_WORDS.has(other.norm) && other.norm !== 'impact' && other.norm !== 'impacts') return true;
      }
    }
  }
  return false;
}

/** Comparisons about the environment ("reduced-CO2", "30% less plastic", "emissions cut"), not about money. */
export function environmentalComparisons(statement: string, lang?: Language | null): Match[] {
  const text = analyse(statement);
  const w = text.words;
  const out: Match[] = comparisonsIn(statement, lang);
  for (const m of findTerms(text, STANDALONE_ENV_COMPARATIVES)) {
    if (isNegated(text, m)) continue;
    // "cleaner"/"greener" alone may be a noun ("all-purpose cleaner"): a comparison needs "than", a subject
    // ("cleaner air") or a verb or intensifier before it ("is greener", "far cleaner").
    if (m.start === m.end) {
      const next = w[m.end + 1];
      const prev = w[m.start - 1];
      const sameClause = (x: Word | undefined) => x !== undefined && x.clause === w[m.start]!.clause;
      const compared = (sameClause(next) && (next!.norm === 'than' || RESOURCE_WORDS.has(next!.norm) || next!.norm === 'air'))
        || (sameClause(prev) && COMPARATIVE_LEADS.has(prev!.norm));
      if (!compared) continue;
    }
    out.push(m);
  }
  for (const m of superlatives(text)) if (!out.some((o) => o.start <= m.start && m.start <= o.end)) out.push(m);
  for (const word of w) {
    if (!COMPARATIVES.has(word.norm) || isNegated(text, { start: word.index, end: word.index })) continue;
    // "break down", "wind up": the particle of a phrasal verb is not a change.
    if ((word.norm === 'down' || word.norm === 'up') && isParticleAt(statement, word.index)) continue;
    if (out.some((m) => m.start <= word.index && word.index <= m.end)) continue;
    let hit = false;
    // Comparative then its subject: "less plastic", "lower-carbon", "reduced CO2".
    for (let d = 1; d <= 3 && !hit; d++) {
      const other = w[word.index + d];
      if (!other || other.clause !== word.clause || MONEY_WORDS.has(other.norm)) break;
      if (RESOURCE_WORDS.has(other.norm)) hit = true;
    }
    // Subject then a participle: "emissions cut by 30%", "CO2 reduced", "water use down".
    if (!hit && ['reduced', 'cut', 'down', 'lower', 'decreased', 'reduction', 'reductions', 'halved', 'lowered', 'up', 'increased', 'doubled', 'smaller', 'efficient'].includes(word.norm)) {
      for (let d = 1; d <= 3 && !hit; d++) {
        const other = w[word.index - d];
        if (!other || other.clause !== word.clause || MONEY_WORDS.has(other.norm)) break;
        if (RESOURCE_WORDS.has(other.norm)) hit = true;
      }
    }
    if (hit) out.push({ start: word.index, end: word.index, term: word.norm });
  }
  // "If everyone adopted a vegan diet, it would reduce ...": a hypothetical is not a comparison of what is sold.
  return out.filter((m) => !isHypothetical(text, w[m.start]!.sentence)).sort((a, b) => a.start - b.start);
}

const SUPERLATIVES = new Set(['lowest', 'least', 'fewest', 'smallest', 'greenest', 'cleanest', 'best']);

/** "lowest emissions of any major airline", "the greenest choice", "than any other". */
function superlatives(text: Text): Match[] {
  const out: Match[] = [];
  for (const word of text.words) {
    const next = text.words.slice(word.index + 1, word.index + 4).filter((x) => x.clause === word.clause);
    const env = word.norm === 'greenest' || word.norm === 'cleanest' || next.some((x) => RESOURCE_WORDS.has(x.norm));
    if ((SUPERLATIVES.has(word.norm) || (word.norm === 'most' && next[0] && /^(sustainabl|efficient|eco|environment)/.test(next[0].norm))) && env) {
      out.push({ start: word.index, end: word.index, term: word.norm });
    }
  }
  return out;
}

function isHypothetical(text: Text, sentence: number): boolean {
  const words = sentenceWords(text, sentence);
  return words[0]?.norm === 'if' && words.some((x) => x.norm === 'would' || x.norm === 'could');
}

/** The comparison's reference point, said in the statement. */
export function statesComparisonBasis(statement: string, lang?: Language | null): boolean {
  const flat = flatText(analyse(statement));
  return COMPARISON_BASIS.test(flat) || statesBasisIn(flat, statement, lang);
}
