import { offsetVerify } from '../../../electron/core/claims/rules/offset-verify.ts';
import { cert, inHouse, ruleTable } from '../helpers.ts';

ruleTable(offsetVerify, [
  { name: 'in-house invoices only', statement: 'We compensate 100% of delivery emissions.', fields: { markets: ['EU'], uses_offsets: true, evidence: [inHouse({ type: 'dataset', issuer: 'In-house offset purchase invoices' })] }, fires: true },
  { name: 'no evidence', statement: 'Carbon neutral coffee.', fields: { uses_offsets: true }, fires: true },
  { name: 'independent registry record expired', statement: 'Carbon neutral coffee.', fields: { uses_offsets: true, evidence: [cert({ issuer: 'Verra registry retirement records', valid_until: '2025-12-31' })] }, fires: true },
  { name: 'independent dataset not about verification', statement: 'Carbon neutral coffee.', fields: { uses_offsets: true, evidence: [{ type: 'dataset', issuer: 'Market survey', independent_third_party: true }] }, fires: true },
  { name: 'Verra retirement records', statement: 'Carbon neutral coffee.', fields: { uses_offsets: true, evidence: [cert({ issuer: 'Verra registry retirement records', valid_until: null })] }, fires: false },
  { name: 'independent verification report', statement: 'Carbon neutral coffee.', fields: { uses_offsets: true, evidence: [{ type: 'report', issuer: 'Independent verification of retired credits', independent_third_party: true }] }, fires: false },
  { name: 'no offsets', statement: 'Carbon neutral coffee.', fields: { uses_offsets: false }, fires: false },
]);
