// German, French, Dutch, Spanish and Italian wording of the rules that read comparisons, figures, scope and "free of":
// what a comparison is and what it is measured against, changes ("weniger", "réduit"), life cycle against tailpipe,
// whole-company wording, "frei von"/"sans", compliance sold as a feature, and "reduced" climate wording (Annex I 4c).
//
// Where these come from: the ordinary words for the same legal concepts in each language, written by the team and
// NOT checked against an official text (no recital of Directive (EU) 2024/825 lists these words). Only Dutch
// "CO2-reductie" (REDUCED_CLIMATE_I18N) appears in a national source: the ACM wording quoted in official-terms.json.
// Patterns are regex alternatives over normalised words, matched as whole words by wording.ts.
import type { PerLanguage } from './wording.ts';

/** Wording that presents a claim as true of the whole company or product (GC-WHOLE-VS-PART). */
export const WHOLE_I18N: PerLanguage<string> = {
  de: 'ganze[nsmr]?|gesamte[nsmr]?|alle (unsere[n]? )?(produkte|artikel|standorte)|unser (ganzes )?(unternehmen|sortiment)|unternehmensweit|im ganzen unternehmen|das unternehmen|der konzern',
  fr: "(tout|toute|tous|toutes) (le|la|les|nos|notre) (entreprise|gamme|produits|groupe|activités|sites)|l'ensemble de (nos|notre|la|l'entreprise)|notre (entreprise|groupe|marque|société)|entier|entière",
  nl: '(heel|hele|geheel|gehele) (het |ons |onze )?(bedrijf|assortiment|organisatie|concern)|al onze (producten|activiteiten|vestigingen)|ons bedrijf|onze organisatie|bedrijfsbreed',
  es: '(todo|toda|todos|todas) (el|la|los|las|nuestro|nuestra|nuestros|nuestras) (empresa|gama|productos|grupo|actividades|centros)|nuestra (empresa|compañía|marca)|nuestro grupo|entero|entera',
  it: "(tutto|tutta|tutti|tutte) (il|la|i|le|l'|nostri|nostre|la nostra|il nostro) ?(azienda|gamma|prodotti|gruppo|attività|sedi)|la nostra (azienda|società|marca)|il nostro gruppo|intero|intera",
};
/** Words that never name the part ("the", "our"). */
export const FILLER_I18N = ['der', 'die', 'das', 'unser', 'unsere', 'von', 'und', 'le', 'la', 'les', 'de', 'du', 'des', 'notre', 'nos', 'et', 'het', 'een', 'ons', 'onze', 'en', 'van', 'el', 'los', 'las', 'del', 'nuestro', 'nuestra', 'y', 'il', 'lo', 'gli', 'di', 'della', 'nostro', 'nostra', 'e'];

/** Comparatives that are environmental on their own (when something compares: "als", "que", "dan"). */
export const ENV_COMPARATIVES_I18N: PerLanguage<readonly string[]> = {
  de: ['umweltfreundlicher als', 'klimafreundlicher als', 'nachhaltiger als', 'umweltschonender als', 'besser für die umwelt', 'besser für das klima', 'geringere umweltbelastung', 'geringerer umweltbelastung', 'bessere klimabilanz', 'bessere ökobilanz'],
  fr: ['plus écologique', 'plus écologiques', "plus respectueux de l'environnement", "plus respectueuse de l'environnement", 'plus durable', 'plus durables', 'meilleur pour la planète', "meilleur pour l'environnement", 'moindre impact'],
  nl: ['milieuvriendelijker', 'duurzamer', 'klimaatvriendelijker', 'groener', 'beter voor het milieu', 'beter voor het klimaat', 'minder milieubelastend', 'lagere milieu impact'],
  es: ['más sostenible', 'más sostenibles', 'más ecológico', 'más ecológica', 'más respetuoso con el medio ambiente', 'más respetuosa con el medio ambiente', 'mejor para el planeta', 'menor impacto'],
  it: ['più sostenibile', 'più sostenibili', 'più ecologico', 'più ecologica', "più rispettoso dell'ambiente", "più rispettosa dell'ambiente", 'meglio per il pianeta', 'minore impatto'],
};
/** Words that say less, lower, reduced, cut, halved: a change, or a comparison when a resource follows or precedes. */
export const CHANGE_I18N: PerLanguage<readonly string[]> = {
  de: ['weniger', 'geringere', 'geringeren', 'geringerer', 'niedrigere', 'niedrigeren', 'reduziert', 'reduzierte', 'reduzierten', 'reduzierung', 'verringert', 'verringerte', 'verringerung', 'gesenkt', 'senkung', 'einsparung', 'eingespart', 'halbiert', 'verdoppelt', 'gesteigert', 'erhöht', 'gesunken', 'gefallen', 'zurückgegangen'],
  fr: ['moins', 'moindre', 'réduit', 'réduite', 'réduits', 'réduites', 'réduction', 'baisse', 'baissé', 'baissées', 'diminution', 'diminué', 'diminuée', 'diminuées', 'économie', 'économisé', 'divisé', 'divisées', 'doublé', 'doublée', 'augmentation', 'augmenté'],
  nl: ['minder', 'lagere', 'verminderd', 'verminderde', 'vermindering', 'reductie', 'verlaagd', 'verlaagde', 'bespaard', 'besparing', 'gehalveerd', 'verdubbeld', 'verhoogd'],
  es: ['menos', 'menor', 'menores', 'reducido', 'reducida', 'reducidas', 'reducidos', 'reducción', 'disminución', 'disminuido', 'ahorro', 'redujo', 'reducimos', 'duplicado', 'aumento', 'aumentado'],
  it: ['meno', 'minore', 'minori', 'ridotto', 'ridotta', 'ridotte', 'ridotti', 'riduzione', 'diminuzione', 'diminuito', 'risparmio', 'dimezzato', 'dimezzata', 'dimezzate', 'raddoppiato', 'raddoppiata', 'aumento', 'aumentato'],
};
/** Relative words that make a change without a percentage ("halbiert", "divisé par deux"). */
export const RELATIVE_I18N: PerLanguage<readonly string[]> = {
  de: ['halbiert', 'verdoppelt', 'hälfte', 'doppelt'],
  fr: ['moitié', 'doublé', 'doublée', 'divisé', 'divisées', 'divisés'],
  nl: ['gehalveerd', 'verdubbeld', 'helft', 'dubbel'],
  es: ['mitad', 'duplicado', 'duplicada', 'doble'],
  it: ['metà', 'dimezzato', 'dimezzata', 'dimezzate', 'raddoppiato', 'raddoppiata', 'doppio'],
};
/** What an environmental change is about: a resource or an impact. */
export const RESOURCE_I18N: PerLanguage<readonly string[]> = {
  de: ['co2', 'co2e', 'emissionen', 'emission', 'treibhausgase', 'treibhausgasemissionen', 'kohlenstoff', 'wasser', 'energie', 'strom', 'plastik', 'kunststoff', 'verpackung', 'verpackungsmaterial', 'abfall', 'müll', 'fußabdruck', 'umweltbelastung', 'ressourcen', 'material'],
  fr: ['co2', 'co2e', 'émissions', 'émission', 'carbone', 'gaz à effet de serre', 'eau', 'énergie', 'électricité', 'plastique', 'plastiques', 'emballage', 'emballages', 'déchets', 'empreinte', 'ressources', 'matière', 'matières'],
  nl: ['co2', 'co2e', 'uitstoot', 'emissies', 'broeikasgassen', 'koolstof', 'water', 'energie', 'stroom', 'plastic', 'kunststof', 'verpakking', 'verpakkingsmateriaal', 'afval', 'voetafdruk', 'grondstoffen', 'materiaal'],
  es: ['co2', 'co2e', 'emisiones', 'emisión', 'carbono', 'gases de efecto invernadero', 'agua', 'energía', 'electricidad', 'plástico', 'plásticos', 'envase', 'envases', 'embalaje', 'residuos', 'huella', 'recursos', 'material'],
  it: ['co2', 'co2e', 'emissioni', 'emissione', 'carbonio', 'gas serra', 'acqua', 'energia', 'elettricità', 'plastica', 'imballaggio', 'imballaggi', 'rifiuti', 'impronta', 'risorse', 'materiale'],
};
/** What a comparison is measured against. */
export const COMPARISON_BASIS_I18N: PerLanguage<string> = {
  de: 'als (unser|unsere|das|der|die|im|herkömmlich\\p{L}*|konventionell\\p{L}*|vergleichbar\\p{L}*)|im vergleich (zu|mit)|verglichen mit|gegenüber (dem|der|den|unserem|unserer|(19|20)\\d\\d)|seit (19|20)\\d\\d|basisjahr|vorgänger\\p{L}*|branchendurchschnitt|durchschnitt der branche|herkömmlich\\p{L}*|konventionell\\p{L}*',
  fr: "que (notre|nos|le|la|les|l'\\p{L}+|un|une|celui|celle|ceux)|qu'un|qu'une|qu'avant|par rapport (à|au|aux)|comparée?s? (à|au|aux|avec)|en comparaison (de|avec)|depuis (19|20)\\d\\d|année de référence|modèle précédent|version précédente|moyenne (du secteur|du marché|nationale)|conventionnel\\p{L}*",
  nl: 'dan (ons|onze|de|het|conventione\\p{L}*|gangba\\p{L}*|vorig\\p{L}*)|vergeleken met|in vergelijking met|ten opzichte van|t o v|sinds (19|20)\\d\\d|referentiejaar|basisjaar|vorige (model|versie)|voorganger|gemiddelde|conventione\\p{L}*|gangba\\p{L}*',
  es: 'que (nuestro|nuestra|el|la|los|las|un|una)|en comparación con|comparad[oa]s? con|respecto (a|al)|frente a|desde (19|20)\\d\\d|año (base|de referencia)|modelo anterior|versión anterior|media del (sector|mercado)|convencional\\p{L}*',
  it: 'rispetto (a|al|alla|ai|alle|allo)|in confronto (a|con)|confrontat[oa] con|dal (19|20)\\d\\d|anno (base|di riferimento)|modello precedente|versione precedente|media del (settore|mercato)|convenzional\\p{L}*',
};

/** Full life cycle against use phase only, and functional units (GC-UNEQUAL-COMPARISON). */
export const FULL_SCOPE_I18N: PerLanguage<string> = {
  de: 'lebenszyklus\\p{L}*|lebensweg\\p{L}*|lieferkette\\p{L}*|von der wiege bis zur bahre',
  fr: "cycle de vie|analyse du cycle|du berceau à la tombe|chaîne d'approvisionnement",
  nl: 'levenscyclus\\p{L}*|hele keten|van wieg tot graf|toeleveringsketen',
  es: 'ciclo de vida|de la cuna a la tumba|cadena de suministro',
  it: 'ciclo di vita|dalla culla alla tomba|catena di approvvigionamento|filiera',
};
export const PARTIAL_SCOPE_I18N: PerLanguage<string> = {
  de: 'auspuff\\p{L}*|direkte[n]? emissionen|im betrieb|während der fahrt|beim fahren|lokal emissionsfrei',
  fr: "à l'échappement|échappement|émissions directes|à l'usage|en roulant|en utilisation",
  nl: 'uitlaat\\p{L}*|directe (uitstoot|emissies)|tijdens het rijden|tijdens (het )?gebruik',
  es: 'tubo de escape|escape|emisiones directas|durante (el uso|la conducción)|en uso',
  it: 'allo scarico|scarico|emissioni dirette|durante (l\'uso|la guida)|in uso',
};
/** "per passenger", "pro Fahrgast": the unit word is captured. */
export const UNIT_I18N: PerLanguage<string> = {
  de: '(?:pro|je) (fahrgast|passagier|fahrzeug|auto|kg|kilogramm|liter|portion|stück|km|kilometer|jahr|wäsche|waschgang)',
  fr: 'par (passager|véhicule|voiture|kg|kilogramme|litre|portion|unité|km|kilomètre|an|lavage)',
  nl: 'per (passagier|voertuig|auto|kg|kilogram|liter|portie|stuk|km|kilometer|jaar|wasbeurt)',
  es: 'por (pasajero|vehículo|coche|kg|kilogramo|litro|ración|unidad|km|kilómetro|año|lavado)',
  it: 'per (passeggero|veicolo|auto|kg|chilogrammo|litro|porzione|unità|km|chilometro|anno|lavaggio)',
};

/** Degradation said with where or how fast (GC-EVIDENCE-SCOPE; bare "biodegradable" is GC-DEGRADABLE's). */
export const DEGRADE_VERBS_I18N: PerLanguage<readonly string[]> = {
  de: ['baut sich ab', 'zersetzt sich', 'zerfällt'],
  fr: ['se dégrade', 'se décompose', 'se biodégrade'],
  nl: ['breekt af', 'vergaat', 'wordt afgebroken'],
  es: ['se degrada', 'se descompone', 'se biodegrada'],
  it: ['si degrada', 'si decompone', 'si biodegrada'],
};
export const DEGRADE_WHERE_I18N: PerLanguage<string> = {
  de: 'deponie\\p{L}*|boden|erde|meer|meerwasser|kompost|tage[n]?|wochen|monate[n]?|jahre[n]?',
  fr: 'décharge\\p{L}*|sol|mer|océan|compost|jours|semaines|mois|ans',
  nl: 'stortplaats\\p{L}*|bodem|grond|zee|oceaan|compost|dagen|weken|maanden|jaar',
  es: 'vertedero\\p{L}*|suelo|tierra|mar|océano|compost|días|semanas|meses|años',
  it: 'discarica|discariche|suolo|terreno|mare|oceano|compost|giorni|settimane|mesi|anni',
};
/** Evidence "covers" that name the whole claim, and words that never narrow it. */
export const WHOLE_COVER_I18N = 'produkt|gesamtes produkt|unternehmen|sortiment|produit|entreprise|gamme|bedrijf|assortiment|producto|empresa|gama|prodotto|azienda|gamma';

/** "frei von", "sans", "zonder": words before a substance, and "-frei"/"-vrij" compounds. */
export const FREE_OF_BEFORE_I18N: PerLanguage<readonly string[]> = {
  de: ['frei von', 'ohne', 'ohne zusatz von', 'enthält kein', 'enthält keine', 'enthält keinen'],
  fr: ['sans', 'exempt de', 'exempte de', 'ne contient pas de', 'ne contient aucun', 'ne contient aucune', 'zéro', 'sans ajout de'],
  nl: ['vrij van', 'zonder', 'bevat geen', 'zonder toegevoegde'],
  es: ['sin', 'libre de', 'libres de', 'no contiene', 'sin añadir', 'cero'],
  it: ['senza', 'privo di', 'priva di', 'non contiene', 'senza aggiunta di', 'zero'],
};
/** The compound suffix ("phosphatfrei", "fosfaatvrij"). */
export const FREE_SUFFIX_I18N: Partial<PerLanguage<string>> = { de: 'frei', nl: 'vrij' };
/**
 * After a preposition as common as "sans" or "ohne", only a substance makes a free-of claim ("sans frais" does not):
 * the substances and chemical families claims name, per language, singular and plural.
 */
export const SUBSTANCES_I18N: PerLanguage<readonly string[]> = {
  de: ['fckw', 'phosphat', 'phosphate', 'bpa', 'bisphenol a', 'parabene', 'parabenen', 'phthalate', 'phthalaten', 'pfas', 'pfc', 'mikroplastik', 'silikone', 'silikonen', 'sulfate', 'sulfaten', 'formaldehyd', 'lösungsmittel', 'schwermetalle', 'blei', 'asbest', 'chlor', 'pestizide', 'gentechnik', 'chemie', 'chemikalien', 'giftstoffe', 'schadstoffe'],
  fr: ['cfc', 'phosphate', 'phosphates', 'bpa', 'bisphénol a', 'parabènes', 'phtalates', 'pfas', 'microplastiques', 'silicones', 'sulfates', 'formaldéhyde', 'solvants', 'métaux lourds', 'plomb', 'amiante', 'chlore', 'pesticides', 'produits chimiques', 'substances toxiques', 'toxiques'],
  nl: ['cfk', "cfk's", 'fosfaat', 'fosfaten', 'bpa', 'bisfenol a', 'parabenen', 'ftalaten', 'pfas', 'microplastics', 'siliconen', 'sulfaten', 'formaldehyde', 'oplosmiddelen', 'zware metalen', 'lood', 'asbest', 'chloor', 'pesticiden', 'chemicaliën', 'gifstoffen'],
  es: ['cfc', 'fosfato', 'fosfatos', 'bpa', 'bisfenol a', 'parabenos', 'ftalatos', 'pfas', 'microplásticos', 'siliconas', 'sulfatos', 'formaldehído', 'disolventes', 'metales pesados', 'plomo', 'amianto', 'cloro', 'pesticidas', 'químicos', 'productos químicos', 'tóxicos'],
  it: ['cfc', 'fosfato', 'fosfati', 'bpa', 'bisfenolo a', 'parabeni', 'ftalati', 'pfas', 'microplastiche', 'siliconi', 'solfati', 'formaldeide', 'solventi', 'metalli pesanti', 'piombo', 'amianto', 'cloro', 'pesticidi', 'sostanze chimiche', 'prodotti chimici', 'tossici'],
};
/** The same substances under the names the legal-requirement table uses (English), so one table serves all languages. */
export const SUBSTANCE_NAME_I18N: Readonly<Record<string, string>> = {
  fckw: 'cfc', cfk: 'cfc', "cfk's": 'cfcs', phosphat: 'phosphate', fosfaat: 'phosphate', fosfaten: 'phosphates', fosfato: 'phosphate', fosfatos: 'phosphates', fosfati: 'phosphates',
  'bisphenol a': 'bisphenol a', 'bisphénol a': 'bisphenol a', 'bisfenol a': 'bisphenol a', 'bisfenolo a': 'bisphenol a', asbest: 'asbestos', amiante: 'asbestos', amianto: 'asbestos',
  blei: 'lead', plomb: 'lead', lood: 'lead', plomo: 'lead', piombo: 'lead',
};
/** Whose absence is a toxicity claim (GC-NONTOXIC), not a substance. */
export const TOXIC_SUBSTANCES_I18N = new Set(['chemie', 'chemikalien', 'giftstoffe', 'schadstoffe', 'produits chimiques', 'substances toxiques', 'toxiques', 'chemicaliën', 'gifstoffen', 'químicos', 'productos químicos', 'tóxicos', 'sostanze chimiche', 'prodotti chimici', 'tossici']);
/** Product contexts of the legal requirements (laundry detergent, baby bottles, paint), in these languages. */
export const LEGAL_CONTEXT_I18N = {
  laundry: 'wasch\\p{L}*|spül\\p{L}*|geschirr\\p{L}*|lessive\\p{L}*|détergent\\p{L}*|lave vaisselle|vaisselle|wasmiddel\\p{L}*|vaatwas\\p{L}*|afwas\\p{L}*|detergente\\p{L}*|lavavajillas|ropa|detersiv\\p{L}*|lavastoviglie|bucato',
  baby: 'baby\\p{L}*|säugling\\p{L}*|biberon\\p{L}*|bébé\\p{L}*|nourrisson\\p{L}*|zuigfles\\p{L}*|zuigeling\\p{L}*|biberón\\p{L}*|bebé\\p{L}*|neonat\\p{L}*|lattant\\p{L}*',
  paint: 'farbe\\p{L}*|lack\\p{L}*|wandfarbe\\p{L}*|peinture\\p{L}*|verf|lak|pintura\\p{L}*|vernic\\p{L}*|pittur\\p{L}*',
} as const;
/** Compliance itself presented as a selling point (GC-LEGAL-REQUIREMENT). */
export const COMPLIANCE_I18N: PerLanguage<string> = {
  de: '(reach|rohs|weee) (konform|compliant)|erfüllt alle (gesetzlichen|rechtlichen) (anforderungen|vorgaben)|entspricht (allen )?(den )?gesetzlichen (anforderungen|vorgaben|bestimmungen)|gesetzeskonform',
  fr: '(conforme|conformes) (à la|aux) (réglementation|réglementations|normes légales|exigences légales)|(reach|rohs) (conforme|compatible)|respecte (toutes )?les (exigences|obligations) légales',
  nl: 'voldoet aan (alle )?(wettelijke|europese) (eisen|voorschriften|normen)|(reach|rohs) (conform|compliant)|wettelijk conform',
  es: 'cumple (con )?(todas )?(la|las) (normativa|normativas|exigencias legales|requisitos legales)|(reach|rohs) (conforme|compatible)',
  it: 'conforme (alla|alle) (normativa|normative|leggi)|rispetta (tutte )?le (norme|prescrizioni) di legge|(reach|rohs) (conforme|compliant)',
};

/** Annex I 4c "reduced" climate impact wording, besides the neutral wording in lexicon.ts. */
export const REDUCED_CLIMATE_I18N: PerLanguage<readonly string[]> = {
  de: ['co2 reduziert', 'co2 reduzierte', 'co2 arm', 'co2 arme', 'co2 armer', 'co2 armes', 'emissionsarm', 'emissionsarme', 'emissionsreduziert', 'emissionsreduzierte', 'klimareduziert', 'reduzierte emissionen', 'reduzierter co2 fußabdruck'],
  fr: ['bas carbone', 'faible émission', 'faibles émissions', 'émissions réduites', 'empreinte carbone réduite', 'réduit en carbone', 'à faible impact'],
  nl: ['co2 arm', 'co2 arme', 'co2 reductie', 'koolstofarm', 'koolstofarme', 'emissiearm', 'emissiearme', 'verminderde uitstoot', 'lagere co2 uitstoot'],
  es: ['bajo en carbono', 'baja en carbono', 'bajas emisiones', 'emisiones reducidas', 'huella de carbono reducida', 'bajo impacto'],
  it: ['a basse emissioni', 'a basso contenuto di carbonio', 'basse emissioni', 'emissioni ridotte', 'impronta di carbonio ridotta', 'a basso impatto'],
};
