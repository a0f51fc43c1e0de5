import { sealNoBasis } from '../../../electron/core/claims/rules/seal-no-basis.ts';
import { cert, ruleTable } from '../helpers.ts';

const us = { markets: ['US' as const] };

ruleTable(sealNoBasis, [
  { name: 'EU Ecolabel certified, for what?', statement: 'Eco-friendly laundry detergent, EU Ecolabel certified.', fields: { ...us, label: 'EU Ecolabel', evidence: [cert()] }, fires: true },
  { name: 'in-house badge', statement: 'Look for our GreenLeaf Certified badge on every product.', fields: { ...us, label: 'GreenLeaf Certified (in-house)' }, fires: true },
  { name: 'seal in the text, no label field', statement: 'Look for our planet seal.', fields: us, fires: true },
  { name: 'says what is certified', statement: 'GreenLeaf seal: certified for 100% recycled content by SCS.', fields: { ...us, label: 'GreenLeaf' }, fires: false },
  { name: 'label name says the attribute', statement: 'FSC-certified oak dining chairs.', fields: { ...us, label: 'FSC' }, fires: false },
  { name: 'attribute in the text', statement: 'Certified compostable coffee pods.', fields: { ...us, label: 'BPI' }, fires: false },
  { name: 'EU only: not this rule', statement: 'Awarded the Nordic Swan Ecolabel.', fields: { markets: ['EU'], label: 'Nordic Swan Ecolabel' }, fires: false },
  { name: 'no seal at all', statement: 'Made with 30% recycled plastic.', fields: us, fires: false },
]);
