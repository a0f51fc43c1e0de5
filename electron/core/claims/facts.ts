// Facts about a whole claim that several rules read: is it environmental, about the future, quantitative.
import type { Claim } from '../../shared/claims/model.ts';
import { claimLanguage } from './language.ts';
import { FUTURE_I18N } from './lexicon.ts';
import { CHANGE_I18N, RELATIVE_I18N } from './lexicon-figures.ts';
import type { Language } from '../../shared/claims/language.ts';
import { ownLanguage, setIn } from './wording.ts';
import { isEnvironmentalFigure } from './comparisons.ts';
import { soundsEnvironmental, speaksOfFuture } from './terms.ts';
import { FUTURE_MARKERS } from './vocabulary.ts';
import { analyse, figures, sentenceText } from './text.ts';

/** A claim about future performance (UCPD Art 6(2)(d)): filed as a target, or worded as one. */
export function isFutureClaim(claim: Claim): boolean {
  if (claim.category === 'future_target') return true;
  return commitsToFuture(claim) && soundsEnvironmental(claim.statement, claim.label, claim.language);
}

/** A dated goal, or a pledge about a measurable result: not every "will" or "committed to" is a target. */
const DATED = /\b(by|until|before|in) (the end of )?(19|20)\d\d\b/;
const PLEDGE = /\b(aims?|aiming|targets?|targeting|commit\w*|pledges?|pledged|on track|plans? to|intends? to|going to|working towards?|goal|ambition|will( be| become| reach| achieve| cut| halve| reduce| eliminate)?)\b/;
const RESULT = /\b(net zero|neutral\w*|zero|reduce\w*|cut|cuts|halve|halving|eliminate|%|percent|emissions?|carbon|co2|renewable|recycl\w*|plastic)\b/;

function commitsToFuture(claim: Claim): boolean {
  const text = analyse(claim.statement);
  const lang = claimLanguage(claim);
  return text.sentences.some((_, i) => {
    const s = sentenceText(text, i);
    if (lang !== 'en' && FUTURE_I18N[lang].test(s)) return true;
    if (DATED.test(s) && RESULT.test(s)) return true;
    return speaksOfFuture(s) && PLEDGE.test(s) && RESULT.test(s) && !/\bwill be (better|good|kinder)\b/.test(s);
  });
}

/** Whether the statement is an environmental claim at all ("available in forest green" is not). */
export function isEnvironmentalClaim(claim: Claim): boolean {
  if (claim.category !== 'other') return true;
  if (claim.label) return true;
  return soundsEnvironmental(claim.statement, claim.label, claim.language);
}

/** "%", "% of households", "percent", "percentage points". */
export function isPercentUnit(unit: string | null): boolean {
  return unit !== null && /^\s*(%|percent\b|per ?cent\b|pp\b|percentage points?\b)/i.test(unit);
}

/** Figures in the fields, or an environmental quantity in the statement. */
export function isQuantitative(claim: Claim): boolean {
  if (claim.current_value !== null || claim.baseline !== null || claim.target !== null) return true;
  const text = analyse(claim.statement);
  return figures(text).some((f) => f.percent && isEnvironmentalFigure(text, f.index));
}

/** Share of people with access to recycling/composting, when the fields record it. */
export function accessShare(claim: Claim): number | null {
  if (claim.current_value === null || !isPercentUnit(claim.unit)) return null;
  const about = `${claim.metric ?? ''} ${claim.unit ?? ''}`.toLowerCase();
  return /\b(access|households?|communit\w*|population|residents|councils?|facilit\w*|coverage|collection|programmes?|programs?)\b/.test(about) ? claim.current_value : null;
}

/** What the claim is about, in words: "the bottle", "the whole product", "the whole company". */
export function claimSubject(claim: Claim): string {
  if (claim.scope === 'part') return claim.scope_detail ? `the ${claim.scope_detail}` : 'one part (not recorded)';
  return claim.scope === 'company' ? 'the whole company' : 'the whole product';
}

const CHANGE_WORDS = new Set(['less', 'lower', 'fewer', 'more', 'reduction', 'reductions', 'reduce', 'reduced', 'reduces', 'reducing', 'cut', 'cuts', 'cutting', 'increase', 'increased', 'increases', 'decrease', 'decreased', 'decreases', 'down', 'up', 'saving', 'savings', 'smaller', 'drop', 'dropped', 'decline', 'declined', 'improvement', 'improved', 'lighter', 'higher', 'halved', 'doubled', 'lowered', 'saves', 'save', 'saved']);
const RELATIVE_WORDS = new Set(['double', 'doubled', 'twice', 'triple', 'tripled', 'half', 'halved', 'times']);

/** A percentage in the statement: is it a change ("cut 50%") or a level ("100% recycled"), and is it about the future. */
export type StatedFigure = { value: number; relative: boolean; futureSentence: boolean; futureClause: boolean; words: string; sentence: number };

/** `lang`: the claim's language when set (else detected); its change and future words are read besides English. */
export function statedPercentages(statement: string, lang?: Language | null): StatedFigure[] {
  const text = analyse(statement);
  const change = setIn(CHANGE_WORDS, CHANGE_I18N, statement, lang);
  const own = ownLanguage(statement, lang);
  const future = (s: string) => FUTURE_MARKERS.test(s) || (own !== null && FUTURE_I18N[own].test(s));
  return figures(text)
    .filter((f) => f.percent && isEnvironmentalFigure(text, f.index))
    .map((f) => {
      const at = text.words[f.index]!;
      const clause = text.words.filter((w) => w.clause === at.clause);
      const sentence = text.words.filter((w) => w.sentence === at.sentence).map((w) => w.norm).join(' ');
      return {
        value: f.value,
        relative: clause.some((w) => change.has(w.norm)),
        futureSentence: future(sentence),
        futureClause: future(clause.map((w) => w.norm).join(' ')),
        words: at.raw.replace(/\s/g, ''),
        sentence: at.sentence,
      };
    });
}

/** The statement describes a relative improvement ("50% more recycled content", "halved"). */
export function speaksOfRelativeChange(statement: string, lang?: Language | null): boolean {
  if (statedPercentages(statement, lang).some((f) => f.relative)) return true;
  const relative = setIn(RELATIVE_WORDS, RELATIVE_I18N, statement, lang);
  return analyse(statement).words.some((w) => relative.has(w.norm));
}
