import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';
import { trimTrailing } from './text.ts';

// Street addresses as the postal operators of Candor's customers' countries write them (UPU addressing formats):
// number + street + type (UK, US, IE, AU, CA, IN), street + type + number (DE, NL, SE, PL, IT, ES, BE, BR),
// number + type + street (FR), house names ("Rose Cottage"), PO boxes and Japanese chōme addresses; in any case,
// capitals included; with the flat, unit or floor written before or after. Shaped so that "3 days", "5 stars" or
// "10 items" never match. Towns are left alone: a town is what the public pseudonym may show.

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const both = (words: string) => `${words}|${words.toUpperCase()}`;
const CAP = "\\p{Lu}[\\p{L}'’.-]*";
const EN_TYPES = both('Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Court|Ct|Place|Pl|Boulevard|Blvd|Crescent|Cres|Terrace|Gardens|Grove|Square|Sq|Parkway|Pkwy|Highway|Hwy|Row|Mews|Hill|Walk|Rise|Green|Circle|Cir|Trail|Parade|Esplanade|Quay|Wharf|Park|View');
const DIRECTION = '(?:\\s+(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?)?';
const HOUSE_NO = '(?:\\d{1,4}\\/)?\\d{1,5}[A-Za-z]?';
const EN_STREET = new RegExp(`${B}${HOUSE_NO},?\\s+(?:${CAP}\\s+){1,4}(?:${EN_TYPES})\\.?${DIRECTION}${E}`, 'gu');
const DE_GLUED = 'straße|strasse|str\\.|weg|gasse|allee|platz|damm|ufer|chaussee|steig|pfad|graben|gatan|vägen|gränd|torget|stigen|backen|straat|laan|gracht|plein|kade|dijk|singel|steeg|dreef|lei|baan';
const DE_WORD = 'Straße|Strasse|Str\\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer|Chaussee|Markt|Laan|Straat|Plein|Kade';
const DE_STREET = new RegExp(`${B}(?:\\p{Lu}\\p{L}{2,}(?:${both(DE_GLUED)})|\\p{Lu}\\p{L}+(?:\\s+|-)(?:${both(DE_WORD)})|(?:Am|An der|An den|Auf der|Auf dem|Im|In der|Zum|Zur|Unter den|Hinter der)\\s+\\p{Lu}\\p{L}+|(?:Laan|Plein|Kade)\\s+(?:van|der|de|den|op)(?:\\s+(?:van|der|de|den|op))?\\s+\\p{Lu}\\p{L}+)\\s+\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}])|-\\d{1,3})?${E}`, 'gu');
const FR_TYPES = 'rue|avenue|av\\.|boulevard|bd|allée|place|chemin|impasse|quai|cours|route|passage|voie|square|sentier|chaussée|drève';
const FR_PARTICLE = "(?:de\\s+la|de\\s+l'|d'|du|des|de|la|le|les|l')";
const FR_STREET = new RegExp(`${B}\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:${FR_TYPES})\\s+(?:${FR_PARTICLE}\\s*)?\\p{L}[\\p{L}'-]*(?:\\s+(?:${FR_PARTICLE}\\s*)?\\p{Lu}[\\p{L}'-]*){0,3}`, 'giu');
/** Belgian and Canadian French: type, name, then the number ("Rue des Carmélites 22"). */
const FR_NUMBER_LAST = new RegExp(`${B}(?:Rue|Avenue|Boulevard|Chaussée|Place|Chemin|Drève|Quai)\\s+(?:${FR_PARTICLE}\\s*)?\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,2},?\\s+\\d{1,4}${E}`, 'gu');
const ES_STREET = new RegExp(`${B}(?:Calle|C\\/|Avda\\.?|Avenida|Paseo|Pº|Plaza|Pza\\.?|Camino|Carretera|Ronda|Travesía|Glorieta|Rambla)\\s*(?:de\\s+(?:la\\s+|los\\s+|las\\s+)?)?\\p{Lu}[\\p{L}']*(?:\\s+(?:de\\s+(?:la\\s+|los\\s+)?)?\\p{Lu}[\\p{L}']*){0,3},?\\s+\\d{1,4}`, 'gu');
const IT_STREET = new RegExp(`${B}(?:${both('Via|Viale|Piazza|Corso|Largo|Vicolo|Strada|Piazzale|Lungomare|Lungotevere')}|P\\.zza|V\\.le)\\s+(?:${CAP}\\s+){1,4}\\d{1,4}[A-Za-z]?${E}`, 'gu');
const PL_STREET = new RegExp(`${B}(?:ul\\.|al\\.|os\\.|pl\\.|ulica|aleja|osiedle)\\s*\\p{Lu}[\\p{L}.-]*(?:\\s+\\p{Lu}[\\p{L}.-]*){0,3}\\s+\\d{1,4}[A-Za-z]?(?:\\/\\d{1,4})?`, 'gu');
const BR_STREET = new RegExp(`${B}(?:Rua|R\\.|Avenida|Av\\.|Travessa|Alameda|Praça|Estrada|Rodovia)\\s+(?:d[aeo]s?\\s+)?\\p{Lu}[\\p{L}]*(?:\\s+(?:d[aeo]s?\\s+)?\\p{Lu}[\\p{L}]*){0,3},\\s*(?:n[º°]\\s*)?\\d{1,5}`, 'gu');
const IN_HOUSE = new RegExp(`${B}(?:House|H\\.)\\s*No\\.?\\s*\\d{1,5}[A-Z]?(?:,\\s*(?:Sector|Block|Phase|Pocket|Gali|Lane)\\s*[\\p{L}\\d-]{1,6})?`, 'gu');
const PO_BOX = new RegExp(`${B}(?:P\\.?\\s?O\\.?\\s?Box|Post Office Box|Postfach|B\\.?P\\.|Boîte postale|Apartado(?: de correos)?|Casella postale|Postbus|Skrytka pocztowa|Caixa Postal)\\s+\\d{1,6}${E}`, 'giu');
const JP_ADDRESS = /[\p{Script=Han}]{1,6}[0-9０-９]{1,2}(?:丁目[0-9０-９]{1,4}(?:[−－-][0-9０-９]{1,4}){0,2}|[−－-][0-9０-９]{1,4}(?:[−－-][0-9０-９]{1,4})?)/gu;
const HOUSE_WORDS = 'Cottage|House|Farm|Farmhouse|Lodge|Barn|Manor|Hall|Mill|Villa|Grange|Croft|Bungalow|Rectory|Vicarage|Chalet|Stables|Apartments|Mansions|View|Heights|Residences?';
const HOUSE = new RegExp(`${B}(?:The\\s+)?(?:${CAP}\\s+){0,2}(?:${both(HOUSE_WORDS)})(?=\\s*[,\\n])`, 'gu');
const STREET_NO_NUMBER = new RegExp(`^\\s*,?\\s*(?:${CAP}\\s+){1,3}(?:${EN_TYPES})\\.?(?=\\s*[,\\n]|$)`, 'u');

/** A flat, unit, floor or building written before the street ("Flat 2, ", "Résidence Les Pins, bât. B, "). */
const UNIT_BEFORE = /(?:Flat|Apt\.?|Apartment|Unit|Suite|Résidence|Residence|[Bb]ât\.?|Bâtiment|Building|Block|Appartement|Appt\.?|Wohnung|Piso|Casa)\s?[\p{L}\p{N}' .-]{0,28},\s*$/u;
/** ...or after it (", Apt 12", " #305", ", 3º B", " bus 3", " m. 5", " lgh 1102", ", apto 45", ", Suite 1200"). */
const UNIT_AFTER = /^(?:,?\s*(?:Apt\.?|Apartment|Unit|Suite|Ste\.?|Flat|apto\.?|apartamento|ap\.)\s*[\p{L}\p{N}-]{1,6}|\s*#\s?[\p{L}\p{N}-]{1,6}|,\s*\d{1,2}º\s?[A-Z]?|\s+(?:bus|bte|boîte)\s*\d{1,4}|\s*m\.\s*\d{1,4}|\s+lgh\s*\d{3,4}|\s+EB\s?\d{3,4}[a-z]?)/u;

function street(text: string, start: number, end: number): Hit {
  let s = start;
  let e = trimTrailing(text, start, end, ',;:!?)');
  for (let i = 0; i < 2; i++) {
    const before = UNIT_BEFORE.exec(text.slice(Math.max(0, s - 60), s));
    if (!before) break;
    s -= before[0].length;
  }
  for (let i = 0; i < 2; i++) {
    const after = UNIT_AFTER.exec(text.slice(e, e + 24));
    if (!after) break;
    e += after[0].length;
  }
  return { kind: 'address', start: s, end: e };
}

/** Each street pattern with a cheap test of the words it needs: most messages have no address at all. */
const STREETS: readonly [RegExp, RegExp][] = [
  [EN_STREET, new RegExp(`(?:${EN_TYPES})`, 'u')],
  [DE_STREET, /straße|strasse|str\.|weg|gasse|allee|platz|damm|ufer|chaussee|steig|pfad|graben|gatan|vägen|gränd|torget|stigen|backen|straat|laan|gracht|plein|kade|dijk|singel|steeg|dreef|lei|baan|ring|markt|\b(?:am|an|auf|im|in|zum|zur|unter|hinter)\b/iu],
  [FR_STREET, /rue|avenue|av\.|boulevard|bd|allée|place|chemin|impasse|quai|cours|route|passage|voie|square|sentier|chaussée|drève/iu],
  [FR_NUMBER_LAST, /Rue|Avenue|Boulevard|Chaussée|Place|Chemin|Drève|Quai/u],
  [ES_STREET, /Calle|C\/|Avd|Avenida|Paseo|Pº|Plaza|Pza|Camino|Carretera|Ronda|Travesía|Glorieta|Rambla/u],
  [IT_STREET, /Via|VIA|Viale|VIALE|Piazza|PIAZZA|Corso|CORSO|Largo|Vicolo|Strada|P\.zza|V\.le|Lungo/u],
  [PL_STREET, /ul\.|al\.|os\.|pl\.|ulica|aleja|osiedle/u],
  [BR_STREET, /Rua|R\.|Avenida|Av\.|Travessa|Alameda|Praça|Estrada|Rodovia/u],
  [IN_HOUSE, /House|H\./u],
  [PO_BOX, /box|postfach|b\.?p\.|boîte|apartado|casella|postbus|skrytka|caixa/iu],
];

export function streetHits(text: string): Hit[] {
  const hits: Hit[] = [];
  if (!/\d|[\p{Script=Han}]/u.test(text)) return hits;
  for (const [re, words] of STREETS) {
    if (!words.test(text)) continue;
    for (const m of text.matchAll(re)) hits.push(street(text, m.index, m.index + m[0].length));
  }
  if (/[\p{Script=Han}]/u.test(text)) for (const m of text.matchAll(JP_ADDRESS)) hits.push({ kind: 'address', start: m.index, end: m.index + m[0].length });
  return hits;
}

/** House names ("Rose Cottage, Church Lane") when a street or a postcode follows: a house, not a concert hall. */
function houseHits(text: string, nearby: readonly Hit[]): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(HOUSE)) {
    let end = m.index + m[0].length;
    if (!nearby.some((h) => h.start >= end && h.start - end <= 100)) continue;
    const next = STREET_NO_NUMBER.exec(text.slice(end, end + 60));
    if (next) end += next[0].length;
    hits.push(street(text, m.index, end));
  }
  return hits;
}

/** A line or comma segment with a number just before a postcode: "227 West Monroe\nChicago, IL 60606". */
function lineBeforePostcode(text: string, postcodes: readonly Hit[], known: readonly Hit[]): Hit[] {
  const hits: Hit[] = [];
  for (const p of postcodes) {
    const from = Math.max(0, p.start - 120);
    // Segments before the postcode, nearest first: its own line's start (the town), then up to two more.
    const segments = [...text.slice(from, p.start).matchAll(/[^\n,;:]+/gu)].reverse().slice(0, 3);
    for (const seg of segments.slice(1)) {
      const value = seg[0].trim();
      if (value.length < 3 || value.length > 50 || !/\d/.test(value) || !/\p{Lu}\p{L}/u.test(value) || /^[\d\s()+./-]+$/.test(value)) continue;
      const start = from + seg.index + seg[0].indexOf(value);
      const end = start + value.length;
      if (!known.some((h) => h.start < end && start < h.end)) hits.push({ kind: 'address', start, end, confidence: 'low' });
      break;
    }
  }
  return hits;
}

export function detectAddress(text: string, _ctx: DetectContext, postcodes: readonly Hit[] = []): Hit[] {
  const streets = streetHits(text);
  const houses = houseHits(text, [...streets, ...postcodes]);
  return [...streets, ...houses, ...lineBeforePostcode(text, postcodes, [...streets, ...houses])];
}
