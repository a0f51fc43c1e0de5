import { evidenceSelfOnly } from '../../../electron/core/claims/rules/evidence-self-only.ts';
import { cert, inHouse, ruleTable } from '../helpers.ts';

ruleTable(evidenceSelfOnly, [
  { name: 'figures with in-house evidence only', statement: 'Made with 30% recycled plastic.', fields: { evidence: [inHouse()] }, fires: true },
  { name: 'figures in the fields, in-house evidence', statement: 'Lighter packaging.', fields: { current_value: 12, unit: 'g', evidence: [inHouse()] }, fires: true },
  { name: 'one independent source', statement: 'Made with 30% recycled plastic.', fields: { evidence: [inHouse(), cert()] }, fires: false },
  { name: 'offsets have their own rule', statement: 'We compensate 100% of delivery emissions.', fields: { uses_offsets: true, evidence: [inHouse()] }, fires: false },
  { name: 'future claims have their own rule', statement: 'On track for 100% recyclable packaging by 2027.', fields: { category: 'future_target', evidence: [inHouse()] }, fires: false },
  { name: 'not quantitative', statement: 'Look for our badge.', fields: { evidence: [inHouse()] }, fires: false },
  { name: 'no evidence is GC-NO-EVIDENCE', statement: 'Made with 30% recycled plastic.', fires: false },
  { name: 'a money figure is not quantitative', statement: 'Green loan: 0.5% lower rate.', fields: { evidence: [inHouse()] }, fires: false },
]);
