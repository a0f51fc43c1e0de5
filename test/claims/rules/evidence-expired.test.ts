import { evidenceExpired } from '../../../electron/core/claims/rules/evidence-expired.ts';
import { cert, ruleTable } from '../helpers.ts';

ruleTable(evidenceExpired, [
  { name: 'expired certificate', statement: 'FSC-certified oak dining chairs.', fields: { markets: ['EU'], evidence: [cert({ title: 'FSC chain of custody', valid_until: '2026-03-31' })] }, fires: true, message: /FSC chain of custody \(valid until 2026-03-31\)/ },
  { name: 'one of two expired', statement: 'Made with 30% recycled plastic.', fields: { evidence: [cert(), cert({ title: 'Old audit', valid_until: '2025-01-01' })] }, fires: true, message: /Old audit/ },
  { name: 'the day before the review date', statement: 'x', fields: { evidence: [cert({ valid_until: '2026-09-30' })] }, fires: true },
  { name: 'valid on the review date itself', statement: 'x', fields: { evidence: [cert({ valid_until: '2026-10-01' })] }, fires: false },
  { name: 'valid', statement: 'x', fields: { evidence: [cert()] }, fires: false },
  { name: 'no expiry recorded', statement: 'x', fields: { evidence: [cert({ valid_until: null })] }, fires: false },
  { name: 'earlier review date', statement: 'x', fields: { evidence: [cert({ valid_until: '2026-03-31' })] }, asOf: '2026-01-15', fires: false },
]);
