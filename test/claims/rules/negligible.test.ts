import { negligible } from '../../../electron/core/claims/rules/negligible.ts';
import { ruleTable } from '../helpers.ts';

const pct = (baseline: number, current: number) => ({ metric: 'recycled content by weight', unit: '%', baseline: { value: baseline, year: 2024 }, current_value: current });

ruleTable(negligible, [
  { name: '50% more recycled content: 2% to 3%', statement: 'Now with 50% more recycled content than last year.', fields: pct(2, 3), fires: true, message: /from 2% to 3%/ },
  { name: 'doubled from 1% to 2%', statement: 'We doubled the recycled content of our boxes.', fields: pct(1, 2), fires: true },
  { name: 'real change', statement: 'Now with 50% more recycled content than last year.', fields: pct(20, 30), fires: false },
  { name: 'not a relative claim', statement: 'Made with 3% recycled content.', fields: pct(2, 3), fires: false },
  { name: 'unit is not a percentage', statement: 'Emissions cut 50% since 2019.', fields: { unit: 'tCO2e', baseline: { value: 2, year: 2019 }, current_value: 1 }, fires: false },
  { name: 'no baseline', statement: 'Now with 50% more recycled content.', fields: { unit: '%', current_value: 3 }, fires: false },
]);
