import { compareBasis } from '../../../electron/core/claims/rules/compare-basis.ts';
import { ruleTable } from '../helpers.ts';

ruleTable(compareBasis, [
  { name: 'reduced-CO2 delivery', statement: 'Reduced-CO2 delivery: we compensate 100% of delivery emissions.', fires: true, message: /Reduced-CO2/ },
  { name: '30% less plastic', statement: 'Now with 30% less plastic.', fires: true },
  { name: 'emissions cut', statement: 'Emissions cut by 40%.', fires: true },
  { name: 'lower-carbon concrete', statement: 'Lower-carbon concrete.', fires: true },
  { name: 'greener, predicative', statement: 'Our new van is greener.', fires: true },
  { name: 'basis in the text: than', statement: 'Uses 30% less water than our 2021 model.', fires: false },
  { name: 'basis in the text: versus', statement: 'We cut emissions 50% versus 2019.', fires: false },
  { name: 'basis in the text: since', statement: 'Plastic reduced by 20% since 2020.', fires: false },
  { name: 'basis in the fields', statement: 'Now with 30% less plastic.', fields: { comparison_basis: 'previous pack, 2022, by weight' }, fires: false },
  { name: 'baseline in the fields', statement: 'Now with 30% less plastic.', fields: { baseline: { value: 40, year: 2022 } }, fires: false },
  { name: 'money comparison', statement: 'Green mortgage: 0.2% lower rate for homes with an EPC rating of A or B.', fires: false },
  { name: 'lower prices', statement: 'Lower prices on all refills.', fires: false },
  { name: 'a cleaner is a product', statement: 'Non-toxic all-purpose cleaner.', fires: false },
  { name: 'saving water is not a comparison', statement: 'Towels are changed only on request to save water.', fires: false },
]);
