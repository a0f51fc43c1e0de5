// The vocabulary of the green-claims rules, and the readings that keep them from crying wolf: negations ("not
// eco-friendly yet"), colours ("forest green"), proper nouns ("Green Street"), compound words ("greenhouse",
// "economy": handled by whole-token matching in text.ts), names of labels ("Nordic Swan Ecolabel") and of modes or
// programmes ("Eco programme"). Lists follow ../shared/reference/green-claims-rules.md, "Conventions".
import { claimLanguage } from './language.ts';
import type { Language } from '../../shared/claims/language.ts';
import { ABSOLUTE_I18N, BROAD_I18N, COMMITMENT_OBJECTS, COMMITMENT_PHRASES, GENERIC_I18N, lexiconFor, NEUTRAL_I18N, NEUTRAL_NORDIC } from './lexicon.ts';
import type { Market } from '../../shared/claims/model.ts';
import { isParticleAt } from './nlp.ts';
import { analyse, findPhrase, findTerms, flatText, sentenceText, sentenceWords, spanText, termParts } from './text.ts';
import type { Match, Span, Text, Word } from './text.ts';

// ---------------------------------------------------------------------------------------------------------------
// Term lists

/** EU Directive 2024/825 recital 9 (biodegradable has its own rule), plus the reference's additions. */
export const GENERIC_TERMS = [
  'environmentally friendly', 'environment friendly', 'eco friendly', 'eco', 'green', 'greener', 'greenest', "nature's friend", 'natures friend',
  'nature friendly', 'ecological', 'ecologically', 'environmentally correct', 'climate friendly', 'gentle on the environment',
  'carbon friendly', 'energy efficient', 'biobased', 'bio based', 'earth friendly', 'planet friendly', 'good for the planet',
  'better for the planet', 'good for the environment', 'better for the environment', 'kind to the planet', 'kinder to the planet',
  'environmentally safe', 'eco safe', 'ecologically sound', 'environmentally sound', 'kind to nature', 'kinder to nature',
  'protecting the environment', 'protects the environment', 'protect the environment', 'protecting the planet', 'protects the planet',
  'ecodesign', 'eco design', 'ecofriendly', 'even better for the planet',
] as const;

/** Broad terms: recital 9's "conscious", "responsible", and "sustainable". */
export const BROAD_TERMS = ['sustainable', 'sustainably', 'conscious', 'consciously', 'responsible', 'responsibly', 'eco conscious', 'planet conscious'] as const;

/** Recital 12's offset-based wordings plus carbon/CO2 neutral, net zero (present tense) and "offset". */
export const NEUTRAL_TERMS = [
  'climate neutral', 'carbon neutral', 'co2 neutral', 'co2e neutral', 'ghg neutral', 'co2 neutral certified', 'climate positive', 'carbon positive',
  'carbon negative', 'climate negative', 'climate net zero', 'net zero', 'net zero carbon', 'climate compensated', 'carbon compensated',
  'co2 compensated', 'reduced climate impact', 'limited co2 footprint', 'limited carbon footprint', 'offset', 'offsets', 'offsetting', 'offsetted',
  'compensate', 'compensates', 'compensated', 'compensating', 'co2zero', 'co2 zero', 'carbon zero', 'climate neutrality', 'carbon neutrality',
  ...NEUTRAL_NORDIC,
] as const;

/** Annex I 4c covers "reduced" as well as neutral or positive impact. */
export const REDUCED_CLIMATE_TERMS = [
  'reduced co2', 'reduced carbon', 'reduced emissions', 'reduced emission', 'lower carbon', 'lower co2', 'lower emissions', 'low carbon', 'low co2',
  'low emission', 'low emissions', 'carbon reduced', 'co2 reduced', 'reduced footprint', 'reduced carbon footprint', 'low impact', 'climate reduced',
] as const;

/** Words that say a claim rests on carbon credits. */
export const OFFSET_MENTIONS = /\b(offset\w*|compensat\w*|carbon credits?|credits?|carbon removals?|verra|gold standard|vcs|forestry projects?|tree planting)\b/;

/** Absolute claims: true only with a boundary. */
export const ABSOLUTE_TERMS = [
  'zero impact', 'no impact', 'zero environmental impact', 'no environmental impact', 'impact free', 'zero waste', 'zero emissions', 'zero emission',
  'zero carbon', 'zero co2', 'zero footprint', 'zero pollution', 'emission free', 'emissions free', 'carbon free', 'co2 free', 'pollution free', 'waste free',
  '100% sustainable', '100% green', '100% eco friendly', '100% clean', '100% environmentally friendly', 'completely sustainable', 'fully sustainable',
  'totally sustainable', 'entirely sustainable', 'harmless to the environment', 'harmless to the planet', 'no harm to the planet', 'zero environmental footprint',
  'emissions zero', 'no emissions', 'no toxic fumes', 'environmentally neutral', 'without any emissions', 'free from emissions',
] as const;

/** The boundary that makes an absolute claim checkable ("zero waste to landfill", "zero tailpipe emissions"). */
export const ABSOLUTE_BOUNDARY = /\b(to landfill|landfill|tailpipe|exhaust|at the point of use|point of use|in use|while driving|when driving|direct emissions?|operational|on site|scope 1|scope 2|from our (site|sites|factory|factories|operations|warehouse)|in operation)\b/;

/** Future-performance markers (UCPD Art 6(2)(d)). */
export const FUTURE_MARKERS = /\b(by (the end of )?(19|20)\d\d|will|we'll|aims?|aiming|targets?|targeting|targeted|commits?|committed|commitment|commitments|pledges?|pledged|on track|plans? to|intends? to|going to|working towards?|goal|ambition)\b/;

/** Negators that reach a term a few words later in the same clause. */
const NEGATORS = new Set(['not', 'never', "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "won't", 'cannot', "can't", 'nor', 'neither', 'nothing', "shouldn't", "couldn't", "wouldn't"]);
const NEGATION_PAIRS: readonly [string, string][] = [['no', 'longer'], ['far', 'from'], ['anything', 'but'], ['rather', 'than'], ['instead', 'of']];
const NOT_A_NEGATION_AFTER = new Set(['only', 'just', 'merely', 'simply']);

const COLOUR_NAMES = new Set(['red', 'blue', 'yellow', 'black', 'white', 'grey', 'gray', 'orange', 'purple', 'pink', 'brown', 'navy', 'beige', 'teal', 'turquoise', 'khaki', 'cream', 'ivory', 'silver', 'gold', 'maroon', 'violet', 'indigo', 'charcoal', 'tan', 'green']);
const COLOUR_MODIFIERS = new Set(['forest', 'sage', 'olive', 'bottle', 'emerald', 'lime', 'mint', 'dark', 'light', 'pale', 'bright', 'deep', 'racing', 'hunter', 'army', 'apple', 'kelly', 'jade', 'moss', 'sea', 'neon', 'pastel', 'pine', 'fern', 'grass', 'leaf', 'jungle', 'teal', 'bluish', 'yellowish', 'muted', 'soft', 'vivid', 'metallic', 'matte', 'glossy']);
const COLOUR_NOUNS = new Set(['colour', 'color', 'colours', 'colors', 'colourway', 'colorway', 'shade', 'shades', 'hue', 'tint', 'finish', 'paint', 'dye', 'tone']);
const COLOUR_VERBS_BEFORE_IN = new Set(['available', 'comes', 'come', 'coloured', 'colored', 'painted', 'finished', 'also', 'dyed', 'offered', 'shown']);

/** Capitalised words after "Green"/"Conscious" that make it part of a place. */
const PLACE_SUFFIXES = new Set(['street', 'st', 'road', 'rd', 'lane', 'ln', 'avenue', 'ave', 'park', 'square', 'sq', 'way', 'close', 'drive', 'terrace', 'place', 'pl', 'row', 'hill', 'gardens', 'garden', 'court', 'crescent', 'walk', 'bridge', 'common', 'village', 'station', 'valley', 'farm', 'mews', 'grove', 'quay', 'wharf', 'yard', 'market', 'end', 'town', 'city', 'county', 'estate']);
const PERSON_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady']);

/** A mode or programme of an appliance is a setting's name, not a claim about the product ("Eco programme"). */
const PROGRAMME_WORDS = new Set(['programme', 'programmes', 'program', 'programs', 'mode', 'modes', 'setting', 'settings', 'cycle', 'cycles', 'button', 'function', 'option']);

/** Labels whose own names contain claim words: the word inside the name is not the claim. */
export const KNOWN_LABELS = [
  'eu ecolabel', 'eu flower', 'nordic swan ecolabel', 'nordic swan', 'nordic ecolabel', 'blue angel', 'blauer engel', 'austrian ecolabel', 'umweltzeichen',
  'nf environnement', 'green seal', 'ecologo', 'good environmental choice', 'environmental choice', 'eco mark', 'milieukeur', 'green-e', 'energy star',
  'cradle to cradle', 'rainforest alliance', 'fairtrade', 'soil association', 'gots', 'global organic textile standard', 'oeko-tex', 'bluesign', 'b corp',
  'green key', 'green tourism', 'green globe', 'leed', 'breeam', 'sustainable forestry initiative', 'roundtable on sustainable palm oil', 'rspo',
  'better cotton', 'better cotton initiative', 'marine stewardship council', 'forest stewardship council', 'fsc', 'pefc', 'msc', 'asc', 'ok compost',
  'tuv austria', 'bpi', 'sustainable development goals', 'un sustainable development goals', 'green building council', 'green deal', 'european green deal',
] as const;

/** EU Ecolabel and ISO 14024 type I ecolabels: the only awards that can show "recognised excellent environmental performance". */
export const TYPE1_ECOLABELS = /\b(eu ecolabel|eu flower|nordic swan|nordic ecolabel|svanen|blue angel|blauer engel|austrian ecolabel|umweltzeichen|nf environnement|green seal|ecologo|good environmental choice|environmental choice new zealand|eco mark|ecomark|milieukeur|aenor medio ambiente|iso 14024|type i ecolabel|type 1 ecolabel)\b/;

/** Labels whose name already says what they certify (a seal's "basis", FTC §260.6(d)). */
export const ATTRIBUTE_LABELS = /\b(fsc|forest stewardship|pefc|sustainable forestry|energy star|green-e|ok compost|bpi|compostable|recycled|organic|msc|marine stewardship|asc|rspo|palm oil|grs|global recycled standard|rcs|recycled claim standard|carbon trust|water|energy)\b/;

// ---------------------------------------------------------------------------------------------------------------
// Attributes, resources and comparisons

/** What an environmental attribute is about: a resource or an impact. */
export const RESOURCE_WORDS = new Set([
  'water', 'energy', 'electricity', 'fuel', 'fuels', 'co2', 'co2e', 'carbon', 'emission', 'emissions', 'ghg', 'greenhouse', 'methane', 'plastic', 'plastics',
  'packaging', 'waste', 'landfill', 'footprint', 'pollution', 'pollutants', 'chemicals', 'toxins', 'resources', 'material', 'materials', 'virgin',
  'recycled', 'recyclable', 'renewable', 'renewables', 'deforestation', 'biodiversity', 'heat', 'heating', 'kwh', 'mwh', 'gwh', 'paper', 'organic',
  'impact', 'impacts', 'epc', 'tco2e', 'kgco2e', 'nox', 'particulates', 'microplastics', 'wastewater', 'effluent', 'fossil', 'diesel', 'petrol', 'gas',
]);

/** Money and other non-environmental subjects of a comparison ("0.2% lower rate", "lower prices"). */
export const MONEY_WORDS = new Set(['price', 'prices', 'rate', 'rates', 'cost', 'costs', 'interest', 'fee', 'fees', 'apr', 'premium', 'premiums', 'bill', 'bills', 'tax', 'taxes', 'payment', 'payments', 'charge', 'charges', 'deposit', 'deposits', 'loan', 'loans', 'mortgage', 'spend', 'money', 'discount', 'off', 'cashback', 'salary', 'wages', 'rent', 'repayments', 'apy', 'return', 'returns']);

const COMPARATIVES = new Set(['less', 'lower', 'fewer', 'reduced', 'reduce', 'reduces', 'reducing', 'reduction', 'reductions', 'cut', 'cuts', 'cutting', 'smaller', 'decreased', 'decrease', 'decreases', 'low', 'lowered', 'more', 'higher', 'increased', 'increase', 'improved', 'halved', 'doubled', 'down', 'up', 'lighter', 'efficient']);
/** Comparatives that are environmental on their own. */
export const STANDALONE_ENV_COMPARATIVES = ['greener', 'cleaner', 'more sustainable', 'more sustainably', 'kinder to the planet', 'kinder to nature', 'even better for the planet', 'more eco friendly', 'more environmentally friendly', 'better for the planet', 'better for the environment', 'kinder to the planet', 'lower impact', 'less impact', 'reduced climate impact'] as const;

const COMPARATIVE_LEADS = new Set(['is', 'are', 'was', 'were', 'be', 'much', 'far', 'even', 'lot', 'runs', 'burns', 'become', 'becomes', 'getting', 'ever', 'way', 'significantly', 'considerably']);

/** The reference point of a comparison, said in words. */
export const COMPARISON_BASIS = /\b(than|compared (to|with)|comparison with|versus|vs|relative to|against (our|a|the)|since (19|20)\d\d|from (19|20)\d\d|((19|20)\d\d (baseline|levels?|figures?|inventory))|baseline|previous (model|version|formula|generation|product|packaging|design|range)|industry average|(market|category|sector|national|eu|uk|us) average|conventional|standard (version|model|product))\b/;

/** Concrete resource actions ("to save water", "uses less plastic") that specify what is better. */
const RESOURCE_ACTIONS = new Set(['save', 'saves', 'saving', 'saved', 'conserve', 'conserves', 'conserving', 'reduce', 'reduces', 'reducing', 'reduced', 'cut', 'cuts', 'cutting', 'avoid', 'avoids', 'avoiding', 'avoided', 'less', 'fewer', 'lower', 'recycled', 'reuse', 'reuses', 'reused', 'refill', 'refilled', 'without']);

/** Named standards that are themselves a measured attribute ("EPC rating of A", "ISO 14067 footprint"). */
const ATTRIBUTE_STANDARDS = /\b(epc|energy (performance )?(rating|class|label|certificate)|iso 140(67|64|40|44|21|46)|ghg protocol|pas 20(50|60)|science based targets?|sbti|a\+{1,3}|en 13432|en 14995|astm d6400|iso 17088|breeam (excellent|outstanding)|leed (gold|platinum))\b/;

/** Units that make a number a quantity. */
const QUANTITY_UNITS = new Set(['kg', 'g', 't', 'tonnes', 'tonne', 'tons', 'ton', 'litres', 'litre', 'liters', 'liter', 'l', 'kwh', 'mwh', 'gwh', 'm3', 'km', 'miles', 'co2e', 'tco2e', 'kgco2e', 'percent']);

// ---------------------------------------------------------------------------------------------------------------
// Legal requirements presented as a feature (Annex I 10a)

export type LegalFreeOf = { substance: RegExp; name: string; markets: readonly Market[]; context?: RegExp; law: string };

/** Substances whose absence the law already requires (in these markets, for these products). */
export const LEGALLY_REQUIRED_FREE_OF: readonly LegalFreeOf[] = [
  { substance: /^(h?cfcs?|(hydro)?chlorofluorocarbons?)$/, name: 'CFCs', markets: ['EU', 'UK', 'US'], law: 'ozone-depleting CFCs are banned (Montreal Protocol; EU Regulation 1005/2009; US Clean Air Act section 610)' },
  { substance: /^phosphates?$/, name: 'phosphates', markets: ['EU', 'UK'], context: /\b(laundry|detergents?|washing|dishwasher|dish|dishes|wash)\b/, law: 'phosphates in consumer laundry and dishwasher detergents are restricted by Regulation (EC) 648/2004 as amended by 259/2012' },
  { substance: /^(bpa|bisphenol a)$/, name: 'BPA', markets: ['EU', 'UK', 'US'], context: /\b(baby|babies|infant|infants|feeding|sippy)\b/, law: 'BPA is banned in baby bottles (EU Regulation 321/2011; US FDA 21 CFR 177.1580 since 2012)' },
  { substance: /^micro ?beads?$/, name: 'microbeads', markets: ['UK', 'US'], context: /\b(rinse|scrub|shower|face|facial|toothpaste|exfoliat\w*|cosmetics?|shampoo|soap|gel|wash)\b/, law: 'plastic microbeads in rinse-off cosmetics are banned (UK Microbeads Regulations 2017; US Microbead-Free Waters Act 2015)' },
  { substance: /^asbestos$/, name: 'asbestos', markets: ['EU', 'UK'], law: 'asbestos is banned (REACH Annex XVII entry 6; UK since 1999)' },
  { substance: /^lead$/, name: 'lead', markets: ['EU', 'UK', 'US'], context: /\bpaints?\b/, law: 'lead in consumer paint is banned (US 16 CFR 1303; REACH Annex XVII entry 63)' },
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

// ---------------------------------------------------------------------------------------------------------------
// Readings that keep a term from counting

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
export function isColour(text: Text, span: Span): boolean {
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
export function isTitleCase(text: Text): boolean {
  const words = text.words.filter((w) => w.tokenStart && !w.sentenceStart && !w.isNumber && /^\p{L}/u.test(w.raw) && !FUNCTION_WORDS.has(w.norm));
  if (words.length < 3) return false;
  return words.filter((w) => capitalised(w)).length / words.length >= 0.7;
}

/** "Green Street", "Bethnal Green", "Mr Green": a place or a person, not a claim. */
export function isProperNoun(text: Text, span: Span): boolean {
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
export function isProgrammeName(text: Text, span: Span): boolean {
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
export function labelSpans(text: Text, label: string | null): Set<number> {
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
export function isFutureSentence(text: Text, sentence: number): boolean {
  return FUTURE_MARKERS.test(sentenceText(text, sentence));
}

export type TermHit = Match & { words: string };

/**
 * Occurrences of terms that are real claims: not negated, not a colour, a place, a label's or a programme's name.
 * `future` decides what to do with sentences about the future: keep them, or drop them (present-tense rules).
 */
export function claimTerms(statement: string, terms: readonly string[], options: { label?: string | null; present?: boolean } = {}): TermHit[] {
  const text = analyse(statement);
  const inLabel = labelSpans(text, options.label ?? null);
  return findTerms(text, terms)
    .filter((m) => {
      for (let k = m.start; k <= m.end; k++) if (inLabel.has(k)) return false;
      if (isNegated(text, m) || isColour(text, m) || isProperNoun(text, m) || isProgrammeName(text, m)) return false;
      if (options.present && isFutureSentence(text, text.words[m.start]!.sentence)) return false;
      return true;
    })
    .map((m) => ({ ...m, words: spanText(text, m) }));
}

// ---------------------------------------------------------------------------------------------------------------
// Detectors used by several rules

/** English always, plus the statement's own language (set on the claim, or detected). */
function languagesOf(statement: string, lang?: Language | null): Language[] {
  const l = lang ?? claimLanguage({ statement });
  return l === 'en' ? ['en'] : ['en', l];
}

export function genericTerms(statement: string, label: string | null, lang?: Language | null): TermHit[] {
  return claimTerms(statement, [...GENERIC_TERMS, ...lexiconFor(GENERIC_I18N, languagesOf(statement, lang))], { label });
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
  const langs = languagesOf(statement, lang);
  // French "durable" is "sustainable"; English "durable" is "long-lasting": other languages' lists apply only to them.
  const terms = [...BROAD_TERMS, ...lexiconFor(BROAD_I18N, langs)];
  // "responsible for" is a duty, not a claim; "sustainability report" is a document.
  return claimTerms(statement, terms, { label }).filter((m) => text.words[m.end + 1]?.norm !== 'for' && !isCommitment(text, m));
}

const EMISSION_CONTEXT = /\b(carbon|co2|co2e|emissions?|footprint|climate|ghg|credits?|projects?|forestry|trees?|flights?|tickets?|tonnes?|uitstoot|klima\w*|klimaat\w*|carbone|emissions?|émissions?|emisiones|emissioni|clima\w*|milieu|umwelt)\b/;

/** Present-tense neutral wording; "offset"/"compensate" only when the clause is about emissions. */
export function neutralTerms(statement: string, lang?: Language | null): TermHit[] {
  const text = analyse(statement);
  const terms = [...NEUTRAL_TERMS, ...lexiconFor(NEUTRAL_I18N, languagesOf(statement, lang))];
  return claimTerms(statement, terms, { present: true }).filter((m) => {
    if (!/^(offset|compensat|kompens|compens|gecompens|neutralis)/.test(m.term)) return true;
    return EMISSION_CONTEXT.test(sentenceText(text, text.words[m.start]!.sentence));
  });
}

export function reducedClimateTerms(statement: string): TermHit[] {
  return claimTerms(statement, REDUCED_CLIMATE_TERMS, { present: true });
}

export function mentionsOffsetting(statement: string): boolean {
  return OFFSET_MENTIONS.test(flatText(analyse(statement)));
}

export function absoluteTerms(statement: string, lang?: Language | null): TermHit[] {
  const text = analyse(statement);
  const terms = [...ABSOLUTE_TERMS, ...lexiconFor(ABSOLUTE_I18N, languagesOf(statement, lang))];
  return claimTerms(statement, terms, { present: true }).filter((m) => !ABSOLUTE_BOUNDARY.test(sentenceText(text, text.words[m.start]!.sentence)));
}

/** The statement makes a claim about the future. */
export function speaksOfFuture(statement: string): boolean {
  const text = analyse(statement);
  return text.sentences.some((_, i) => isFutureSentence(text, i));
}

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
export function environmentalComparisons(statement: string): Match[] {
  const text = analyse(statement);
  const w = text.words;
  const out: Match[] = [];
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
export function statesComparisonBasis(statement: string): boolean {
  return COMPARISON_BASIS.test(flatText(analyse(statement)));
}

export type FreeOfMention = { substance: string; index: number; kind: 'substance' | 'toxic' | 'impact' };

/** "CFC-free", "free of parabens", "contains no PFAS", "made without phosphates". */
export function freeOfMentions(statement: string): FreeOfMention[] {
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
    if (entry.context && !entry.context.test(flat)) continue;
    return entry;
  }
  return null;
}

/** Everything that makes a statement an environmental claim, for rules that only concern such claims. */
export function soundsEnvironmental(statement: string, label: string | null, lang?: Language | null): boolean {
  if (genericTerms(statement, label, lang).length || broadTerms(statement, label, lang).length) return true;
  if (neutralTerms(statement, lang).length || absoluteTerms(statement, lang).length) return true;
  if (claimTerms(statement, [...NEUTRAL_TERMS, ...REDUCED_CLIMATE_TERMS, ...ABSOLUTE_TERMS]).length) return true;
  if (environmentalComparisons(statement).length) return true;
  if (freeOfMentions(statement).length) return true;
  const flat = flatText(analyse(statement));
  return /\b(recycl\w*|compost\w*|\w*degradable|renewable\w*|non toxic|nontoxic|wind power|solar|emissions?|carbon|co2|co2e|ghg|plastic free|ecolabel|eco label|fsc|pefc|deforestation)\b/.test(flat);
}
