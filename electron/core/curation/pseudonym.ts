import type { MessageRole } from '../../shared/model/thread.ts';
import { detectAddress, streetHits } from './pii/address.ts';
import { detectPostcode } from './pii/postcode.ts';
import { EMPTY_CONTEXT } from './pii/context.ts';
import { fold } from './pii/text.ts';
import { memoize } from '../memo.ts';
import type { CustomerPseudonymPolicy, StaffNamingPolicy } from '../../shared/curation/naming.ts';

export type NamingPolicy = {
  customerPseudonym: CustomerPseudonymPolicy;
  /** What a customer is called when nothing more is shown ("Customer"). */
  customerLabel: string;
  /** "{location}" is replaced by the customer's town ("Customer in {location}"). */
  customerLocationFormat: string;
  staffNaming: StaffNamingPolicy;
  /** What staff are called when only their role is shown ("Support team"). */
  staffLabel: string;
  systemLabel: string;
};

/**
 * Only the town (or something larger) of a stored location is shown: streets, house names, flats, postcodes and
 * anything with digits are dropped, and of what is left the last part is taken (addresses run from the house to
 * the country), without states and countries: "Rose Cottage, Church Lane, Little Snoring NR21 0AX" becomes
 * "Little Snoring", "Flat 2, 5 Park Road, Headingley, Leeds LS6 1AA" becomes "Leeds". A location that is only a
 * house or a street, or that mentions the customer's name, is not shown at all.
 */
export function publicTown(location: string | undefined | null, customerName?: string | null): string | null {
  if (!location) return null;
  const town = townOf(location.slice(0, 300));
  if (!town) return null;
  if (customerName) {
    const f = fold(town);
    if (customerName.slice(0, 200).split(/\s+/).some((n) => n.length > 1 && f.includes(fold(n)))) return null;
  }
  return town.slice(0, 60);
}

/** Words that make a part of an address a street, a house or a flat rather than a place. */
const BELOW_TOWN = /(?:^|[\s.'-])(?:street|st|road|rd|lane|ln|avenue|ave|drive|dr|close|way|court|ct|place|pl|crescent|terrace|gardens|grove|square|sq|mews|row|walk|rise|boulevard|blvd|parkway|highway|cottage|house|farm|farmhouse|lodge|barn|manor|hall|mill|villa|grange|croft|bungalow|rectory|vicarage|chalet|flat|apartment|apartments|apt|unit|suite|floor|box|rue|chemin|allée|impasse|quai|calle|avenida|plaza|via|viale|piazza|corso|rua|travessa|ul|aleja|osiedle|straße|strasse|str|gasse|platz|wohnung|laan|gracht|plein|kade|gatan|vägen|lgh|sector|block)(?:$|[\s.,])|(?:straße|strasse|weg|gasse|allee|platz|straat|laan|gracht|gatan|vägen|丁目|番地)$/iu;
const REGIONS = /^(?:uk|u\.k\.|united kingdom|great britain|england|scotland|wales|northern ireland|ireland|éire|usa|u\.s\.a\.|us|united states|germany|deutschland|france|spain|españa|italy|italia|netherlands|the netherlands|nederland|holland|belgium|belgië|belgique|poland|polska|sweden|sverige|india|australia|canada|brazil|brasil|japan|日本|[A-Z]{2,3}|co\.? [\p{L} ]+|county [\p{L} ]+|alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york state|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington state|west virginia|wisconsin|wyoming)$/iu;

/** Towns repeat across thousands of threads (a site build asks for each one): each location is worked out once. */
const townOf = memoize((location: string): string | null => {
  let text = location;
  const streets = streetHits(text);
  const postcodes = detectPostcode(text, EMPTY_CONTEXT, streets);
  const spans = [...detectAddress(text, EMPTY_CONTEXT, postcodes), ...postcodes].sort((a, b) => b.start - a.start);
  for (const s of spans) text = text.slice(0, s.start) + ' '.repeat(s.end - s.start) + text.slice(s.end);
  const parts = text.replace(/〒/g, ' ').split(/[,;\n]/).map((p) => p.replace(/\s+/g, ' ').replace(/^[\s-]+|[\s-]+$/g, '').trim())
    .filter((p) => p.length > 1 && !/\d/.test(p) && !p.includes('@') && !BELOW_TOWN.test(p));
  const places = parts.filter((p) => !REGIONS.test(p));
  return places[places.length - 1] ?? parts[parts.length - 1] ?? null;
});

/** "Customer in Leeds", "J." or "Customer", by workspace policy. Never more of the name than its first letter. */
export function customerPseudonym(policy: NamingPolicy, customer: { name?: string | null; location?: string | null }): string {
  if (policy.customerPseudonym === 'initial') {
    const first = (customer.name ?? '').trim().split(/\s+/).find((t) => /^\p{L}/u.test(t) && !/^(?:mr|mrs|ms|miss|dr|herr|frau|mme|m)\.?$/i.test(t));
    const initial = first ? String.fromCodePoint(first.codePointAt(0)!).toUpperCase() : null;
    return initial ? `${initial}.` : policy.customerLabel;
  }
  if (policy.customerPseudonym === 'location') {
    const town = publicTown(customer.location, customer.name);
    return town ? policy.customerLocationFormat.replace('{location}', town) : policy.customerLabel;
  }
  return policy.customerLabel;
}

/** Staff appear under their display name or only their role; system messages under a fixed label. */
export function authorLabel(policy: NamingPolicy, role: MessageRole, authorName: string | null, customerShownAs: string): string {
  if (role === 'customer') return customerShownAs;
  if (role === 'system') return policy.systemLabel;
  // A display name that is really an address ("jane@acme.com") is not shown.
  if (policy.staffNaming === 'name' && authorName && authorName.trim() && !authorName.includes('@')) return authorName.trim();
  return policy.staffLabel;
}
