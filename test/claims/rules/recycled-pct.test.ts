import { recycledPct } from '../../../electron/core/claims/rules/recycled-pct.ts';
import { ruleTable } from '../helpers.ts';

const content = (n: number | null) => ({ metric: 'recycled content by weight', unit: '%', current_value: n });

ruleTable(recycledPct, [
  { name: '35% recorded, not stated', statement: 'Made with recycled polyester.', fields: { markets: ['EU'], ...content(35) }, fires: true, message: /35%/ },
  { name: 'share unknown', statement: 'Recycled cardboard box.', fires: true },
  { name: 'a relative figure is not the share', statement: 'Now with more recycled plastic: 20% lighter.', fires: true },
  { name: 'share stated', statement: 'Made with 35% recycled polyester.', fields: content(35), fires: false },
  { name: '100% stated', statement: 'Our shampoo bottle is made from 100% recycled plastic (cap not included).', fields: content(100), fires: false },
  { name: '100% recorded', statement: 'Made from recycled aluminium.', fields: content(100), fires: false },
  { name: 'percent spelt out', statement: 'Made with 40 per cent recycled wool.', fires: false },
  { name: 'can be recycled is recyclability', statement: 'This can can be recycled.', fires: false },
  { name: 'widely recycled is recyclability', statement: 'Widely recycled.', fires: false },
  { name: 'recyclable', statement: 'Recyclable packaging.', fires: false },
  { name: 'future', statement: 'We will use recycled plastic by 2027.', fires: false },
  { name: 'negated', statement: 'Not made from recycled materials.', fires: false },
]);
