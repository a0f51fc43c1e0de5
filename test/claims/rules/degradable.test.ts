import { degradable } from '../../../electron/core/claims/rules/degradable.ts';
import { ruleTable } from '../helpers.ts';

ruleTable(degradable, [
  { name: 'biodegradable alone', statement: 'Biodegradable mailer bags.', fields: { markets: ['EU', 'US'] }, fires: true, message: /where it breaks down or how long/ },
  { name: 'environment but no time', statement: 'Biodegradable in soil.', fires: true, message: /how long/ },
  { name: 'time but no environment', statement: 'Biodegrades? Biodegradable within 180 days.', fires: true, message: /where/ },
  { name: 'oxo-degradable', statement: 'Oxo-degradable carrier bags.', fires: true, message: /2019\/904/ },
  { name: 'photodegradable', statement: 'Photodegradable film.', fires: true },
  { name: 'UK too', statement: 'Biodegradable wipes.', fields: { markets: ['UK'] }, fires: true },
  { name: 'environment and time', statement: 'Biodegradable in home compost within 180 days (EN 17427).', fires: false },
  { name: 'marine and months', statement: 'Biodegradable in seawater within 6 months.', fires: false },
  { name: 'negated', statement: 'These wipes are not biodegradable.', fires: false },
  { name: 'compostable is another rule', statement: 'Compostable cups.', fires: false },
  // Recital 9's "biodegradable" in the claim's language (official-terms.json has the German wording).
  { name: 'de: biologisch abbaubar', statement: 'Biologisch abbaubare Müllbeutel.', fields: { language: 'de' }, fires: true, message: /where it breaks down or how long/ },
  { name: 'de: with the environment and the time', statement: 'Biologisch abbaubar im Heimkompost innerhalb von 90 Tagen.', fields: { language: 'de' }, fires: false },
  { name: 'fr: biodégradable', statement: 'Sacs biodégradables.', fields: { language: 'fr' }, fires: true },
  { name: 'fr: with the environment and the time', statement: 'Biodégradable en compost domestique en 6 mois.', fields: { language: 'fr' }, fires: false },
  { name: 'nl: biologisch afbreekbaar', statement: 'Biologisch afbreekbare koffiecups.', fields: { language: 'nl' }, fires: true },
  { name: 'it: biodegradabile, detected', statement: 'La nostra borsa è biodegradabile.', fires: true },
  { name: 'es: in soil within months', statement: 'Biodegradable en suelo en 6 meses.', fields: { language: 'es' }, fires: false },
]);
