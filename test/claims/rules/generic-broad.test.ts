import { genericBroad } from '../../../electron/core/claims/rules/generic-broad.ts';
import { ruleTable } from '../helpers.ts';

ruleTable(genericBroad, [
  { name: 'collection named with a broad term', statement: 'Shop our Conscious Collection.', fields: { markets: ['UK'] }, fires: true, message: /Conscious/ },
  { name: 'sustainable', statement: 'Sustainable trainers for everyday runs.', fires: true },
  { name: 'responsibly', statement: 'Responsibly made furniture.', fires: true },
  { name: 'sustainably sourced', statement: 'Sustainably sourced coffee.', fires: true },
  { name: 'eco-conscious', statement: 'The eco-conscious choice.', fires: true },
  { name: 'negation', statement: 'We are not yet a sustainable business.', fires: false },
  { name: 'specified with a figure', statement: 'Sustainable cotton: 100% organic.', fires: false },
  { name: 'responsible for is a duty', statement: 'Our team is responsible for packaging design.', fires: false },
  { name: 'sustainability report is a document', statement: 'Read our sustainability report.', fires: false },
  { name: "label's own name (RSPO)", statement: 'Member of the Roundtable on Sustainable Palm Oil.', fires: false },
  { name: 'programme name', statement: 'Select the Conscious mode for a quick wash.', fires: false },
  { name: 'US: NAD reads unqualified "sustainable" as a general benefit claim', statement: 'Sustainable trainers.', fields: { markets: ['US'] }, fires: true },
  { name: 'committed to a sustainable world (Santander 2025)', statement: 'Una compañía energética comprometida con un mundo sostenible.', fields: { markets: ['EU'] }, fires: false },
  { name: 'Dutch comparative', statement: 'Samen op weg naar een duurzamere toekomst.', fields: { markets: ['EU'] }, fires: true },
  { name: 'French "durable" only in French', statement: 'A durable, hard-wearing boot.', fields: { markets: ['UK'] }, fires: false },
]);
