import { compostableQualify } from '../../../electron/core/claims/rules/compostable-qualify.ts';
import { cert, ruleTable } from '../helpers.ts';

const industrial = { evidence: [cert({ issuer: 'TUV Austria OK compost INDUSTRIAL', covers: ['industrial composting'] })] };

ruleTable(compostableQualify, [
  { name: 'unqualified, industrial certificate', statement: 'Compostable coffee pods.', fields: { markets: ['UK'], ...industrial }, fires: true, message: /industrial composting only/ },
  { name: 'industrial, no availability warning', statement: 'Industrially compostable coffee pods.', fields: industrial, fires: true, message: /facilities/ },
  { name: 'unqualified, no evidence', statement: 'Our cups are compostable.', fires: true },
  { name: 'home compostable', statement: 'Home compostable mailer.', fires: false },
  { name: 'home-compostable hyphenated', statement: 'Home-compostable mailer.', fires: false },
  { name: 'industrial with availability', statement: 'Compostable in industrial facilities only; facilities may not exist in your area.', fields: industrial, fires: false },
  { name: 'negated', statement: 'These pods are not compostable.', fires: false },
  { name: 'future', statement: 'All pods will be compostable by 2027.', fires: false },
]);
