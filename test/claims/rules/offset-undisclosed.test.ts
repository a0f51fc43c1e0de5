import { offsetUndisclosed } from '../../../electron/core/claims/rules/offset-undisclosed.ts';
import { ruleTable } from '../helpers.ts';

const uk = { markets: ['UK' as const], uses_offsets: true };

ruleTable(offsetUndisclosed, [
  { name: 'carbon neutral, credits not mentioned', statement: 'Our coffee is carbon neutral.', fields: uk, fires: true },
  { name: 'climate neutral, US', statement: 'Climate neutral shipping.', fields: { ...uk, markets: ['US'] }, fires: true },
  { name: 'low-carbon on credits', statement: 'Low-carbon delivery.', fields: uk, fires: true },
  { name: 'says offset', statement: 'Carbon neutral: every ticket is offset through Gold Standard projects.', fields: uk, fires: false },
  { name: 'says compensated', statement: 'Climate neutral: emissions compensated with carbon credits.', fields: uk, fires: false },
  { name: 'de: says it rests on compensation', statement: 'Klimaneutral durch Kompensation über zertifizierte Projekte.', fields: { ...uk, language: 'de' }, fires: false },
  { name: 'de: does not say so', statement: 'Unser Kaffee ist klimaneutral.', fields: { ...uk, language: 'de' }, fires: true },
  { name: 'fr: says compensated', statement: 'Livraison neutre en carbone, émissions compensées.', fields: { ...uk, language: 'fr' }, fires: false },
  { name: 'no offsets used', statement: 'Our coffee is carbon neutral.', fields: { ...uk, uses_offsets: false }, fires: false },
  { name: 'EU only: other rules', statement: 'Our coffee is carbon neutral.', fields: { ...uk, markets: ['EU'] }, fires: false },
  { name: 'no neutral wording', statement: 'Made from 100% recycled plastic.', fields: uk, fires: false },
]);
