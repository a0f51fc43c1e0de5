import { reepMismatch } from '../../../electron/core/claims/rules/reep-mismatch.ts';
import { cert, ruleTable } from '../helpers.ts';

const eco = (covers: string[]) => cert({ issuer: 'EU Ecolabel competent body (AFNOR)', covers });

ruleTable(reepMismatch, [
  { name: 'ecolabel covers packaging, claim about the product', statement: 'Eco-friendly detergent.', fields: { evidence: [eco(['packaging'])] }, fires: true, message: /packaging/ },
  { name: 'ecolabel covers nothing recorded', statement: 'Eco-friendly detergent.', fields: { evidence: [eco([])] }, fires: true, message: /nothing recorded/ },
  { name: 'Nordic Swan label for the refill pouch, claim about the bottle', statement: 'Nordic Swan Ecolabel.', fields: { scope: 'part', scope_detail: 'bottle', label: 'Nordic Swan Ecolabel', evidence: [cert({ issuer: 'Nordic Swan Ecolabel', covers: ['refill pouch'] })] }, fires: true },
  { name: 'ecolabel covers the whole product', statement: 'Eco-friendly detergent.', fields: { evidence: [eco(['whole product'])] }, fires: false },
  { name: 'ecolabel covers the claimed part', statement: 'Eco-friendly bottle.', fields: { scope: 'part', scope_detail: 'bottle', evidence: [eco(['bottles'])] }, fires: false },
  { name: 'no ecolabel at all', statement: 'Eco-friendly detergent.', fields: { evidence: [cert({ issuer: 'SGS', covers: ['packaging'] })] }, fires: false },
  { name: 'ecolabel present, no claim relying on it', statement: 'Made with 30% recycled plastic.', fields: { evidence: [eco(['packaging'])] }, fires: false },
  { name: 'US only: outside the rule', statement: 'Eco-friendly detergent.', fields: { markets: ['US'], evidence: [eco(['packaging'])] }, fires: false },
]);
