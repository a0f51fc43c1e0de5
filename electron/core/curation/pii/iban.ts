import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';
import { atWordBoundaries } from './text.ts';

/** IBAN length per country (SWIFT registry). An unknown country or a wrong length is not an IBAN. */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18,
  GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24,
  PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28,
  TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

// Country, check digits, then groups of letters/digits, optionally spaced in fours.
const CANDIDATE = /[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/gi;

export function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s/g, '').toUpperCase();
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (!expected || iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const d of value) remainder = (remainder * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

export function detectIban(text: string, _ctx: DetectContext): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index;
    // The greedy candidate may have swallowed a following word: shrink to the valid length for the country.
    const country = m[0].slice(0, 2).toUpperCase();
    const expected = IBAN_LENGTHS[country];
    if (!expected) continue;
    let count = 0;
    let end = start;
    for (let i = start; i < start + m[0].length; i++) {
      if (text[i] !== ' ') count++;
      end = i + 1;
      if (count === expected) break;
    }
    if (count !== expected) continue;
    if (!atWordBoundaries(text, start, end)) continue;
    if (!ibanValid(text.slice(start, end))) continue;
    hits.push({ kind: 'iban', start, end });
  }
  return hits;
}
