// German, French, Dutch, Spanish and Italian wording of the product-attribute rules: recyclable, recycled, compostable,
// renewable energy and materials, organic or bio-based content, non-toxic, "free of", seals. English lists stay in the
// rules themselves.
//
// Where these come from: none of these rules rests on a recital of Directive (EU) 2024/825 that lists words; they follow
// the FTC Green Guides and the CMA code. The lists are the ordinary words for the same legal concepts in each language
// (what a label or an advertisement says), written by the team, NOT checked against an official text. French law backs
// the compostable rule's concern without giving a term list: "compostable" may not be put on plastic that composts only
// in industrial plants (Code de l'environnement, as reported by VALHOR; see official-terms.json for the terms it lists).
// Patterns are regex alternatives over normalised words (text.ts: lowercase, hyphens as spaces), matched as whole words
// by wording.ts; \p{L}* stands for any ending.
import type { PerLanguage } from './wording.ts';

/** Present-tense recyclability (GC-RECYCLABLE-QUALIFY). */
export const RECYCLABLE_I18N: PerLanguage<readonly string[]> = {
  de: ['recycelbar', 'recycelbare', 'recycelbarer', 'recycelbares', 'recycelbaren', 'recyclingfähig', 'recyclingfähige', 'recyclingfähigen', 'wiederverwertbar', 'wiederverwertbare', 'wiederverwertbaren'],
  fr: ['recyclable', 'recyclables'],
  nl: ['recyclebaar', 'recyclebare', 'recycleerbaar', 'recycleerbare', 'recyclable'],
  es: ['reciclable', 'reciclables'],
  it: ['riciclabile', 'riciclabili'],
};

/** What makes "recyclable" honest: where it can be recycled, a share of people with access, a collection route. */
export const RECYCLABLE_QUALIFIER_I18N: PerLanguage<string> = {
  de: 'wo (entsprechende )?(einrichtungen|sammelsysteme|sammelstellen) (vorhanden|verfügbar) (sind|ist)|erkundigen sie sich|nicht überall|in \\d+(,\\d+)?% der|gelbe[nr]? (sack|tonne)|wertstoff\\p{L}*|rückgabe\\p{L}*|pfand\\p{L}*',
  fr: 'là où (les )?(filières|installations|dispositifs|points de collecte) (existent|sont disponibles)|renseignez vous|vérifiez (auprès de|localement)|consignes de tri|selon (les communes|votre commune)|dans \\d+(,\\d+)?% des|points? de collecte|bac de tri|retour en magasin',
  nl: 'waar (inzameling|voorzieningen|inzamelpunten) (bestaat|bestaan|beschikbaar (is|zijn))|informeer bij (uw|je) gemeente|check (bij )?(uw|je) gemeente|niet overal|in \\d+(,\\d+)?% van de|pmd|statiegeld|inzamelpunt\\p{L}*|terugbrengen',
  es: 'donde (existan|haya) (instalaciones|puntos de recogida)|consulte (a|con) su (ayuntamiento|municipio)|no en todas|en el \\d+(,\\d+)?% de|contenedor amarillo|punto limpio|puntos de recogida|devolución en tienda',
  it: 'dove (esistono|sono disponibili) (impianti|strutture)|verifica (le disposizioni del|con il) (tuo )?comune|non ovunque|nel \\d+(,\\d+)?% de[il]|raccolta differenziata|punti? di raccolta|riconsegna in negozio',
};

/** Recycled content (GC-RECYCLED-PCT). */
export const RECYCLED_I18N: PerLanguage<readonly string[]> = {
  de: ['recycelt', 'recycelte', 'recycelter', 'recyceltes', 'recycelten', 'recyceltem', 'rezykliert', 'rezyklierte', 'rezyklierten', 'rezyklat', 'recyclingmaterial', 'recyclingkunststoff', 'recycling kunststoff', 'recyclingpapier', 'recycling papier'],
  fr: ['recyclé', 'recyclée', 'recyclés', 'recyclées'],
  nl: ['gerecycled', 'gerecyclede', 'gerecycleerd', 'gerecycleerde', 'recyclaat'],
  es: ['reciclado', 'reciclada', 'reciclados', 'recicladas'],
  it: ['riciclato', 'riciclata', 'riciclati', 'riciclate'],
};

/** Words around "recycled" that make it recyclability ("kann recycelt werden", "peut être recyclé"), not content. */
export const NOT_CONTENT_AROUND_I18N: PerLanguage<readonly string[]> = {
  de: ['kann', 'können', 'wird', 'werden', 'leicht', 'vollständig'],
  fr: ['être', 'peut', 'peuvent', 'facilement', 'entièrement'],
  nl: ['worden', 'wordt', 'kan', 'kunnen', 'makkelijk', 'volledig'],
  es: ['ser', 'puede', 'pueden', 'fácilmente', 'totalmente'],
  it: ['essere', 'può', 'possono', 'facilmente', 'completamente'],
};

/** Compostability (GC-COMPOSTABLE-QUALIFY). */
export const COMPOSTABLE_I18N: PerLanguage<readonly string[]> = {
  de: ['kompostierbar', 'kompostierbare', 'kompostierbarer', 'kompostierbares', 'kompostierbaren', 'heimkompostierbar', 'heimkompostierbare', 'industriell kompostierbar', 'industriell kompostierbare'],
  fr: ['compostable', 'compostables', 'compostable à domicile', 'compostable industriellement'],
  nl: ['composteerbaar', 'composteerbare', 'thuis composteerbaar', 'thuiscomposteerbaar', 'industrieel composteerbaar'],
  es: ['compostable', 'compostables', 'compostable en casa', 'compostable industrialmente'],
  it: ['compostabile', 'compostabili', 'compostabile a casa', 'compostabile industrialmente'],
};

/** Where it composts: at home, or in industrial facilities. */
export const COMPOST_HOME_I18N: PerLanguage<string> = {
  de: 'heim\\p{L}*|zu hause|im garten|garten\\p{L}*',
  fr: 'à domicile|à la maison|domestique|au jardin',
  nl: 'thuis\\p{L}*|in de tuin',
  es: 'en casa|doméstic\\p{L}*|casero|casera',
  it: 'a casa|domestic\\p{L}*',
};
export const COMPOST_INDUSTRIAL_I18N: PerLanguage<string> = {
  de: 'industriell\\p{L}*|gewerblich\\p{L}*|kommunal\\p{L}*',
  fr: 'industriel\\p{L}*|municipal\\p{L}*',
  nl: 'industrie\\p{L}*|gemeentelijk\\p{L}*',
  es: 'industrial\\p{L}*|municipal\\p{L}*',
  it: 'industrial\\p{L}*|municipal\\p{L}*',
};
/** A warning that the facilities may not exist. */
export const COMPOST_AVAILABILITY_I18N: PerLanguage<string> = {
  de: '(anlagen|einrichtungen) (sind |gibt es )?(möglicherweise )?nicht (überall|in ihrer nähe)|nicht überall (vorhanden|verfügbar)|erkundigen sie sich',
  fr: "(installations|filières) (peuvent ne pas exister|n'existent pas partout)|pas (disponibles? )?partout|renseignez vous",
  nl: '(voorzieningen|installaties) (zijn )?(mogelijk )?niet overal|niet overal beschikbaar|informeer bij (uw|je) gemeente',
  es: '(instalaciones) (pueden no existir|no existen en todas)|no (están )?disponibles en todas|consulte (a|con) su (ayuntamiento|municipio)',
  it: '(impianti|strutture) (potrebbero non esistere|non esistono ovunque)|non (sono )?disponibili ovunque|verifica con il (tuo )?comune',
};

/** Renewable or green energy (GC-RENEWABLE-ENERGY). */
export const RENEWABLE_ENERGY_I18N: PerLanguage<readonly string[]> = {
  de: ['erneuerbare energie', 'erneuerbaren energien', 'erneuerbare energien', 'erneuerbarer energie', 'erneuerbarem strom', 'erneuerbarer strom', 'ökostrom', 'grünstrom', 'grüner strom', 'grünem strom', 'windkraft', 'windenergie', 'windstrom', 'solarenergie', 'solarstrom', 'sonnenenergie', 'wasserkraft', '100% erneuerbar'],
  fr: ['énergie renouvelable', 'énergies renouvelables', 'électricité renouvelable', 'électricité verte', 'énergie verte', 'énergie propre', 'énergie éolienne', 'énergie solaire', 'électricité solaire', 'hydroélectricité', '100% renouvelable'],
  nl: ['hernieuwbare energie', 'duurzame energie', 'duurzame stroom', 'groene stroom', 'groene energie', 'schone energie', 'windenergie', 'windstroom', 'zonne energie', 'zonnestroom', 'waterkracht', '100% hernieuwbaar'],
  es: ['energía renovable', 'energías renovables', 'electricidad renovable', 'electricidad verde', 'energía verde', 'energía limpia', 'energía eólica', 'energía solar', 'energía hidroeléctrica', '100% renovable'],
  it: ['energia rinnovabile', 'energie rinnovabili', 'elettricità rinnovabile', 'energia verde', 'energia pulita', 'energia eolica', 'energia solare', 'energia idroelettrica', '100% rinnovabile'],
};
/** The source of the energy. */
export const ENERGY_SOURCE_I18N: PerLanguage<string> = {
  de: 'wind\\p{L}*|solar\\p{L}*|sonnen\\p{L}*|photovoltaik\\p{L}*|wasserkraft\\p{L}*|geotherm\\p{L}*|biomasse|biogas',
  fr: 'éolien\\p{L}*|solaire\\p{L}*|photovolta\\p{L}*|hydraulique|hydroélectri\\p{L}*|géotherm\\p{L}*|biomasse|biogaz',
  nl: 'wind\\p{L}*|zonne\\p{L}*|waterkracht\\p{L}*|geotherm\\p{L}*|biomassa|biogas',
  es: 'eólic\\p{L}*|solar\\p{L}*|fotovoltaic\\p{L}*|hidroeléctric\\p{L}*|hidráulic\\p{L}*|geotérmic\\p{L}*|biomasa|biogás',
  it: 'eolic\\p{L}*|solar\\p{L}*|fotovoltaic\\p{L}*|idroelettric\\p{L}*|geotermic\\p{L}*|biomassa|biogas',
};
/** Certificates for the energy claimed (guarantees of origin), in evidence written in these languages. */
export const ENERGY_CERTIFICATES_I18N = "herkunftsnachweis\\p{L}*|garanties? d'origine|garanties? van oorsprong|gvo'?s?|garantías? de origen|garanzi[ae] di origine";

/** Renewable materials (GC-RENEWABLE-MATERIAL). */
export const RENEWABLE_MATERIAL_I18N: PerLanguage<readonly string[]> = {
  de: ['nachwachsende rohstoffe', 'nachwachsenden rohstoffen', 'nachwachsendem rohstoff', 'nachwachsender rohstoff', 'erneuerbare materialien', 'erneuerbaren materialien', 'erneuerbare rohstoffe', 'erneuerbaren rohstoffen'],
  fr: ['matériaux renouvelables', 'matériau renouvelable', 'matière renouvelable', 'matières renouvelables', 'ressources renouvelables', 'ressource renouvelable', 'matières premières renouvelables', 'fibres renouvelables'],
  nl: ['hernieuwbare materialen', 'hernieuwbaar materiaal', 'hernieuwbare grondstoffen', 'nagroeiende grondstoffen', 'hernieuwbare bronnen'],
  es: ['materiales renovables', 'material renovable', 'recursos renovables', 'materias primas renovables', 'fibras renovables'],
  it: ['materiali rinnovabili', 'materiale rinnovabile', 'risorse rinnovabili', 'materie prime rinnovabili', 'fibre rinnovabili'],
};
/** "renewable" on its own, read when a material stands next to it ("nachwachsendes Holz", "bambou renouvelable"). */
export const RENEWABLE_WORD_I18N: PerLanguage<readonly string[]> = {
  de: ['nachwachsend', 'nachwachsende', 'nachwachsendes', 'nachwachsendem', 'nachwachsenden', 'erneuerbar', 'erneuerbares', 'erneuerbarem'],
  fr: ['renouvelable', 'renouvelables'],
  nl: ['hernieuwbaar', 'hernieuwbare'],
  es: ['renovable', 'renovables'],
  it: ['rinnovabile', 'rinnovabili'],
};
export const MATERIAL_I18N: PerLanguage<string> = {
  de: 'bambus|kork|holz|baumwolle|hanf|leinen|flachs|jute|wolle|zuckerrohr|mais|stroh|papier|karton|zellulose|kautschuk|naturkautschuk|algen',
  fr: 'bambou|liège|bois|coton|chanvre|lin|jute|laine|canne à sucre|maïs|paille|papier|carton|cellulose|caoutchouc|algues',
  nl: 'bamboe|kurk|hout|katoen|hennep|linnen|vlas|jute|wol|suikerriet|maïs|stro|papier|karton|cellulose|rubber|algen|zeewier',
  es: 'bambú|corcho|madera|algodón|cáñamo|lino|yute|lana|caña de azúcar|maíz|paja|papel|cartón|celulosa|caucho|algas',
  it: 'bambù|sughero|legno|cotone|canapa|lino|iuta|lana|canna da zucchero|mais|paglia|carta|cartone|cellulosa|gomma|alghe',
};
/** Why it counts as renewable. */
export const RENEWABLE_WHY_I18N: PerLanguage<string> = {
  de: 'wächst (schnell |schneller )?(wieder )?nach|nachwachsen|nachwächst|nachhaltig bewirtschaftet\\p{L}*|wieder aufgeforstet\\p{L}*|aufgeforstet\\p{L}*',
  fr: 'repousse\\p{L}*|se renouvelle\\p{L}*|plus vite qu|gérée?s? durablement|forêts gérées|replant\\p{L}*|reboisé\\p{L}*',
  nl: 'groeit (snel |sneller )?(weer )?(terug|aan)|teruggroei\\p{L}*|aangroei\\p{L}*|duurzaam beheerd\\p{L}*|herplant\\p{L}*',
  es: 'vuelve a crecer|crece (más )?rápid\\p{L}*|se regenera|gestionad[oa]s? de forma sostenible|bosques gestionados|replant\\p{L}*|reforest\\p{L}*',
  it: 'ricresce|si rigenera|cresce (più )?rapidamente|gestit[eoia] in modo sostenibile|foreste gestite|ripiant\\p{L}*|riforest\\p{L}*',
};

/** Organic, bio-based or natural content (GC-CONTENT-PCT). */
export const CONTENT_I18N: PerLanguage<readonly string[]> = {
  de: ['bio baumwolle', 'biobaumwolle', 'biologisch', 'biologische', 'biologischer', 'biologischen', 'kontrolliert biologischem anbau', 'naturfasern', 'biobasiert', 'biobasierte', 'biobasiertem', 'biobasierten'],
  fr: ['coton biologique', 'coton bio', 'biologique', 'biologiques', 'biosourcé', 'biosourcée', 'biosourcés', 'biosourcées', 'fibres naturelles'],
  nl: ['biologisch katoen', 'biologische katoen', 'biologisch', 'biologische', 'biogebaseerd', 'biogebaseerde', 'natuurlijke vezels'],
  es: ['algodón orgánico', 'orgánico', 'orgánica', 'orgánicos', 'orgánicas', 'de origen biológico', 'fibras naturales'],
  it: ['cotone biologico', 'biologico', 'biologica', 'biologici', 'biologiche', 'a base biologica', 'fibre naturali'],
};
/**
 * Words next to "organic" that make it farming or food, not a content claim ("agriculture biologique", "biologischem
 * Landbau"), or degradation ("biologisch abbaubar" is biodegradable: GC-DEGRADABLE's, LG Mosbach 4 O 13/22).
 */
export const CONTENT_NOT_ABOUT_I18N = ['landbau', 'anbau', 'landwirtschaft', 'agriculture', 'agricultura', 'agricoltura', 'landbouw', 'alimentation', 'alimentos', 'alimenti', 'lebensmittel', 'voeding', 'abbaubar', 'abbaubare', 'abbaubaren', 'afbreekbaar', 'afbreekbare'];

/** Non-toxic and chemical-free (GC-NONTOXIC). */
export const NONTOXIC_I18N: PerLanguage<readonly string[]> = {
  de: ['ungiftig', 'ungiftige', 'ungiftiges', 'ungiftigen', 'nicht toxisch', 'chemiefrei', 'chemikalienfrei', 'ohne chemie', 'ohne chemikalien', 'giftfrei'],
  fr: ['non toxique', 'non toxiques', 'atoxique', 'sans produits chimiques', 'sans produit chimique', 'sans substances toxiques', 'sans toxiques'],
  nl: ['niet giftig', 'niet giftige', 'niet toxisch', 'niet toxische', 'gifvrij', 'gifvrije', 'zonder chemicaliën', 'chemicaliënvrij'],
  es: ['no tóxico', 'no tóxica', 'no tóxicos', 'atóxico', 'atóxica', 'sin químicos', 'sin productos químicos', 'sin tóxicos'],
  it: ['non tossico', 'non tossica', 'non tossici', 'atossico', 'atossica', 'senza sostanze chimiche', 'senza prodotti chimici'],
};
/** What toxicity evidence covers, in evidence written in these languages. */
export const TOX_HUMAN_I18N = 'mensch\\p{L}*|gesundheit\\p{L}*|haut\\p{L}+|dermatolog\\p{L}*|kinder\\p{L}*|santé|humaine?s?|peau|enfants?|gezondheid|mensen|huid|salud|human[oa]s?|piel|niños|salute|uman[oi]|pelle|bambini';
export const TOX_ENVIRONMENT_I18N = 'umwelt\\p{L}*|aquatisch\\p{L}*|ökotox\\p{L}*|gewässer\\p{L}*|environnement\\p{L}*|aquatique\\p{L}*|écotox\\p{L}*|milieu|waterorganismen|ecotox\\p{L}*|medio ambiente|acuátic\\p{L}*|ambiente|acquatic\\p{L}*';

/** Seals and certification words (GC-SEAL-NO-BASIS), and wording that says what a seal certifies. */
export const SEAL_I18N: PerLanguage<string> = {
  de: 'siegel|gütesiegel|prüfsiegel|label|logo|zertifiziert\\p{L}*|prüfzeichen',
  fr: 'label|logo|certifié\\p{L}*|certification|sceau|écolabel',
  nl: 'keurmerk|label|logo|gecertificeerd\\p{L}*|certificering|zegel',
  es: 'sello|etiqueta|certificad[oa]s?|certificación|logotipo|logo',
  it: 'marchio|etichetta|certificat[oaie]|certificazione|bollino|logo',
};
export const SEAL_BASIS_I18N: PerLanguage<string> = {
  de: 'zertifiziert (für|als) \\p{L}+|bescheinigt\\p{L}*|bestätigt, dass',
  fr: 'certifiée?s? (pour|comme) \\p{L}+|atteste que|garantit que',
  nl: 'gecertificeerd (voor|als) \\p{L}+|bevestigt dat|garandeert dat',
  es: 'certificad[oa]s? (por su|como|para) \\p{L}+|acredita que|garantiza que',
  it: 'certificat[oaie] (per|come) \\p{L}+|attesta che|garantisce che',
};
/** Attributes a seal's own name can name (recycled, compostable, water, energy), in these languages. */
export const SEAL_ATTRIBUTE_I18N = 'recycel\\p{L}*|recycling\\p{L}*|recyclé\\p{L}*|gerecycle\\p{L}*|reciclad\\p{L}*|riciclat\\p{L}*|kompostierbar\\p{L}*|compostab\\p{L}*|composteerba\\p{L}*|wasser|eau|agua|acqua|energie|énergie|energía|bio';
