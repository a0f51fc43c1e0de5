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
]);
