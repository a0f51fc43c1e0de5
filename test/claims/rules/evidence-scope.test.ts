import { evidenceScope } from '../../../electron/core/claims/rules/evidence-scope.ts';
import { cert, inHouse, ruleTable } from '../helpers.ts';

ruleTable(evidenceScope, [
  // must fire: the evidence measured something narrower than what the statement says
  { name: 'ASA Oatly: comparison, evidence about one product only', statement: 'Our drinks have 73% lower CO2e than cow\'s milk.', fields: { evidence: [cert({ title: 'LCA', covers: ['oat drink barista edition'] })] }, fires: true, message: /oat drink barista edition/ },
  { name: 'FTC ECM BioFilms: degradation in landfill, test in compost', statement: 'Breaks down in landfill within 5 years.', fields: { evidence: [inHouse({ title: 'Lab test', covers: ['industrial compost conditions'] })] }, fires: true },
  { name: 'free-of claim, evidence on the cap only', statement: 'PFAS-free bottle.', fields: { evidence: [cert({ title: 'Lab report', covers: ['cap'] })] }, fires: true },
  // must not fire
  { name: 'evidence covers the whole product', statement: 'Our drinks have 73% lower CO2e than cow\'s milk.', fields: { evidence: [cert({ covers: ['whole product'] })] }, fires: false },
  { name: 'evidence names only what the statement says', statement: 'Our oat drink has 73% lower CO2e than cow\'s milk.', fields: { evidence: [cert({ covers: ['oat drink'] })] }, fires: false },
  { name: 'one piece of evidence without covers: nothing to compare', statement: 'Our drinks have 73% lower CO2e than cow\'s milk.', fields: { evidence: [cert({ covers: ['oat drink barista edition'] }), cert({ title: 'Audit' })] }, fires: false },
  { name: 'a content level is not a checkable claim here', statement: 'Made with 62% recycled polyester.', fields: { evidence: [cert({ covers: ['outer fabric'] })] }, fires: false },
  { name: 'a part claim is GC-WHOLE-VS-PART\'s', statement: 'PFAS-free bottle.', fields: { scope: 'part', scope_detail: 'bottle', evidence: [cert({ covers: ['cap'] })] }, fires: false },
  { name: 'bare biodegradable is GC-DEGRADABLE\'s', statement: 'Biodegradable.', fields: { evidence: [cert({ covers: ['film'] })] }, fires: false },
  { name: 'no evidence', statement: 'Our drinks have 73% lower CO2e than cow\'s milk.', fires: false },
]);
