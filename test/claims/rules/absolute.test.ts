import { absolute } from '../../../electron/core/claims/rules/absolute.ts';
import { ruleTable } from '../helpers.ts';

ruleTable(absolute, [
  { name: 'zero-waste company', statement: "We're a zero-waste company.", fires: true, message: /zero-waste/ },
  { name: 'zero-emissions SUV', statement: 'The zero-emissions SUV for every family.', fires: true },
  { name: '100% sustainable', statement: '100% sustainable sneakers.', fires: true },
  { name: 'zero impact', statement: 'Zero impact shopping.', fires: true },
  { name: 'carbon-free', statement: 'Carbon-free deliveries.', fires: true },
  { name: 'boundary: to landfill', statement: 'Zero waste to landfill at our Lyon site since 2024.', fires: false },
  { name: 'boundary: tailpipe', statement: 'Zero tailpipe emissions.', fires: false },
  { name: 'negated', statement: "We are not a zero-waste company, but we're trying.", fires: false },
  { name: 'future target is a future claim', statement: 'We will be zero waste by 2030.', fires: false },
  { name: '100% recycled is not absolute', statement: 'Made from 100% recycled plastic.', fires: false },
  { name: '100% recyclable is not absolute', statement: '100% recyclable packaging.', fires: false },
  { name: 'offsetting 100% is not absolute', statement: 'We compensate 100% of delivery emissions.', fires: false },
]);
