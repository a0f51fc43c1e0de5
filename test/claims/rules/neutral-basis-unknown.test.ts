import { neutralBasisUnknown } from '../../../electron/core/claims/rules/neutral-basis-unknown.ts';
import { ruleTable } from '../helpers.ts';

ruleTable(neutralBasisUnknown, [
  { name: 'climate neutral, offsets unknown', statement: 'This bottle of spring water is climate neutral.', fires: true },
  { name: 'CO2-neutral', statement: 'CO2-neutral shipping.', fires: true },
  { name: 'CO₂ with subscript', statement: 'CO₂-neutral shipping.', fires: true },
  { name: 'net zero today', statement: 'Our bakery is net zero.', fires: true },
  { name: 'offset', statement: "We offset every flight's emissions.", fires: true },
  { name: 'known: uses offsets', statement: 'Climate neutral water.', fields: { uses_offsets: true }, fires: false },
  { name: 'known: no offsets', statement: 'Climate neutral water.', fields: { uses_offsets: false }, fires: false },
  { name: 'net zero by 2040 is a future claim', statement: 'We will be net zero by 2040.', fires: false },
  { name: 'climate-friendly is generic, not neutral', statement: 'Climate-friendly oat drink.', fires: false },
  { name: 'negated', statement: 'We are not carbon neutral.', fires: false },
  { name: 'offset about money', statement: 'Discounts that offset the price rise.', fires: false },
]);
