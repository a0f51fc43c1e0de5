import { futureNoVerifier } from '../../../electron/core/claims/rules/future-no-verifier.ts';
import { cert, inHouse, ruleTable } from '../helpers.ts';

const eu = { markets: ['EU' as const], category: 'future_target' as const };

ruleTable(futureNoVerifier, [
  { name: 'internal roadmap only', statement: 'On track for 100% recyclable packaging by 2027.', fields: { ...eu, evidence: [inHouse({ issuer: 'Internal packaging roadmap' })] }, fires: true },
  { name: 'no evidence', statement: 'We will be net zero by 2040.', fields: eu, fires: true },
  { name: 'assurance expired', statement: 'We will be net zero by 2040.', fields: { ...eu, evidence: [cert({ type: 'audit', valid_until: '2026-06-30' })] }, fires: true },
  { name: 'independent assurance in force', statement: 'We aim to cut emissions 50% by 2030.', fields: { ...eu, evidence: [cert({ type: 'audit', issuer: 'KPMG limited assurance' })] }, fires: false },
  { name: 'not a future claim', statement: 'Made with 30% recycled plastic.', fields: { markets: ['EU'], category: 'recycled_content' }, fires: false },
  { name: 'UK only', statement: 'We will be net zero by 2040.', fields: { ...eu, markets: ['UK'] }, fires: false },
]);
