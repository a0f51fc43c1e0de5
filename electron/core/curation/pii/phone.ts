import { findPhoneNumbersInText, getCountryCallingCode } from 'libphonenumber-js/max';
import type { DetectContext } from './context.ts';
import type { Hit } from './finding.ts';
import { lookBehind, wordAfter, wordBefore } from './text.ts';
import { OTHER_NUMBER_CUE } from './cues.ts';

/** Words that say the digits that follow are a phone number. */
const PHONE_CUE = /(?<![\p{L}\p{N}])(?:phone|tel|téléphone|telefon|telefoon|mobile?|mobil|cell|handy|portable|gsm|call|ring|rufnummer|numéro|number|text|sms|whats ?app|fax|reach|contact|bel|appel|anrufen|erreichbar)(?![\p{L}\p{N}])\W{0,12}(?:\S+\W+){0,3}$/iu;
const DATE_LIKE = /^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}(?::\d{2})?)$/;
const NANP = new Set(['US', 'CA', 'PR', 'GU', 'VI', 'AS', 'MP', 'BS', 'BB', 'JM', 'TT', 'DO', 'AG', 'AI', 'BM', 'DM', 'GD', 'KN', 'KY', 'LC', 'MS', 'SX', 'TC', 'VC', 'VG']);

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/**
 * libphonenumber finds candidates; these rules keep the ones written the way people write phone numbers:
 * international (+ or 00), or national with the country's trunk prefix, never digits that are an order or a date.
 */
/** Seven digits, possibly separated: without them there is no phone number, and the library is not asked. */
const ENOUGH_DIGITS = /\d(?:[\s()./-]{0,3}\d){6}/;

export function detectPhone(text: string, ctx: DetectContext): Hit[] {
  const hits: Hit[] = [];
  if (!ENOUGH_DIGITS.test(text)) return hits;
  const country = ctx.defaultCountry;
  const nanp = NANP.has(country);
  let callingCode: string;
  try {
    callingCode = getCountryCallingCode(country);
  } catch {
    callingCode = '';
  }
  // POSSIBLE leniency (extended) so that well-formed fictional and new ranges are seen; the rules below filter.
  for (const found of findPhoneNumbersInText(text, { defaultCountry: country, extended: true })) {
    let start = found.startsAt;
    const end = found.endsAt;
    const raw = text.slice(start, end);
    // "+" and "(" are part of the number as written even when the library starts after them.
    if (text[start - 1] === '+') start -= 1;
    if (wordBefore(text, start) || wordAfter(text, end)) continue;
    if (/[\p{L}]/u.test(text.slice(start, end).replace(/ext\.?|x/gi, ''))) continue;
    const written = text.slice(start, end).replace(/^\(/, '');
    const digits = digitsOf(written);
    if (digits.length < 7 || digits.length > 15) continue;
    if (DATE_LIKE.test(raw.trim())) continue;
    const before = lookBehind(text, start, 40).replace(/[([]\s*$/, '');
    if (OTHER_NUMBER_CUE.test(before)) continue;
    const international = written.startsWith('+') || written.startsWith('00');
    const valid = found.number.isValid();
    const cue = PHONE_CUE.test(before);
    const grouped = /[\s.\-/()]/.test(written.trim());
    if (international) {
      if (!valid && !(found.number.isPossible() && (cue || grouped))) continue;
    } else if (nanp) {
      // Ten digits with the usual grouping, or a cue word; never a bare run that could be anything.
      if (digits.length < 10) continue;
      if (!(grouped || cue)) continue;
      if (!valid && !cue) continue;
    } else {
      // National form in a country with a trunk prefix: the number is written starting with it.
      if (!written.startsWith('0')) continue;
      if (found.number.countryCallingCode !== callingCode && !cue) continue;
      if (!valid && !cue) continue;
    }
    hits.push({ kind: 'phone', start, end });
  }
  return hits;
}
