import type { DetectContext } from './context.ts';
import type { Hit } from './finding.ts';
import { lookAhead, trimTrailing } from './text.ts';

// Street addresses in the forms used in the UK, US, Germany, France and the Netherlands. Deliberately
// shaped (number + capitalised name + street word) so that "3 days", "5 stars" or "10 items" never match.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const EN_TYPES = 'Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Court|Ct|Place|Pl|Boulevard|Blvd|Crescent|Cres|Terrace|Gardens|Grove|Square|Sq|Parkway|Pkwy|Highway|Hwy|Row|Mews|Hill|Walk|Rise|Green|Circle|Cir|Trail';
const EN_STREET = new RegExp(`${B}(?:(?:Flat|Apt\\.?|Apartment|Unit|Suite)\\s+[\\p{L}\\p{N}]+,?\\s+)?\\d{1,5}[A-Za-z]?,?\\s+(?:\\p{Lu}[\\p{L}'.-]*\\s+){1,4}(?:${EN_TYPES})\\.?${E}(?:,?\\s+(?:Apt\\.?|Apartment|Unit|Suite|#)\\s*[\\p{L}\\p{N}-]+)?`, 'gu');
const DE_TYPES_GLUED = 'straße|strasse|str\\.|weg|gasse|allee|platz|damm|ufer|chaussee|steig|pfad';
const DE_TYPES_WORD = 'Straße|Strasse|Str\\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer|Chaussee|Markt';
const DE_STREET = new RegExp(`${B}(?:\\p{Lu}\\p{L}+(?:${DE_TYPES_GLUED})|\\p{Lu}[\\p{L}]+(?:\\s+|-)(?:${DE_TYPES_WORD}))\\s+\\d{1,4}\\s?[a-z]?${E}`, 'gu');
const FR_TYPES = '[Rr]ue|[Aa]venue|[Aa]v\\.|[Bb]oulevard|[Bb]d|[Aa]ll[ée]e|[Pp]lace|[Cc]hemin|[Ii]mpasse|[Qq]uai|[Cc]ours|[Rr]oute|[Pp]assage|[Vv]oie';
const FR_PARTICLE = "(?:de\\s+la|de\\s+l'|d'|du|des|de|la|le|les|l')";
const FR_STREET = new RegExp(`${B}\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:${FR_TYPES})\\s+(?:${FR_PARTICLE}\\s*)?\\p{Lu}[\\p{L}'-]*(?:\\s+(?:${FR_PARTICLE}\\s*)?\\p{Lu}[\\p{L}'-]*){0,3}`, 'gu');
const NL_STREET = new RegExp(`${B}\\p{Lu}\\p{L}+(?:straat|laan|weg|gracht|plein|kade|dijk|singel|steeg)\\s+\\d{1,4}(?:\\s?[a-zA-Z]|-\\d{1,3})?${E}`, 'gu');

function streetHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const re of [EN_STREET, DE_STREET, FR_STREET, NL_STREET]) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = trimTrailing(text, start, start + m[0].length, ',;:!?)');
      hits.push({ kind: 'address', start, end });
    }
  }
  return hits;
}

export function detectAddress(text: string, _ctx: DetectContext): Hit[] {
  return streetHits(text);
}

// Postcodes.
const UK = new RegExp(`${B}(GIR ?0AA|[A-PR-UWYZ](?:\\d[A-HJKPSTUW]|[A-HK-Y]\\d[ABEHMNPRVWXY]|[A-HK-Y]?\\d\\d?) ?\\d[ABD-HJLNP-UW-Z]{2})${E}`, 'giu');
const US_STATES = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const US_STATE_NAMES = 'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming';
const US = new RegExp(`${B}(?:(?:${US_STATES})\\.?|${US_STATE_NAMES}),?\\s+(\\d{5}(?:-\\d{4})?)${E}`, 'gdu');
const CUED = new RegExp(`${B}(?:zip(?:\\s*code)?|post\\s*code|postcode|postal\\s*code|plz|code\\s+postal|cp|postcode)(?:\\s+is)?\\s*[:#]?\\s*(\\d{4,5}(?:-\\d{4})?|[1-9]\\d{3}\\s?[A-Z]{2})${E}`, 'gdiu');
const FIVE_CITY = new RegExp(`${B}(?:(?:D|F|DE|FR)-)?(\\d{5})\\s+(\\p{Lu}[\\p{L}'-]+)`, 'gdu');
const NL = new RegExp(`${B}([1-9]\\d{3}\\s?[A-Z]{2})${E}`, 'gdu');

/** Letter pairs after four digits that are units, eras or abbreviations, not Dutch postcodes. */
const NL_NOT = new Set(['SA', 'SD', 'SS', 'AD', 'BC', 'CE', 'MB', 'GB', 'KB', 'TB', 'PB', 'AM', 'PM', 'KW', 'KM', 'CM', 'MM', 'MW', 'HZ', 'EU', 'US', 'UK', 'HD', 'TV', 'PC', 'CO', 'OK', 'NO', 'EX', 'UV', 'IT', 'HR', 'ID', 'IN', 'ON', 'AT', 'BY', 'OF', 'TO', 'OR', 'IS', 'AS', 'AN', 'SO', 'UP', 'BE', 'GO', 'DO', 'IF', 'MY', 'WE', 'ME', 'HE', 'NY', 'LA', 'DC', 'XL', 'XS', 'ML', 'MG', 'KG', 'LB', 'OZ', 'FT', 'QT', 'RPM']);
/** Capitalised words after five digits that make it a quantity, not a town. */
const NOT_TOWN = /^(?:Euro|Euros|EUR|USD|GBP|Dollar|Dollars|Pfund|Punkte|Points|Meilen|Miles|Kilometer|Km|Stück|Einheiten|Units|Kunden|Customers|Clients|Menschen|People|Mitarbeiter|Bestellungen|Orders|Commandes|Artikel|Articles|Produkte|Products|Francs|Yen|Jahre|Years|Ans|Personnes|Utilisateurs|Users|Downloads|Views|Likes|Followers|Mal|Fois|Times|Calories|Kalorien|Schritte|Steps)$/u;

function uppercaseOrSpaced(value: string): boolean {
  return value === value.toUpperCase() || (/\s/.test(value) && value === value.toLowerCase());
}

function nearStreet(streets: readonly Hit[], index: number, text: string): boolean {
  return streets.some((s) => s.end <= index && index - s.end <= 4 && /^[\s,]*$/.test(text.slice(s.end, index)));
}

function lineEndsAfter(text: string, index: number): boolean {
  const rest = lookAhead(text, index, 40);
  return /^\s*(?:\.?\s*$|\.?\s*\n|,\s*(?:germany|deutschland|france|nederland|the netherlands|netherlands|holland|uk|united kingdom|usa|united states)\b)/u.test(rest)
    || /^(?:\s+cedex\b)/u.test(rest);
}

export function detectPostcode(text: string, _ctx: DetectContext): Hit[] {
  const hits: Hit[] = [];
  const streets = streetHits(text);
  for (const m of text.matchAll(UK)) {
    if (!uppercaseOrSpaced(m[0])) continue;
    hits.push({ kind: 'postcode', start: m.index, end: m.index + m[0].length });
  }
  for (const re of [US, CUED]) {
    for (const m of text.matchAll(re)) {
      const span = m.indices?.[1];
      if (span) hits.push({ kind: 'postcode', start: span[0], end: span[1] });
    }
  }
  for (const m of text.matchAll(FIVE_CITY)) {
    const code = m.indices?.[1];
    const town = m[2]!;
    if (!code || NOT_TOWN.test(town)) continue;
    const prefixed = /^(?:D|F|DE|FR)-/.test(m[0]);
    const allCapsTown = town.length >= 3 && town === town.toUpperCase();
    if (prefixed || nearStreet(streets, m.index, text) || allCapsTown || lineEndsAfter(text, m.index + m[0].length)) {
      hits.push({ kind: 'postcode', start: code[0], end: code[1] });
    }
  }
  for (const m of text.matchAll(NL)) {
    const value = m[1]!;
    if (NL_NOT.has(value.slice(-2))) continue;
    const after = lookAhead(text, m.index + value.length, 30);
    const followedByTown = /^\s+\p{Lu}\p{Ll}/u.test(text.slice(m.index + value.length, m.index + value.length + 3));
    if (followedByTown || nearStreet(streets, m.index, text) || /^\s*(?:$|\n|,)/u.test(after)) {
      hits.push({ kind: 'postcode', start: m.index, end: m.index + value.length });
    }
  }
  return hits;
}
