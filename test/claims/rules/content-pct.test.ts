import { contentPct } from '../../../electron/core/claims/rules/content-pct.ts';
import { ruleTable } from '../helpers.ts';

ruleTable(contentPct, [
  // must fire: an organic, bio-based or natural content claim without the share
  { name: 'organic cotton, share unknown', statement: 'T-shirt made with organic cotton.', fires: true, message: /organic cotton/ },
  { name: 'bio-based plastic', statement: 'A bottle made of bio-based plastic.', fires: true },
  { name: 'natural fibres', statement: 'Knitted from natural fibres.', fires: true },
  { name: 'a share in another sentence does not count', statement: 'Made with organic cotton. 20% off this week.', fires: true },
  { name: 'German Bio-Baumwolle', statement: 'Aus Bio-Baumwolle.', fields: { language: 'de' }, fires: true },
  // must not fire
  { name: 'share stated', statement: 'Made with 35% organic cotton.', fires: false },
  { name: '100% stated', statement: '100% organic cotton.', fires: false },
  { name: 'share recorded in the fields', statement: 'Made with organic cotton.', fields: { metric: 'organic cotton share by weight', unit: '%', current_value: 35 }, fires: false },
  { name: 'organic food is not a content share', statement: 'Supporting organic farming in Kenya.', fires: false },
  { name: 'a label claim is GC-LABEL\'s', statement: 'GOTS organic certified.', fields: { category: 'label' }, fires: false },
  { name: 'no content wording', statement: 'Made with 30% recycled plastic.', fires: false },
]);
