import { numberMismatch } from '../../../electron/core/claims/rules/number-mismatch.ts';
import { ruleTable } from '../helpers.ts';

const future = { category: 'future_target' as const, unit: 'tCO2e', baseline: { value: 1_200_000, year: 2019 }, target: { value: 600_000, year: 2030 }, current_value: 1_010_000 };

ruleTable(numberMismatch, [
  { name: 'target is a 50% cut, statement says 60%', statement: 'We aim to cut our emissions 60% by 2030 versus 2019.', fields: future, fires: true, message: /60%.*50%/ },
  { name: 'level differs from current value', statement: 'Made with 45% recycled plastic.', fields: { unit: '%', current_value: 35 }, fires: true, message: /35%/ },
  { name: 'present cut differs', statement: 'We have cut emissions by 30% since 2019.', fields: { unit: 'tCO2e', baseline: { value: 1000, year: 2019 }, current_value: 850 }, fires: true, message: /15%/ },
  { name: 'target matches', statement: 'We aim to cut our Scope 1-3 emissions 50% by 2030 versus 2019.', fields: future, fires: false },
  { name: 'within one point', statement: 'We have cut emissions by 15.5% since 2019.', fields: { unit: 'tCO2e', baseline: { value: 1000, year: 2019 }, current_value: 850 }, fires: false },
  { name: 'future level matches the target', statement: 'On track for 100% recyclable packaging by 2027.', fields: { unit: '%', baseline: { value: 64, year: 2022 }, target: { value: 100, year: 2027 }, current_value: 81 }, fires: false },
  { name: 'level matches', statement: 'Our shampoo bottle is made from 100% recycled plastic.', fields: { unit: '%', current_value: 100 }, fires: false },
  { name: 'now and later, both right', statement: 'Now 81% recyclable; on track for 100% by 2027.', fields: { unit: '%', baseline: { value: 64, year: 2022 }, target: { value: 100, year: 2027 }, current_value: 81 }, fires: false },
  { name: 'money figure ignored', statement: 'Green mortgage: 0.2% lower rate.', fields: { unit: '%', current_value: 12 }, fires: false },
  { name: 'nothing to compute from', statement: 'We compensate 100% of delivery emissions.', fires: false },
]);
