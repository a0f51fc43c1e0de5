// The product-attribute rules in German, French, Dutch, Spanish and Italian: each fires on the ordinary wording of its
// claim in that language and stays silent once the statement or the evidence says what the rule asks for.
import { compostableQualify } from '../../../electron/core/claims/rules/compostable-qualify.ts';
import { contentPct } from '../../../electron/core/claims/rules/content-pct.ts';
import { freeOf } from '../../../electron/core/claims/rules/free-of.ts';
import { legalRequirement } from '../../../electron/core/claims/rules/legal-requirement.ts';
import { nontoxic } from '../../../electron/core/claims/rules/nontoxic.ts';
import { recyclableQualify } from '../../../electron/core/claims/rules/recyclable-qualify.ts';
import { recycledPct } from '../../../electron/core/claims/rules/recycled-pct.ts';
import { renewableEnergy } from '../../../electron/core/claims/rules/renewable-energy.ts';
import { renewableMaterial } from '../../../electron/core/claims/rules/renewable-material.ts';
import { sealNoBasis } from '../../../electron/core/claims/rules/seal-no-basis.ts';
import { inHouse, languageTable } from '../helpers.ts';

const report = (title: string) => ({ evidence: [inHouse({ title })] });

languageTable(recyclableQualify, [
  { lang: 'de', statement: 'Unsere Verpackung ist recycelbar.', fires: true },
  { lang: 'de', statement: 'Bis 2030 soll unsere Verpackung recycelbar sein.', fires: false },
  { lang: 'de', statement: 'Unsere Verpackung ist recycelbar, wo entsprechende Sammelsysteme vorhanden sind.', fires: false },
  { lang: 'fr', statement: 'Notre bouteille est recyclable.', fires: true },
  { lang: 'fr', statement: "D'ici 2030, notre bouteille sera recyclable.", fires: false },
  { lang: 'fr', statement: 'Notre bouteille est recyclable : consultez les consignes de tri de votre commune.', fires: false },
  { lang: 'nl', statement: 'Onze verpakking is recyclebaar.', fires: true },
  { lang: 'nl', statement: 'Onze verpakking is recyclebaar via het pmd.', fires: false },
  { lang: 'es', statement: 'Nuestro envase es reciclable.', fires: true },
  { lang: 'es', statement: 'Nuestro envase es reciclable en el contenedor amarillo.', fires: false },
  { lang: 'it', statement: 'La nostra confezione è riciclabile.', fires: true },
  { lang: 'it', statement: 'La nostra confezione è riciclabile con la raccolta differenziata.', fires: false },
]);

languageTable(recycledPct, [
  { lang: 'de', statement: 'Unsere Flasche besteht aus recyceltem Kunststoff.', fires: true },
  { lang: 'de', statement: 'Unsere Flasche besteht zu 50 % aus recyceltem Kunststoff.', fires: false },
  { lang: 'de', statement: 'Die Flasche kann mit dem Gelben Sack recycelt werden.', fires: false },
  { lang: 'fr', statement: 'Notre bouteille est en plastique recyclé.', fires: true },
  { lang: 'fr', statement: 'Notre bouteille est en plastique recyclé à 50 %.', fires: false },
  { lang: 'fr', statement: 'Notre bouteille peut être recyclée.', fires: false },
  { lang: 'nl', statement: 'Onze fles is gemaakt van gerecycled plastic.', fires: true },
  { lang: 'nl', statement: 'Onze fles is voor 50 procent gemaakt van gerecycled plastic.', fires: false },
  { lang: 'es', statement: 'Nuestra botella es de plástico reciclado.', fires: true },
  { lang: 'es', statement: 'Nuestra botella contiene un 50 % de plástico reciclado.', fires: false },
  { lang: 'it', statement: 'La nostra bottiglia è in plastica riciclata.', fires: true },
  { lang: 'it', statement: 'La nostra bottiglia è fatta al 50 per cento di plastica riciclata.', fires: false },
]);

languageTable(compostableQualify, [
  { lang: 'de', statement: 'Unser Beutel ist kompostierbar.', fires: true },
  { lang: 'de', statement: 'Unser Beutel ist heimkompostierbar.', fires: false },
  { lang: 'de', statement: 'Unser Beutel ist industriell kompostierbar; entsprechende Anlagen gibt es möglicherweise nicht überall.', fires: false },
  { lang: 'fr', statement: 'Notre sachet est compostable.', fires: true },
  { lang: 'fr', statement: 'Notre sachet est compostable à domicile.', fires: false },
  { lang: 'nl', statement: 'Onze zak is composteerbaar.', fires: true },
  { lang: 'nl', statement: 'Onze zak is thuis composteerbaar.', fires: false },
  { lang: 'es', statement: 'Nuestra bolsa es compostable.', fires: true },
  { lang: 'es', statement: 'Nuestra bolsa es compostable en casa.', fires: false },
  { lang: 'it', statement: 'Il nostro sacchetto è compostabile.', fires: true },
  { lang: 'it', statement: 'Il nostro sacchetto è compostabile a casa.', fires: false },
]);

languageTable(renewableEnergy, [
  { lang: 'de', statement: 'Wir produzieren mit Ökostrom.', fires: true },
  { lang: 'de', statement: 'Wir produzieren mit 100 % Windstrom.', fields: report('Herkunftsnachweise 2025'), fires: false },
  { lang: 'fr', statement: "Nos usines tournent à l'énergie renouvelable.", fires: true },
  { lang: 'fr', statement: "Nos usines tournent à l'énergie renouvelable : 100 % solaire.", fields: report("Garanties d'origine 2025"), fires: false },
  { lang: 'nl', statement: 'Wij produceren met groene stroom.', fires: true },
  { lang: 'nl', statement: 'Wij produceren met 100% windstroom.', fields: report('Garanties van oorsprong 2025'), fires: false },
  { lang: 'es', statement: 'Fabricamos con energía renovable.', fires: true },
  { lang: 'es', statement: 'Fabricamos con energía renovable: 100 % eólica.', fields: report('Garantías de origen 2025'), fires: false },
  { lang: 'it', statement: 'Produciamo con energia rinnovabile per le nostre fabbriche.', fires: true },
  { lang: 'it', statement: 'Produciamo con energia rinnovabile per le nostre fabbriche: 100 % eolica.', fields: report('Garanzie di origine 2025'), fires: false },
]);

languageTable(renewableMaterial, [
  { lang: 'de', statement: 'Unser Becher ist aus nachwachsenden Rohstoffen.', fires: true },
  { lang: 'de', statement: 'Unser Becher ist aus nachwachsenden Rohstoffen: Bambus, der schneller nachwächst, als er geerntet wird.', fires: false },
  { lang: 'fr', statement: 'Notre gobelet est fabriqué à partir de matières renouvelables.', fires: true },
  { lang: 'fr', statement: "Notre gobelet est en bambou, une matière renouvelable qui repousse plus vite qu'on ne la récolte.", fires: false },
  { lang: 'nl', statement: 'Onze beker is gemaakt van hernieuwbare materialen.', fires: true },
  { lang: 'nl', statement: 'Onze beker is gemaakt van bamboe, een hernieuwbaar materiaal dat snel teruggroeit.', fires: false },
  { lang: 'es', statement: 'Nuestro vaso está fabricado con materiales renovables.', fires: true },
  { lang: 'es', statement: 'Nuestro vaso está fabricado con bambú, un material renovable que vuelve a crecer.', fires: false },
  { lang: 'it', statement: 'Il nostro bicchiere è realizzato con materiali rinnovabili.', fires: true },
  { lang: 'it', statement: 'Il nostro bicchiere è realizzato in bambù, un materiale rinnovabile che ricresce in fretta.', fires: false },
]);

languageTable(contentPct, [
  { lang: 'de', statement: 'Unser T-Shirt besteht aus Naturfasern.', fires: true },
  { lang: 'de', statement: 'Unser T-Shirt besteht zu 60 % aus Bio-Baumwolle.', fires: false },
  { lang: 'de', statement: 'Unser Backpapier ist biologisch abbaubar.', fires: false },
  { lang: 'fr', statement: 'Notre t-shirt est en coton biologique.', fires: true },
  { lang: 'fr', statement: 'Notre t-shirt contient 60 % de coton biologique.', fires: false },
  { lang: 'fr', statement: "Notre café est issu de l'agriculture biologique.", fires: false },
  { lang: 'nl', statement: 'Ons T-shirt is van biologisch katoen.', fires: true },
  { lang: 'nl', statement: 'Ons T-shirt bestaat voor 60% uit biologisch katoen.', fires: false },
  { lang: 'es', statement: 'Nuestra camiseta es de algodón orgánico.', fires: true },
  { lang: 'es', statement: 'Nuestra camiseta tiene un 60 % de algodón orgánico.', fires: false },
  { lang: 'it', statement: 'La nostra maglietta è in cotone biologico.', fires: true },
  { lang: 'it', statement: 'La nostra maglietta contiene il 60 % di cotone biologico.', fires: false },
]);

languageTable(nontoxic, [
  { lang: 'de', statement: 'Unser Reiniger ist ungiftig.', fires: true },
  { lang: 'de', statement: 'Unser Reiniger ist ungiftig.', fields: report('Prüfbericht: Toxizität für Menschen und Gewässerorganismen'), fires: false },
  { lang: 'fr', statement: 'Notre nettoyant est non toxique.', fires: true },
  { lang: 'fr', statement: 'Notre nettoyant est non toxique.', fields: report('Essais de toxicité : santé humaine et milieu aquatique'), fires: false },
  { lang: 'nl', statement: 'Onze reiniger is niet giftig.', fires: true },
  { lang: 'nl', statement: 'Onze reiniger is niet giftig.', fields: report('Toxiciteitsonderzoek: gezondheid van mensen en waterorganismen'), fires: false },
  { lang: 'es', statement: 'Nuestro limpiador es no tóxico.', fires: true },
  { lang: 'es', statement: 'Nuestro limpiador es no tóxico.', fields: report('Ensayo de toxicidad: salud humana y organismos acuáticos'), fires: false },
  { lang: 'it', statement: 'Il nostro detergente è atossico.', fires: true },
  { lang: 'it', statement: 'Il nostro detergente è atossico.', fields: report('Prove di tossicità: salute umana e organismi acquatici'), fires: false },
]);

languageTable(freeOf, [
  { lang: 'de', statement: 'Unsere Creme ist frei von Parabenen.', fires: true },
  { lang: 'de', statement: 'Unsere Creme gibt es jetzt ohne Aufpreis.', fires: false },
  { lang: 'de', statement: 'Unsere Creme ist frei von Parabenen.', fields: report('Prüfbericht Parabene'), fires: false },
  { lang: 'fr', statement: 'Notre crème est sans parabènes.', fires: true },
  { lang: 'fr', statement: 'Notre crème est livrée sans frais de port.', fires: false },
  { lang: 'nl', statement: 'Onze crème is parabenenvrij.', fires: true },
  { lang: 'nl', statement: 'Onze crème is zonder verzendkosten te bestellen.', fires: false },
  { lang: 'es', statement: 'Nuestra crema es sin parabenos.', fires: true },
  { lang: 'es', statement: 'Nuestra crema, sin compromiso de permanencia.', fires: false },
  { lang: 'it', statement: 'La nostra crema è senza parabeni.', fires: true },
  { lang: 'it', statement: 'La nostra crema è senza costi di spedizione.', fires: false },
]);

languageTable(legalRequirement, [
  { lang: 'de', statement: 'Unser Spray ist FCKW-frei.', fires: true },
  { lang: 'de', statement: 'Unser Waschmittel ist phosphatfrei.', fires: true },
  { lang: 'de', statement: 'Unser Produkt ist REACH-konform.', fires: true },
  { lang: 'de', statement: 'Unser Shampoo ist phosphatfrei.', fires: false },
  { lang: 'fr', statement: 'Notre lessive est sans phosphates.', fires: true },
  { lang: 'fr', statement: 'Notre shampooing est sans phosphates.', fires: false },
  { lang: 'nl', statement: 'Ons wasmiddel is fosfaatvrij.', fires: true },
  { lang: 'nl', statement: 'Onze shampoo is fosfaatvrij.', fires: false },
  { lang: 'es', statement: 'Detergente para la ropa sin fosfatos, para toda la familia.', fires: true },
  { lang: 'es', statement: 'Nuestro champú es sin fosfatos.', fires: false },
  { lang: 'it', statement: 'Il nostro detersivo è senza fosfati.', fires: true },
  { lang: 'it', statement: 'Il nostro shampoo è senza fosfati.', fires: false },
]);

const us = { markets: ['US' as const] };
languageTable(sealNoBasis, [
  { lang: 'de', statement: 'Ausgezeichnet mit unserem Umwelt-Siegel.', fields: us, fires: true },
  { lang: 'de', statement: 'Das Siegel bescheinigt, dass die Verpackung aus Altpapier ist.', fields: us, fires: false },
  { lang: 'fr', statement: 'Notre produit porte le label Planète Verte.', fields: us, fires: true },
  { lang: 'fr', statement: "Ce label atteste que l'emballage est en papier usagé.", fields: us, fires: false },
  { lang: 'nl', statement: 'Met ons eigen keurmerk voor een betere wereld.', fields: us, fires: true },
  { lang: 'nl', statement: 'Dit keurmerk bevestigt dat het papier van oud papier is gemaakt.', fields: us, fires: false },
  { lang: 'es', statement: 'Producto con nuestro sello de calidad ambiental.', fields: us, fires: true },
  { lang: 'es', statement: 'El sello acredita que el papel procede de papel usado.', fields: us, fires: false },
  { lang: 'it', statement: 'Prodotto con il nostro marchio ambientale.', fields: us, fires: true },
  { lang: 'it', statement: 'Il marchio attesta che la carta proviene da carta usata.', fields: us, fires: false },
]);
