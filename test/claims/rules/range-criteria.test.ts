import { rangeCriteria } from '../../../electron/core/claims/rules/range-criteria.ts';
import { inHouse, ruleTable } from '../helpers.ts';

const ev = [inHouse({ title: 'Range sourcing note', covers: ['Conscious collection'] })];

ruleTable(rangeCriteria, [
  // must fire: a greener range without what qualifies a product for it
  { name: 'CMA ASOS: Responsible Edit', statement: 'Shop our Responsible Edit.', fields: { evidence: ev }, fires: true, message: /range/ },
  { name: 'sustainable collection', statement: 'Our sustainable collection is made with care.', fields: { evidence: ev }, fires: true },
  { name: 'eco range', statement: 'Discover our eco-friendly range of cleaning products.', fields: { evidence: ev }, fires: true },
  { name: 'range named in scope_detail', statement: 'Better for the planet.', fields: { scope_detail: 'Planet line', evidence: ev }, fires: true },
  { name: 'German Kollektion', statement: 'Unsere nachhaltige Kollektion.', fields: { language: 'de', evidence: ev }, fires: true },
  // must not fire
  { name: 'criteria stated: at least 50%', statement: 'Our sustainable collection: every piece is made with at least 50% recycled fibres.', fields: { evidence: ev }, fires: false },
  { name: 'criteria recorded as a metric and value', statement: 'Our eco-friendly range.', fields: { metric: 'minimum recycled content per product', unit: '%', current_value: 50, evidence: ev }, fires: false },
  { name: 'no evidence at all is GC-NO-EVIDENCE\'s finding', statement: 'Shop our sustainable collection.', fires: false },
  { name: 'a range with no environmental wording', statement: 'Our autumn collection is in stores now.', fields: { evidence: ev }, fires: false },
  { name: 'a single product', statement: 'This eco-friendly jacket.', fields: { evidence: ev }, fires: false },
]);
