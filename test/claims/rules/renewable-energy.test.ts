import { renewableEnergy } from '../../../electron/core/claims/rules/renewable-energy.ts';
import { cert, ruleTable } from '../helpers.ts';

const recs = { evidence: [cert({ issuer: 'Green-e certified RECs' })] };

ruleTable(renewableEnergy, [
  { name: 'green electricity tariff, nothing', statement: 'Switch to our green electricity tariff.', fields: { markets: ['UK'] }, fires: true, message: /share.*source.*certificates/ },
  { name: 'wind power at 50%, not stated', statement: 'Made with wind power.', fields: { markets: ['US'], metric: 'share of manufacturing energy from wind', unit: '%', current_value: 50, ...recs }, fires: true, message: /50%/ },
  { name: 'renewable energy, no certificates', statement: 'Made with 100% renewable electricity from wind.', fires: true, message: /certificates/ },
  { name: 'no source', statement: 'Made with 100% renewable energy.', fields: recs, fires: true, message: /source/ },
  { name: 'complete', statement: 'Made with 100% renewable electricity from UK wind farms.', fields: recs, fires: false },
  { name: '100% recorded in the fields', statement: 'Brewed with solar power.', fields: { metric: 'share of energy from solar', unit: '%', current_value: 100, ...recs }, fires: false },
  { name: 'share stated under 100', statement: 'Made with 60% wind power.', fields: recs, fires: false },
  { name: 'future', statement: 'We will switch to renewable electricity by 2030.', fires: false },
  { name: 'negated', statement: 'Our factory does not run on renewable energy yet.', fires: false },
  { name: 'renewable materials are another rule', statement: 'Made with renewable materials.', fires: false },
]);
