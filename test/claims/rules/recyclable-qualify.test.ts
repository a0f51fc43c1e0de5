import { recyclableQualify } from '../../../electron/core/claims/rules/recyclable-qualify.ts';
import { cert, ruleTable } from '../helpers.ts';

const access = (n: number) => ({ metric: 'recycling access', unit: '% of households', current_value: n, evidence: [cert({ type: 'dataset' })] });

ruleTable(recyclableQualify, [
  { name: '100% recyclable, access unknown', statement: '100% recyclable packaging.', fields: { markets: ['UK'], scope: 'part', scope_detail: 'packaging' }, fires: true, message: /substantial majority/ },
  { name: 'access 12%', statement: 'Recyclable coffee cup.', fields: { markets: ['US'], ...access(12) }, fires: true, message: /12%/ },
  { name: 'access 59%', statement: 'Recyclable tub.', fields: access(59), fires: true },
  { name: 'access 60%: substantial majority', statement: 'Recyclable tub.', fields: access(60), fires: false },
  { name: 'qualified: where facilities exist', statement: 'Recyclable where facilities exist; check locally.', fires: false },
  { name: 'qualified: share of communities', statement: 'Recyclable in 45% of communities.', fires: false },
  { name: 'qualified: store drop-off', statement: 'Recyclable at store drop-off points.', fires: false },
  { name: 'future: on track for', statement: 'On track for 100% recyclable packaging by 2027.', fires: false },
  { name: 'negated', statement: 'This pouch is not recyclable.', fires: false },
  { name: 'non-recyclable', statement: 'Non-recyclable film.', fires: false },
  { name: 'recycled is another rule', statement: 'Made from recycled plastic.', fires: false },
]);
