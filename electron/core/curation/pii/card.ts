import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';
import { atWordBoundaries, lookBehind } from './text.ts';
import { OTHER_NUMBER_CUE } from './cues.ts';

// 13 to 19 digits, optionally grouped by single spaces or hyphens.
const CANDIDATE = /\d(?:[ -]?\d){12,18}/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes and lengths of the networks in use: a Luhn-valid order number rarely also fits these. */
export function plausibleCardNumber(digits: string): boolean {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p4 = Number(digits.slice(0, 4));
  const p3 = Number(digits.slice(0, 3));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if (p2 >= 51 && p2 <= 55) return n === 16; // Mastercard
  if (p4 >= 2221 && p4 <= 2720) return n === 16; // Mastercard 2-series
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) return n >= 16 && n <= 19; // Discover
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if (p2 === 36 || p2 === 38 || (p3 >= 300 && p3 <= 305)) return n >= 14 && n <= 19; // Diners
  if (p2 === 62) return n >= 16 && n <= 19; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 12 && n <= 19; // Maestro
  return false;
}

export function detectCard(text: string, _ctx: DetectContext): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!atWordBoundaries(text, start, end)) continue;
    const separators = new Set(m[0].replace(/\d/g, ''));
    if (separators.size > 1) continue; // "1234-5678 9012" mixes styles: not how cards are written
    const digits = m[0].replace(/\D/g, '');
    if (!plausibleCardNumber(digits) || !luhnValid(digits)) continue;
    const before = lookBehind(text, start, 40);
    // "card" is the one cue that confirms rather than denies.
    if (OTHER_NUMBER_CUE.test(before) && !/(?:card|karte|carte|kaart)\W{0,4}(?:no\.?|number|nr\.?|#)?\W{0,4}$/iu.test(before)) continue;
    hits.push({ kind: 'card', start, end });
  }
  return hits;
}
