import { unequalComparison } from '../../../electron/core/claims/rules/unequal-comparison.ts';
import { ruleTable } from '../helpers.ts';

ruleTable(unequalComparison, [
  // must fire
  { name: 'life cycle against tailpipe', statement: 'Lifecycle emissions 40% below the tailpipe emissions of a petrol car.', fires: true, message: /life-cycle/ },
  { name: 'cradle to grave against in-use, split over the basis field', statement: 'Lower emissions than a diesel van.', fields: { comparison_basis: 'our cradle to grave footprint against the diesel van in use' }, fires: true },
  { name: 'different functional units', statement: '0.3 kg CO2e per serving, against 1.2 kg CO2e per litre of cow\'s milk.', fires: true, message: /per serving against per litre/ },
  { name: 'per passenger against per vehicle', statement: 'Rail: 35 g CO2 per passenger km; car: 170 g CO2 per vehicle km.', fires: true },
  // must not fire
  { name: 'life cycle on both sides', statement: 'Life cycle emissions 40% below a petrol car\'s life cycle emissions.', fires: false },
  { name: 'tailpipe on both sides', statement: 'Zero tailpipe emissions, against 120 g/km tailpipe emissions for the petrol model.', fires: false },
  { name: 'one unit on both sides', statement: '0.3 kg CO2e per litre against 1.2 kg CO2e per litre of cow\'s milk.', fires: false },
  { name: 'no comparison at all', statement: 'Made with 30% recycled plastic.', fires: false },
]);
