import { freeOf } from '../../../electron/core/claims/rules/free-of.ts';
import { cert, inHouse, ruleTable } from '../helpers.ts';

ruleTable(freeOf, [
  { name: 'PFAS-free with no test report', statement: 'PFAS-free rain jacket.', fires: true, message: /pfas/ },
  { name: 'free of parabens', statement: 'Shampoo free of parabens.', fires: true },
  { name: 'contains no phthalates', statement: 'Contains no phthalates.', fields: { evidence: [inHouse({ issuer: 'Supplier declaration' })] }, fires: true },
  { name: 'made without PVC', statement: 'Made without PVC.', fires: true },
  { name: 'phosphate-free outside the legal list (US)', statement: 'Phosphate-free laundry detergent.', fields: { markets: ['US'] }, fires: true },
  { name: 'with a lab test report', statement: 'PFAS-free rain jacket.', fields: { evidence: [cert({ type: 'report', issuer: 'Eurofins laboratory test report' })] }, fires: false },
  { name: 'evidence covering the substance', statement: 'PFAS-free rain jacket.', fields: { evidence: [cert({ covers: ['pfas'] })] }, fires: false },
  { name: 'legal list: CFC-free is GC-LEGAL-REQUIREMENT', statement: 'CFC-free hairspray.', fires: false },
  { name: 'not a substance: hands-free', statement: 'Hands-free dispenser.', fires: false },
  { name: 'not a substance: worry-free returns', statement: 'Worry-free returns.', fires: false },
  { name: 'not a substance: gluten-free', statement: 'Gluten-free pasta.', fires: false },
  { name: 'carbon-free is GC-ABSOLUTE', statement: 'Carbon-free deliveries.', fires: false },
  { name: 'chemical-free is GC-NONTOXIC', statement: 'Chemical-free cleaner.', fires: false },
  { name: 'negated', statement: 'Not PFAS-free yet.', fires: false },
]);
