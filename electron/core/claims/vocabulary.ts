// The English vocabulary of the green-claims rules: the terms each rule reads, and the names of labels whose own names
// contain claim words. Other languages' lists are in lexicon.ts. Lists follow ../shared/reference/green-claims-rules.md,
// "Conventions"; terms are matched as whole words after normalisation (text.ts), hyphens and spaces alike.
import { NEUTRAL_NORDIC } from './lexicon.ts';

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

/** Words that say a claim rests on carbon credits, in English and in the languages of lexicon.ts ("durch Kompensation"). */
export const OFFSET_MENTIONS = new RegExp('\\b(offset\\w*|compensat\\w*|carbon credits?|credits?|carbon removals?|verra|gold standard|vcs|forestry projects?|tree planting'
  + '|kompens\\w*|ausgleich\\w*|compens\\w*|gecompenseerd\\w*|crédits? carbone|créditos? de carbono|crediti di carbonio|koolstofcredits?|co2 credits?)\\b');

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
