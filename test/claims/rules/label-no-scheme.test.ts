import { labelNoScheme } from '../../../electron/core/claims/rules/label-no-scheme.ts';
import { cert, inHouse, ruleTable } from '../helpers.ts';

ruleTable(labelNoScheme, [
  { name: 'in-house label with internal audit', statement: 'Look for our GreenLeaf Certified badge on every product.', fields: { label: 'GreenLeaf Certified (in-house)', evidence: [inHouse({ type: 'audit' })] }, fires: true, message: /not a certificate/ },
  { name: 'certificate expired', statement: 'FSC-certified oak dining chairs.', fields: { label: 'FSC', evidence: [cert({ valid_until: '2026-03-31' })] }, fires: true, message: /expired on 2026-03-31/ },
  { name: 'no evidence at all', statement: 'Awarded the Nordic Swan Ecolabel.', fields: { label: 'Nordic Swan Ecolabel' }, fires: true, message: /no certificate/ },
  { name: 'certificate not independent', statement: 'EcoMark.', fields: { label: 'EcoMark', evidence: [cert({ independent_third_party: false })] }, fires: true, message: /not from an independent/ },
  { name: 'certificate not yet issued on the review date', statement: 'FSC-certified.', fields: { label: 'FSC', evidence: [cert({ issued: '2027-01-01' })] }, fires: true },
  { name: 'valid independent certificate', statement: 'FSC-certified oak dining chairs.', fields: { label: 'FSC', evidence: [cert()] }, fires: false },
  { name: 'certificate with no expiry recorded', statement: 'EU Ecolabel.', fields: { label: 'EU Ecolabel', evidence: [cert({ valid_until: null })] }, fires: false },
  { name: 'reviewed before expiry', statement: 'FSC-certified oak.', fields: { label: 'FSC', evidence: [cert({ valid_until: '2026-03-31' })] }, asOf: '2026-03-01', fires: false },
  { name: 'no label', statement: 'Made from 100% recycled plastic.', fires: false },
]);
