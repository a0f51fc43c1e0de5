import { impliedClaimRule } from '../../../electron/core/claims/rules/implied-claim.ts';
import { ruleTable } from '../helpers.ts';

ruleTable(impliedClaimRule, [
  // must fire: slogans and names regulators read as general environmental claims
  { name: 'ASA Lufthansa: protecting its future', statement: 'Connecting the world. Protecting its future.', fires: true, message: /protecting its future/ },
  { name: 'healthier planet', statement: 'Shop with us for a healthier planet.', fires: true },
  { name: 'kinder to the planet as a comparison of worlds', statement: 'Together for a kinder world.', fires: true },
  { name: 'do your bit for the planet', statement: 'Do your bit for the planet with every bottle.', fires: true },
  { name: 'FTC Volkswagen: clean diesel', statement: 'Clean Diesel. Power without compromise.', fires: true, message: /clean diesel/i },
  { name: 'range name "for Good" is a name', statement: 'George for Good', fires: true },
  { name: 'range word makes a "for the planet" name a claim', statement: 'Our Made for the Planet collection is in stores now.', fires: true },
  { name: 'label implying a benefit', statement: 'Organic cotton T-shirt.', fields: { label: 'For Tomorrow' }, fires: true },
  { name: 'Dutch (RCC Shell): schonere toekomst', statement: 'Wij veranderen voor een schonere toekomst.', fields: { language: 'nl' }, fires: true },
  { name: 'German: sauberere Zukunft', statement: 'Gemeinsam für eine sauberere Zukunft.', fields: { language: 'de' }, fires: true },
  { name: 'French (TJ Paris TotalEnergies)', statement: 'Acteur majeur de la transition énergétique.', fields: { language: 'fr' }, fires: true },
  // must not fire
  { name: 'a specific figure, no slogan', statement: 'Made with 50% recycled polyester.', fires: false },
  { name: '"for good" in a sentence meaning forever', statement: 'We have closed our Leeds warehouse for good and moved the stock to Kendal.', fires: false },
  { name: 'future without a benefit word', statement: 'Our plans for the future include a new store in York.', fires: false },
  { name: 'a German pattern is not read in an English claim', statement: 'Zukunft schützen', fields: { language: 'en' }, fires: false },
]);
