import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';
import { lookAhead } from './text.ts';

// Postcodes in each postal operator's format (UPU): distinctive ones anywhere (UK, Irish Eircodes, Canadian, Dutch
// with their letters), number-only ones where an address puts them (after a US state or Australian state, before
// a town, next to a street, after "postcode"/"PLZ"/"CEP"/"〒", at the end of an address line). A town alone is not
// a postcode; "10000 points" or "12500 units" are quantities.

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const UK = new RegExp(`${B}(GIR ?0AA|[A-PR-UWYZ](?:\\d[A-HJKPSTUW]|[A-HK-Y]\\d[ABEHMNPRVWXY]|[A-HK-Y]?\\d\\d?) ?\\d[ABD-HJLNP-UW-Z]{2})${E}`, 'giu');
const EIRCODE = new RegExp(`${B}[ACDEFHKNPRTVWXY]\\d[\\dW] ?[\\dACDEFHKNPRTVWXY]{4}${E}`, 'gu');
const CANADA = new RegExp(`${B}[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d${E}`, 'gu');
const US_STATES = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const US_STATE_NAMES = 'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming';
const US = new RegExp(`${B}(?:(?:${US_STATES})\\.?|${US_STATE_NAMES}),?\\s+(\\d{5}(?:-\\d{4})?)${E}`, 'gdu');
const AU = new RegExp(`${B}(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\\s+(\\d{4})${E}`, 'gdu');
const CUED = new RegExp(`${B}(?:zip(?:\\s*code)?|post\\s*code|postcode|postal\\s*code|plz|code\\s+postal|cp|cep|pin(?:\\s*code)?|eircode|postnummer|kod pocztowy|código postal|codice postale)(?:\\s+is)?\\s*[:#-]?\\s*(\\d{4,6}(?:-\\d{3,4})?|[1-9]\\d{3}\\s?[A-Z]{2}|\\d{2}-\\d{3}|\\d{3}\\s\\d{2}|[A-Z]\\d{2}\\s?[A-Z\\d]{4})${E}`, 'gdiu');
const JAPAN = /〒\s?([0-9０-９]{3}[-－][0-9０-９]{4})/gdu;
const BRAZIL = new RegExp(`(?:CEP[:\\s]*|[-–,]\\s*)(\\d{5}-\\d{3})${E}`, 'gdu');
const POLAND = new RegExp(`${B}(\\d{2}-\\d{3})\\s+\\p{Lu}\\p{L}+`, 'gdu');
const SWEDEN = new RegExp(`${B}(\\d{3} \\d{2})\\s+\\p{Lu}\\p{L}+`, 'gdu');
const INDIA = new RegExp(`(?:,[^\\n,]{0,30}?(?:\\s+|\\s*-\\s*))([1-9]\\d{5})(?=\\s*(?:\\.|$|\\n))`, 'gdu');
const FIVE_CITY = new RegExp(`${B}(?:(?:D|F|DE|FR|I|E)-)?(\\d{5})\\s+(\\p{Lu}[\\p{L}'-]+)`, 'gdu');
const FOUR_CITY = new RegExp(`${B}([1-9]\\d{3})\\s+(\\p{Lu}[\\p{L}'-]+)`, 'gdu');
const NL = new RegExp(`${B}([1-9]\\d{3}\\s?[A-Z]{2})${E}`, 'gdu');

/** Letter pairs after four digits that are units, eras or abbreviations, not Dutch postcodes. */
const NL_NOT = new Set(['SA', 'SD', 'SS', 'AD', 'BC', 'CE', 'MB', 'GB', 'KB', 'TB', 'PB', 'AM', 'PM', 'KW', 'KM', 'CM', 'MM', 'MW', 'HZ', 'EU', 'US', 'UK', 'HD', 'TV', 'PC', 'CO', 'OK', 'NO', 'EX', 'UV', 'IT', 'HR', 'ID', 'IN', 'ON', 'AT', 'BY', 'OF', 'TO', 'OR', 'IS', 'AS', 'AN', 'SO', 'UP', 'BE', 'GO', 'DO', 'IF', 'MY', 'WE', 'ME', 'HE', 'NY', 'LA', 'DC', 'XL', 'XS', 'ML', 'MG', 'KG', 'LB', 'OZ', 'FT', 'QT', 'RPM', 'NSW', 'VIC', 'QLD', 'WA', 'NT', 'ACT']);
/** Capitalised words after a number that make it a quantity, a year or a brand, not a town. */
const NOT_TOWN = /^(?:Euro|Euros|EUR|USD|GBP|Dollar|Dollars|Pfund|Punkte|Points|Meilen|Miles|Kilometer|Km|Stück|Einheiten|Units|Kunden|Customers|Clients|Menschen|People|Mitarbeiter|Bestellungen|Orders|Commandes|Artikel|Articles|Produkte|Products|Francs|Yen|Jahre|Years|Ans|Personnes|Utilisateurs|Users|Downloads|Views|Likes|Followers|Mal|Fois|Times|Calories|Kalorien|Schritte|Steps|Toyota|Ford|Honda|Model|Edition|Series|Version|Uhr|Minuten|Minutes|Stunden|Hours|Tage|Days|Jours|Días|Giorni|Dagen|Dni|Dagar|Dias)$/u;

function uppercaseOrSpaced(value: string): boolean {
  return value === value.toUpperCase() || (/\s/.test(value) && value === value.toLowerCase());
}

/** A street ends just before (a comma, a flat or floor between): "Schillerstr. 17, 3. OG, 70173". */
function nearStreet(streets: readonly Hit[], index: number, text: string): boolean {
  return streets.some((s) => s.end <= index && index - s.end <= 16 && /^[\s,]*(?:[\p{L}\d.º]{1,6}[\s.]*[\p{L}]{0,5}[\s,]*)?$/u.test(text.slice(s.end, index)));
}

function lineEndsAfter(text: string, index: number): boolean {
  const rest = lookAhead(text, index, 40);
  return /^\s*(?:\.?\s*$|\.?\s*\n|,\s*(?:germany|deutschland|france|nederland|the netherlands|netherlands|holland|belgium|belgique|belgië|italia|italy|españa|spain|uk|united kingdom|usa|united states|por favor|bitte|merci|graag|grazie)\b|\s+(?:liefern|cedex|na|por favor|s'il vous plaît)\b)/u.test(rest);
}

function group(m: RegExpMatchArray): [number, number] | null {
  const span = m.indices?.[1];
  return span ? [span[0], span[1]] : null;
}

export function detectPostcode(text: string, _ctx: DetectContext, streets: readonly Hit[] = []): Hit[] {
  const hits: Hit[] = [];
  if (!/\d/.test(text)) return hits;
  const push = (span: [number, number] | null) => {
    if (span) hits.push({ kind: 'postcode', start: span[0], end: span[1] });
  };
  // Each pattern is tried only when the digits it needs are there: most messages have no postcode at all.
  const letterDigit = /\p{L}\d|\d\p{L}/u.test(text);
  if (letterDigit) {
    for (const m of text.matchAll(UK)) if (uppercaseOrSpaced(m[0])) push([m.index, m.index + m[0].length]);
    for (const re of [EIRCODE, CANADA]) for (const m of text.matchAll(re)) push([m.index, m.index + m[0].length]);
  }
  const five = /\d{5}/.test(text);
  const four = five || /\d{4}/.test(text);
  const tries: [RegExp, boolean][] = [[US, five], [AU, four], [CUED, /\d{2}/.test(text)], [JAPAN, text.includes('〒')], [BRAZIL, five], [POLAND, /\d{2}-\d{3}/.test(text)], [SWEDEN, /\d{3} \d{2}/.test(text)], [INDIA, /\d{6}/.test(text)]];
  for (const [re, worth] of tries) if (worth) for (const m of text.matchAll(re)) push(group(m));
  for (const re of five ? [FIVE_CITY, FOUR_CITY] : four ? [FOUR_CITY] : []) {
    for (const m of text.matchAll(re)) {
      const code = group(m);
      const town = m[2]!;
      if (!code || NOT_TOWN.test(town) || [...town].length < 3) continue;
      const prefixed = /^(?:D|F|DE|FR|I|E)-/.test(m[0]);
      const allCapsTown = town.length >= 3 && town === town.toUpperCase();
      if (prefixed || nearStreet(streets, m.index, text) || allCapsTown || lineEndsAfter(text, m.index + m[0].length)) push(code);
    }
  }
  for (const m of four ? text.matchAll(NL) : []) {
    const value = m[1]!;
    if (NL_NOT.has(value.slice(-2))) continue;
    const after = lookAhead(text, m.index + value.length, 30);
    const followedByTown = /^\s+\p{Lu}\p{Ll}/u.test(text.slice(m.index + value.length, m.index + value.length + 3));
    if (followedByTown || nearStreet(streets, m.index, text) || /^\s*(?:$|\n|,|\.|\s+en\b)/u.test(after)) push([m.index, m.index + value.length]);
  }
  return hits;
}
