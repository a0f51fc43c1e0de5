import { genericTerm } from '../../../electron/core/claims/rules/generic-term.ts';
import { cert, ruleTable } from '../helpers.ts';

const ecolabel = cert({ issuer: 'EU Ecolabel competent body', covers: ['whole product'] });

ruleTable(genericTerm, [
  // must fire
  { name: 'eco-friendly, nothing specific', statement: 'Our new laundry liquid is eco-friendly.', fires: true, message: /eco-friendly/ },
  { name: 'eco friendly written apart', statement: 'An eco friendly choice.', fires: true },
  { name: 'green as a claim', statement: 'Switch to our green tariff.', fires: true },
  { name: 'Green at the start of a sentence', statement: 'Green cleaning for every home.', fires: true },
  { name: 'climate-friendly', statement: 'Climate-friendly oat drink.', fires: true },
  { name: 'planet-friendly', statement: 'Planet-friendly trainers.', fires: true },
  { name: 'good for the planet', statement: 'This shampoo is good for the planet.', fires: true },
  { name: 'energy efficient without a rating', statement: 'An energy efficient kettle.', fires: true },
  { name: 'figures only in the fields do not specify the text', statement: 'Climate-friendly oat drink.', fields: { metric: 'carbon footprint', unit: 'kg CO2e per litre', current_value: 0.3 }, fires: true },
  { name: 'ecolabel never exempts in the US', statement: 'Eco-friendly detergent.', fields: { markets: ['US'], evidence: [ecolabel] }, fires: true, message: /US/ },
  { name: 'ecolabel covering another part does not exempt', statement: 'Eco-friendly detergent.', fields: { markets: ['EU'], evidence: [cert({ issuer: 'EU Ecolabel competent body', covers: ['packaging'] })] }, fires: true, message: /covers packaging/ },
  { name: 'expired ecolabel does not exempt', statement: 'Eco-friendly detergent.', fields: { markets: ['EU'], evidence: [{ ...ecolabel, valid_until: '2026-01-31' }] }, fires: true },
  { name: 'a price next to the term is not a specification', statement: 'Green loan: 0.5% lower rate.', fires: true },
  { name: 'a label named in the text is not a specification', statement: 'Eco-friendly detergent, EU Ecolabel certified.', fields: { markets: ['US'] }, fires: true },
  { name: 'negation in another sentence does not cancel', statement: "It's not plastic. It's eco-friendly.", fires: true },
  { name: 'superlative: greenest', statement: 'The greenest choice in its class.', fires: true },
  { name: 'Title Case is not a proper noun', statement: 'Our New Eco-Friendly Laundry Liquid', fires: true },
  // Recital 9 wordings found in quotes of the Spanish text and the Italian proposal (test/fixtures/claims/SOURCES.md)
  { name: 'es: amigo del medio ambiente', statement: 'Un detergente amigo del medio ambiente.', fields: { language: 'es' }, fires: true },
  { name: 'es: inocuo en términos de carbono', statement: 'Envase inocuo en términos de carbono.', fields: { language: 'es' }, fires: true },
  { name: 'it: rispettoso dal punto di vista ambientale', statement: 'Un detersivo rispettoso dal punto di vista ambientale.', fields: { language: 'it' }, fires: true },
  { name: 'Title Case street name is still a place', statement: 'Visit Our New Store On Green Street', fires: false },
  // must not fire
  { name: 'negation', statement: 'Our packaging is not eco-friendly yet; we are working on it.', fires: false },
  { name: "isn't", statement: "This isn't a green product.", fires: false },
  { name: 'colour: forest green', statement: 'The Trailhead jacket is available in forest green and ocean blue.', fires: false },
  { name: 'colour: available in green', statement: 'The kettle is available in green.', fires: false },
  { name: 'colour: a green colourway', statement: 'New trainers in a green colourway.', fires: false },
  { name: 'colour list', statement: 'Choose red, green or blue.', fires: false },
  { name: 'street name', statement: 'Visit our new store on Green Street, Bristol.', fires: false },
  { name: 'place name', statement: 'Our shop near Bethnal Green station.', fires: false },
  { name: 'person', statement: 'Meet Mr Green, our new store manager.', fires: false },
  { name: 'compound: Greenwich', statement: 'Our Greenwich store opens on Monday.', fires: false },
  { name: 'compound: greenhouse', statement: 'Tomatoes grown in greenhouses heated with waste heat.', fires: false },
  { name: 'compound: economy', statement: 'Economy class tickets on sale.', fires: false },
  { name: 'brand compound: EcoClean', statement: 'Try our new EcoClean laundry liquid.', fires: false },
  { name: "a label's own name", statement: 'Look for our GreenLeaf Certified badge.', fields: { label: 'GreenLeaf Certified (in-house)' }, fires: false },
  { name: 'a known label: Green Seal', statement: 'Certified by Green Seal.', fields: { markets: ['US'] }, fires: false },
  { name: 'programme name', statement: 'Use the Eco programme for everyday loads.', fires: false },
  { name: 'mode name with a number', statement: 'Select ECO 40-60 programme.', fires: false },
  { name: 'specified: quantity and attribute', statement: 'Greener packaging: 50% less plastic than our 2022 pack.', fires: false },
  { name: 'specified: named standard', statement: 'Green mortgage: 0.2% lower rate for homes with an EPC rating of A or B.', fires: false },
  { name: 'qualifying ecolabel exempts in the EU and UK', statement: 'Eco-friendly detergent.', fields: { markets: ['EU', 'UK'], evidence: [ecolabel] }, fires: false },
  { name: 'biodegradable has its own rule', statement: 'Biodegradable mailer bags.', fires: false },
]);
