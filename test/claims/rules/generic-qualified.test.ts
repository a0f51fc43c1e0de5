import { genericQualified } from '../../../electron/core/claims/rules/generic-qualified.ts';
import { ruleTable } from '../helpers.ts';

ruleTable(genericQualified, [
  { name: 'green with a named standard', statement: 'Green mortgage: 0.2% lower rate for homes with an EPC rating of A or B.', fields: { markets: ['UK'] }, fires: true },
  { name: 'green with a concrete resource action', statement: 'Stay green with us: towels are changed only on request to save water.', fires: true },
  { name: 'eco-friendly with a quantity', statement: 'Eco-friendly bottle made from 100% recycled plastic.', fires: true },
  { name: 'greener with a figure', statement: 'Greener packaging: 50% less plastic than our 2022 pack.', fires: true },
  { name: 'energy efficient with an energy class', statement: 'Energy efficient fridge, energy class A.', fires: true },
  { name: 'generic term alone is GC-GENERIC-TERM, not this', statement: 'Eco-friendly laundry liquid.', fires: false },
  { name: 'a money figure is not a specification', statement: 'Green loan: 0.5% lower rate.', fires: false },
  { name: 'specification without a generic term', statement: 'Made from 100% recycled plastic.', fires: false },
  { name: 'negated generic term', statement: 'Not green yet: we cut plastic by 10% in 2025.', fires: false },
  { name: 'colour with a figure', statement: 'Forest green bottle, 30% recycled plastic.', fires: false },
]);
