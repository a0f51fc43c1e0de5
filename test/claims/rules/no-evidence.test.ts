import { noEvidence } from '../../../electron/core/claims/rules/no-evidence.ts';
import { cert, ruleTable } from '../helpers.ts';

const other = { category: 'other' as const };

ruleTable(noEvidence, [
  { name: 'generic claim without evidence', statement: 'Our new EcoClean laundry liquid is eco-friendly.', fields: { markets: ['EU'] }, fires: true },
  { name: 'filed as an environmental category', statement: 'Made with wind power.', fields: { category: 'renewable_energy' }, fires: true },
  { name: 'category other, but environmental words', statement: 'Our cups are compostable.', fields: other, fires: true },
  { name: 'a label is a claim', statement: 'Look for the badge.', fields: { ...other, label: 'GreenLeaf' }, fires: true },
  { name: 'colour, not a claim', statement: 'The Trailhead jacket is available in forest green and ocean blue.', fields: other, fires: false },
  { name: 'street name, not a claim', statement: 'Visit our new store on Green Street, Bristol.', fields: other, fires: false },
  { name: 'greenhouse, not a claim', statement: 'Our tomatoes are grown in greenhouses.', fields: other, fires: false },
  { name: 'has evidence', statement: 'Made with 30% recycled plastic.', fields: { evidence: [cert()] }, fires: false },
]);
