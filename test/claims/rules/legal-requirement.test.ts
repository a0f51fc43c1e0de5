import { legalRequirement } from '../../../electron/core/claims/rules/legal-requirement.ts';
import { ruleTable } from '../helpers.ts';

ruleTable(legalRequirement, [
  { name: 'CFC-free hairspray', statement: 'CFC-free hairspray.', fields: { markets: ['EU', 'UK'] }, fires: true, message: /CFCs/ },
  { name: 'CFC-free in the US too', statement: 'CFC-free deodorant.', fields: { markets: ['US'] }, fires: true },
  { name: 'free of CFCs', statement: 'Our aerosols are free of CFCs.', fires: true },
  { name: 'phosphate-free laundry in the EU', statement: 'Phosphate-free laundry detergent.', fields: { markets: ['EU'] }, fires: true, message: /648\/2004/ },
  { name: 'BPA-free baby bottle', statement: 'BPA-free baby bottles.', fires: true },
  { name: 'REACH compliant as a feature', statement: 'Fully REACH compliant paint.', fields: { markets: ['EU'] }, fires: true },
  { name: 'meets all legal requirements', statement: 'Meets all EU environmental requirements.', fields: { markets: ['EU'] }, fires: true },
  { name: 'phosphate-free laundry in the US only', statement: 'Phosphate-free laundry detergent.', fields: { markets: ['US'] }, fires: false },
  { name: 'phosphate-free fertiliser', statement: 'Phosphate-free lawn feed.', fields: { markets: ['EU'] }, fires: false },
  { name: 'BPA-free water bottle (not for infants)', statement: 'BPA-free water bottle.', fires: false },
  { name: 'PFAS-free is not required by law', statement: 'PFAS-free rain jacket.', fires: false },
  { name: 'microbeads: EU not yet', statement: 'Microbead-free face scrub.', fields: { markets: ['EU'] }, fires: false },
  { name: 'microbeads: UK', statement: 'Microbead-free face scrub.', fields: { markets: ['UK'] }, fires: true },
]);
