import { offsetProductNeutral } from '../../../electron/core/claims/rules/offset-product-neutral.ts';
import { cert, ruleTable } from '../helpers.ts';

const offsets = { markets: ['EU' as const], uses_offsets: true, evidence: [cert({ issuer: 'Verra registry retirement records' })] };

ruleTable(offsetProductNeutral, [
  { name: 'carbon neutral flights', statement: "Fly carbon neutral: every ticket's emissions are offset through certified forestry projects.", fields: offsets, fires: true },
  { name: 'reduced-CO2 delivery', statement: 'Reduced-CO2 delivery: we compensate 100% of delivery emissions.', fields: offsets, fires: true },
  { name: 'climate positive', statement: 'A climate positive T-shirt.', fields: offsets, fires: true },
  { name: 'net zero now', statement: 'This sofa is net zero.', fields: offsets, fires: true },
  { name: 'a part of the product', statement: 'Carbon neutral shipping.', fields: { ...offsets, scope: 'part', scope_detail: 'shipping' }, fires: true },
  { name: 'before the Directive applies it still warns, with the date', statement: 'Climate neutral coffee.', fields: offsets, asOf: '2026-06-01', fires: true, message: /27 September 2026/ },
  { name: 'no offsets used', statement: 'Carbon neutral coffee roastery.', fields: { ...offsets, uses_offsets: false }, fires: false },
  { name: 'offsets unknown is another rule', statement: 'Carbon neutral coffee.', fields: { ...offsets, uses_offsets: null }, fires: false },
  { name: 'company scope is GC-OFFSET-COMPANY', statement: 'We are a carbon neutral company.', fields: { ...offsets, scope: 'company' }, fires: false },
  { name: 'future target', statement: 'This range will be net zero by 2035.', fields: offsets, fires: false },
  { name: 'negated', statement: 'This coffee is not carbon neutral.', fields: offsets, fires: false },
  { name: 'UK and US only', statement: 'Carbon neutral coffee.', fields: { ...offsets, markets: ['UK', 'US'] }, fires: false },
  { name: 'offset used for money', statement: 'Savings that offset the price rise.', fields: offsets, fires: false },
]);
