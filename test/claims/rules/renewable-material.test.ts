import { renewableMaterial } from '../../../electron/core/claims/rules/renewable-material.ts';
import { ruleTable } from '../helpers.ts';

ruleTable(renewableMaterial, [
  { name: 'renewable materials, nothing named', statement: 'Flooring made with renewable materials.', fields: { markets: ['US'] }, fires: true, message: /which material.*why/ },
  { name: 'material named, no why', statement: 'Made from renewable bamboo.', fires: true, message: /why/ },
  { name: 'why without the material', statement: 'Made from renewable resources that regrow every year.', fires: true, message: /which material/ },
  { name: 'material and why', statement: 'Made from 100% bamboo, a renewable material that regrows faster than it is harvested.', fires: false },
  { name: 'renewable energy is another rule', statement: 'Made with renewable energy.', fires: false },
  { name: 'negated', statement: 'Not made from renewable materials.', fires: false },
]);
