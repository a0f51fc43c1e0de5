import { offsetCompany } from '../../../electron/core/claims/rules/offset-company.ts';
import { ruleTable } from '../helpers.ts';

const eu = { markets: ['EU' as const], scope: 'company' as const, uses_offsets: true };

ruleTable(offsetCompany, [
  { name: 'carbon neutral company', statement: 'We are a carbon neutral company.', fields: eu, fires: true },
  { name: 'climate positive business', statement: 'A climate positive business since 2022.', fields: eu, fires: true },
  { name: 'product scope is GC-OFFSET-PRODUCT-NEUTRAL', statement: 'Carbon neutral coffee.', fields: { ...eu, scope: 'product' }, fires: false },
  { name: 'no offsets', statement: 'We are a carbon neutral company.', fields: { ...eu, uses_offsets: false }, fires: false },
  { name: 'UK only', statement: 'We are a carbon neutral company.', fields: { ...eu, markets: ['UK'] }, fires: false },
  { name: 'contribution framing without neutral wording', statement: 'We fund forest restoration projects in Kenya.', fields: eu, fires: false },
]);
