// The rules that read comparisons, figures, scope and climate wording, in German, French, Dutch, Spanish and Italian:
// each fires on the ordinary wording in that language and stays silent once the statement says what the rule asks for.
import { compareBasis } from '../../../electron/core/claims/rules/compare-basis.ts';
import { evidenceScope } from '../../../electron/core/claims/rules/evidence-scope.ts';
import { negligible } from '../../../electron/core/claims/rules/negligible.ts';
import { numberMismatch } from '../../../electron/core/claims/rules/number-mismatch.ts';
import { offsetProductNeutral } from '../../../electron/core/claims/rules/offset-product-neutral.ts';
import { unequalComparison } from '../../../electron/core/claims/rules/unequal-comparison.ts';
import { wholeVsPart } from '../../../electron/core/claims/rules/whole-vs-part.ts';
import { cert, languageTable } from '../helpers.ts';

const part = (scope_detail: string) => ({ scope: 'part' as const, scope_detail });
languageTable(wholeVsPart, [
  { lang: 'de', statement: 'Die Verpackung und das gesamte Unternehmen sind klimaneutral.', fields: part('Verpackung'), fires: true },
  { lang: 'de', statement: 'Die Verpackung besteht zu 80 % aus Altpapier.', fields: part('Verpackung'), fires: false },
  { lang: 'fr', statement: "L'emballage, comme toute notre gamme, est recyclable.", fields: part('emballage'), fires: true },
  { lang: 'fr', statement: "L'emballage est fait à 80 % de carton recyclé.", fields: part('emballage'), fires: false },
  { lang: 'nl', statement: 'De verpakking van ons hele assortiment is recyclebaar.', fields: part('verpakking'), fires: true },
  { lang: 'nl', statement: 'De verpakking is voor 80% gemaakt van gerecycled karton.', fields: part('verpakking'), fires: false },
  { lang: 'es', statement: 'El envase, como toda nuestra gama, es reciclable.', fields: part('envase'), fires: true },
  { lang: 'es', statement: 'El envase contiene un 80 % de cartón reciclado.', fields: part('envase'), fires: false },
  { lang: 'it', statement: 'La confezione, come tutta la nostra gamma, è riciclabile.', fields: part('confezione'), fires: true },
  { lang: 'it', statement: 'La confezione è composta per l\'80 % da cartone riciclato.', fields: part('confezione'), fires: false },
]);

languageTable(compareBasis, [
  { lang: 'de', statement: 'Unsere Verpackung verursacht 30 % weniger CO2.', fires: true },
  { lang: 'de', statement: 'Unsere Verpackung verursacht 30 % weniger CO2 als unser Modell von 2020.', fires: false },
  { lang: 'fr', statement: 'Notre emballage utilise 30 % de plastique en moins.', fires: true },
  { lang: 'fr', statement: 'Notre emballage utilise 30 % de plastique en moins par rapport à 2020.', fires: false },
  { lang: 'nl', statement: 'Onze verpakking gebruikt 30% minder plastic.', fires: true },
  { lang: 'nl', statement: 'Onze verpakking gebruikt 30% minder plastic dan onze vorige verpakking.', fires: false },
  { lang: 'es', statement: 'Nuestro envase usa un 30 % menos de plástico.', fires: true },
  { lang: 'es', statement: 'Nuestro envase usa un 30 % menos de plástico que nuestro envase anterior.', fires: false },
  { lang: 'it', statement: 'La nostra confezione usa il 30 % di plastica in meno.', fires: true },
  { lang: 'it', statement: 'La nostra confezione usa il 30 % di plastica in meno rispetto al modello precedente.', fires: false },
]);

languageTable(unequalComparison, [
  { lang: 'de', statement: 'Über den gesamten Lebenszyklus verursacht unser Auto weniger CO2 als ein Verbrenner am Auspuff.', fires: true },
  { lang: 'de', statement: 'Über den gesamten Lebenszyklus verursacht unser Auto weniger CO2 als ein Verbrenner.', fires: false },
  { lang: 'de', statement: 'Unser Zug verursacht 20 g CO2 pro Fahrgast, ein Auto 120 g pro Fahrzeug.', fires: true },
  { lang: 'fr', statement: "Sur tout son cycle de vie, notre voiture émet moins de CO2 qu'une voiture thermique à l'échappement.", fires: true },
  { lang: 'fr', statement: "Sur tout son cycle de vie, notre voiture émet moins de CO2 qu'une voiture thermique.", fires: false },
  { lang: 'nl', statement: 'Over de hele levenscyclus stoot onze auto minder CO2 uit dan een benzineauto bij de uitlaat.', fires: true },
  { lang: 'nl', statement: 'Over de hele levenscyclus stoot onze auto minder CO2 uit dan een benzineauto.', fires: false },
  { lang: 'es', statement: 'En todo su ciclo de vida, nuestro coche emite menos CO2 que un coche de gasolina por el tubo de escape.', fires: true },
  { lang: 'es', statement: 'En todo su ciclo de vida, nuestro coche emite menos CO2 que un coche de gasolina.', fires: false },
  { lang: 'it', statement: 'Su tutto il ciclo di vita la nostra auto emette meno CO2 di un\'auto a benzina allo scarico.', fires: true },
  { lang: 'it', statement: 'Su tutto il ciclo di vita la nostra auto emette meno CO2 di un\'auto a benzina.', fires: false },
]);

const covers = (c: string) => ({ evidence: [cert({ title: 'Lab', covers: [c] })] });
languageTable(evidenceScope, [
  { lang: 'de', statement: 'Unsere Flasche ist frei von Phthalaten.', fields: covers('Deckel der Flasche'), fires: true },
  { lang: 'de', statement: 'Unsere Flasche ist frei von Phthalaten.', fields: covers('Flasche'), fires: false },
  { lang: 'fr', statement: 'Notre bouteille est sans phtalates.', fields: covers('bouchon de la bouteille'), fires: true },
  { lang: 'fr', statement: 'Notre bouteille est sans phtalates.', fields: covers('la bouteille'), fires: false },
  { lang: 'nl', statement: 'Onze fles is zonder ftalaten.', fields: covers('dop van de fles'), fires: true },
  { lang: 'nl', statement: 'Onze fles is zonder ftalaten.', fields: covers('fles'), fires: false },
  { lang: 'es', statement: 'Nuestra botella es sin ftalatos.', fields: covers('tapón de la botella'), fires: true },
  { lang: 'es', statement: 'Nuestra botella es sin ftalatos.', fields: covers('botella'), fires: false },
  { lang: 'it', statement: 'La nostra bottiglia è senza ftalati.', fields: covers('tappo della bottiglia'), fires: true },
  { lang: 'it', statement: 'La nostra bottiglia è senza ftalati.', fields: covers('bottiglia'), fires: false },
  { lang: 'de', statement: 'Unser Beutel zersetzt sich im Boden in 90 Tagen.', fields: covers('Industriekompost'), fires: true },
]);

const pct = (baseline: number, current: number) => ({ metric: 'recycled content by weight', unit: '%', baseline: { value: baseline, year: 2024 }, current_value: current });
languageTable(negligible, [
  { lang: 'de', statement: 'Den Anteil an Recyclingmaterial haben wir verdoppelt.', fields: pct(1, 2), fires: true },
  { lang: 'de', statement: 'Den Anteil an Recyclingmaterial haben wir verdoppelt.', fields: pct(10, 20), fires: false },
  { lang: 'fr', statement: 'La part de matière recyclée a doublé.', fields: pct(1, 2), fires: true },
  { lang: 'fr', statement: 'La part de matière recyclée a doublé.', fields: pct(10, 20), fires: false },
  { lang: 'nl', statement: 'Het aandeel gerecycled materiaal is verdubbeld.', fields: pct(1, 2), fires: true },
  { lang: 'nl', statement: 'Het aandeel gerecycled materiaal is verdubbeld.', fields: pct(10, 20), fires: false },
  { lang: 'es', statement: 'La proporción de material reciclado se ha duplicado.', fields: pct(1, 2), fires: true },
  { lang: 'es', statement: 'La proporción de material reciclado se ha duplicado.', fields: pct(10, 20), fires: false },
  { lang: 'it', statement: 'La quota di materiale riciclato è raddoppiata.', fields: pct(1, 2), fires: true },
  { lang: 'it', statement: 'La quota di materiale riciclato è raddoppiata.', fields: pct(10, 20), fires: false },
]);

const emissions = { unit: 'tCO2e', metric: 'scope 1 and 2 emissions', baseline: { value: 1000, year: 2019 }, current_value: 800 };
languageTable(numberMismatch, [
  { lang: 'de', statement: 'Unsere Emissionen sind seit 2019 um 40 % gesunken.', fields: emissions, fires: true },
  { lang: 'de', statement: 'Unsere Emissionen sind seit 2019 um 20 % gesunken.', fields: emissions, fires: false },
  { lang: 'fr', statement: 'Nos émissions ont été réduites de 40 % depuis 2019.', fields: emissions, fires: true },
  { lang: 'fr', statement: 'Nos émissions ont été réduites de 20 % depuis 2019.', fields: emissions, fires: false },
  { lang: 'nl', statement: 'Onze uitstoot is sinds 2019 met 40% verminderd.', fields: emissions, fires: true },
  { lang: 'nl', statement: 'Onze uitstoot is sinds 2019 met 20% verminderd.', fields: emissions, fires: false },
  { lang: 'es', statement: 'Nuestras emisiones se han reducido un 40 % desde 2019.', fields: emissions, fires: true },
  { lang: 'es', statement: 'Nuestras emisiones se han reducido un 20 % desde 2019.', fields: emissions, fires: false },
  { lang: 'it', statement: 'Le nostre emissioni sono state ridotte del 40 % dal 2019.', fields: emissions, fires: true },
  { lang: 'it', statement: 'Le nostre emissioni sono state ridotte del 20 % dal 2019.', fields: emissions, fires: false },
]);

// Annex I 4c covers "reduced" climate impact as well as neutral: the reduced wording in each language.
const offsets = { markets: ['EU' as const], category: 'climate' as const, uses_offsets: true };
languageTable(offsetProductNeutral, [
  { lang: 'de', statement: 'Unsere CO2-arme Schokolade.', fields: offsets, fires: true },
  { lang: 'de', statement: 'Unsere Schokolade schmeckt nach mehr.', fields: offsets, fires: false },
  { lang: 'fr', statement: 'Notre chocolat bas carbone.', fields: offsets, fires: true },
  { lang: 'fr', statement: 'Notre chocolat est fondant.', fields: offsets, fires: false },
  { lang: 'nl', statement: 'Onze CO2-arme chocolade.', fields: offsets, fires: true },
  { lang: 'nl', statement: 'Onze chocolade is romig.', fields: offsets, fires: false },
  { lang: 'es', statement: 'Nuestro chocolate bajo en carbono.', fields: offsets, fires: true },
  { lang: 'es', statement: 'Nuestro chocolate es cremoso.', fields: offsets, fires: false },
  { lang: 'it', statement: 'Il nostro cioccolato a basse emissioni.', fields: offsets, fires: true },
  { lang: 'it', statement: 'Il nostro cioccolato è cremoso.', fields: offsets, fires: false },
]);
