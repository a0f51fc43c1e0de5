// A claim term under a negation is no claim, in every language the rules read: "nicht umweltfreundlich", "n'est pas
// écologique", "niet duurzaam", "no es sostenible", "non è sostenibile".
import { genericBroad } from '../../../electron/core/claims/rules/generic-broad.ts';
import { genericTerm } from '../../../electron/core/claims/rules/generic-term.ts';
import { languageTable } from '../helpers.ts';

languageTable(genericTerm, [
  { lang: 'de', statement: 'Unsere Verpackung ist umweltfreundlich.', fires: true },
  { lang: 'de', statement: 'Unsere Verpackung ist leider noch nicht umweltfreundlich.', fires: false },
  { lang: 'fr', statement: 'Notre emballage est écologique.', fires: true },
  { lang: 'fr', statement: "Notre emballage n'est pas encore écologique.", fires: false },
  { lang: 'nl', statement: 'Onze verpakking is milieuvriendelijk.', fires: true },
  { lang: 'nl', statement: 'Onze verpakking is nog niet milieuvriendelijk.', fires: false },
  { lang: 'nl', statement: 'Onze verpakking is pas sinds dit jaar milieuvriendelijk.', fires: true },
  { lang: 'es', statement: 'Nuestro envase es ecológico.', fires: true },
  { lang: 'es', statement: 'Nuestro envase todavía no es ecológico.', fires: false },
  { lang: 'it', statement: 'La nostra confezione è ecologica.', fires: true },
  { lang: 'it', statement: 'La nostra confezione non è ancora ecologica.', fires: false },
]);

languageTable(genericBroad, [
  { lang: 'de', statement: 'Unser Kaffee ist nachhaltig.', fires: true },
  { lang: 'de', statement: 'Unser Kaffee ist kein nachhaltiges Produkt.', fires: false },
  { lang: 'fr', statement: 'Notre café est durable.', fires: true },
  { lang: 'fr', statement: "Notre café n'est jamais durable.", fires: false },
  { lang: 'nl', statement: 'Onze koffie is duurzaam.', fires: true },
  { lang: 'nl', statement: 'Onze koffie is geen duurzame koffie.', fires: false },
  { lang: 'es', statement: 'Nuestro café es sostenible.', fires: true },
  { lang: 'es', statement: 'Nuestro café no es sostenible.', fires: false },
  { lang: 'it', statement: 'Il nostro caffè è sostenibile.', fires: true },
  { lang: 'it', statement: 'Il nostro caffè non è sostenibile.', fires: false },
]);
