import { wholeVsPart } from '../../../electron/core/claims/rules/whole-vs-part.ts';
import { ruleTable } from '../helpers.ts';

const part = (scope_detail: string | null) => ({ scope: 'part' as const, scope_detail });

ruleTable(wholeVsPart, [
  { name: 'company wording for one warehouse', statement: "We're a zero-waste company.", fields: part('Lyon warehouse'), fires: true, message: /Lyon warehouse/ },
  { name: 'a modifier is not the part', statement: 'Stay green with us: towels are changed only on request to save water.', fields: part('towel laundering'), fires: true },
  { name: 'part named but whole wording too', statement: 'Our Lyon warehouse is zero waste: we are a zero-waste company.', fields: part('Lyon warehouse'), fires: true, message: /whole/ },
  { name: 'product wording for the bottle only', statement: 'This shampoo is made from recycled plastic.', fields: part('bottle'), fires: true },
  { name: 'part not recorded', statement: 'Recyclable.', fields: part(null), fires: true, message: /not recorded/ },
  { name: 'names the bottle', statement: 'Our shampoo bottle is made from 100% recycled plastic (cap not included).', fields: part('bottle'), fires: false },
  { name: 'names the packaging', statement: '100% recyclable packaging.', fields: part('packaging'), fires: false },
  { name: 'names the site by its proper name', statement: 'Zero waste to landfill in Lyon since 2024.', fields: part('Lyon warehouse'), fires: false },
  { name: 'names the collection', statement: 'Shop our Conscious Collection.', fields: part('Conscious Collection range'), fires: false },
  { name: 'plural of the part', statement: 'All our bottles are made from recycled plastic.', fields: part('bottle'), fires: false },
  { name: 'product scope is not this rule', statement: "We're a zero-waste company.", fires: false },
]);
