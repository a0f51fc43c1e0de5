import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js';
import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';
import { asciiDigits, lookBehind } from './text.ts';
import { OTHER_NUMBER_CUE } from './cues.ts';

// Phone numbers in any region's notation, whatever the workspace's country. Candidates are runs of digits with the
// separators people put in phone numbers; each is tried as an international number, then in the workspace's
// country, then in every region commonly seen in feedback (libphonenumber's metadata decides validity). Digits
// that no region accepts are still a phone number when they are grouped or cued like one (555 numbers, typos) —
// with low confidence. The workspace's country only breaks ties; the company's own numbers are never flagged.

/** Regions tried for a number written without its country code, after the workspace's own. */
const REGIONS: readonly CountryCode[] = ['US', 'GB', 'IE', 'DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'PL', 'SE', 'IN', 'AU', 'CA', 'BR', 'JP', 'AT', 'CH', 'PT', 'LU', 'NZ', 'ZA', 'MX'];

// A digit (ASCII or full-width), then digits and phone separators, ending on a digit. Not the tail of a code
// ("SN-2024", "v1.2") and not glued to letters; CJK text around the number is fine.
const D = '[0-9\\uFF10-\\uFF19]';
const CANDIDATE = new RegExp(`(?<![\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}\\p{N}_+]|[\\p{L}\\p{N}][-./])(?:\\+[ \\u00a0]?|\\(\\+?)?${D}(?:[ \\u00a0\\t.\\-/()\\uFF0D\\u2212\\u2010\\u2011]*${D})*\\)?`, 'gu');
const EXTENSION = /[ \t]*(?:,[ \t]*)?(?:x|ext\.?|extn\.?|extension|poste|durchwahl|dw\.?|tp\.?|内線)[ \t]*\.?[ \t]*[0-9]{1,6}(?![\p{Script=Latin}\p{N}])/iuy;

/** Words that say the digits that follow are a phone number. */
const PHONE_CUE = /(?<![\p{L}\p{N}])(?:phone|ph|tel|tél|telefono|teléfono|telefone|téléphone|telefon|telefonu|telefoon|telefonnummer|tlf|fon|mobile?|mob|mobil|mobilnummer|mobiel|mobiele|móvil|cell(?:ular|phone)?|celular|cel|handy|handynummer|portable|gsm|call|calls|ring|rufnummer|ruf|rufen|rückruf|numéro|number|nummer|numer|numerem|número|numero|text|sms|whats ?app|fax|pager|reach|reached|contact|bel|bellen|appel(?:ez|er)?|rappelez|joindre|anrufen|erreichbar|erreichen|llam(?:ar|en|arme|ada|e)|llámame|llámenme|llámeme|richiam\w*|chiam\w*|zadzwo\w*|ringa|ligar|liga|電話(?:番号)?|携帯|連絡|bereikbaar|kontakt|kontaktu)(?![\p{L}\p{N}])[^\p{L}\p{N}]{0,6}(?:[\p{L}]+[^\p{L}\p{N}]{1,4}){0,3}$/iu;
/** A label after the number: "(phone)", "(Cell)", "(home fax)". */
const PHONE_LABEL_AFTER = /^[ \t]*[([]?(?:phone|tel|mobile|cell(?: phone)?|office|home(?: fax)?|work|fax|pager|direct|landline|whatsapp)\b/i;
const CURRENCY = /(?:[$€£¥₹₩]|\b(?:EUR|USD|GBP|CHF|SEK|PLN|zł|kr|R\$|A\$|CA\$|Rs\.?|INR|JPY|BRL|AUD|CAD)\b)[ \t\u00a0]*$/iu;
const UNIT_AFTER = /^[ \t\u00a0]*(?:%|€|\$|£|¥|円|kr\b|zł|eur\b|usd\b|gbp\b|kg\b|g\b|cm\b|mm\b|km\b|m\b|ml\b|l\b|gb\b|mb\b|tb\b|hz\b|mhz\b|kw\b|w\b|v\b|x\b|×|mal\b|times\b|units?\b|pcs\b|st(?:ück|uks)?\b|szt\b|stk\b|pieces?\b|items?\b|points?\b|punkte\b|miles?\b|meilen\b|customers?\b|kunden\b|visitors?\b|users?\b|views?\b)/iu;
const VERSION_BEFORE = /(?:\bv|version|versión|versione|release|build|firmware|fw|ios|android|windows|macos|update|kernel)[\s:]*$/iu;

const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;
const YEAR_RANGE = /^(?:19|20)\d{2}[ \t]*[-/][ \t]*(?:(?:19|20)\d{2}|\d{2})$/;
const TIME_RANGE = /^\d{1,2}[.:]\d{2}[ \t]*-[ \t]*\d{1,2}[.:]\d{2}$/;
/** A date next to another number ("12/03/2024 14"): the digits run on from a date. */
const DATE_INSIDE = /(?:^|[ \t])(?:\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})(?=$|[ \t])/;
/** "2 340 000", "12.500.000": thousands, not a phone number. */
const THOUSANDS = /^\d{1,2}(?:[ .\u00a0]\d{3}){2,}$/;

type Interpretation = { number: PhoneNumber; valid: boolean };

function parse(text: string, region?: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, region ? { defaultCountry: region, extract: false } : { extract: false });
  } catch {
    return undefined;
  }
}

/** The first reading of the digits that libphonenumber calls valid: international, the workspace's region, then the others. */
function interpret(intl: boolean, digits: string, ctx: DetectContext): Interpretation | null {
  if (intl) {
    const n = parse(`+${digits}`);
    return n ? { number: n, valid: n.isValid() } : null;
  }
  let possible: PhoneNumber | undefined;
  for (const region of [ctx.defaultCountry, ...REGIONS.filter((r) => r !== ctx.defaultCountry)]) {
    const n = parse(digits, region);
    if (!n) continue;
    if (n.isValid()) {
      // A number without its trunk zero and of 8 digits or fewer is only a number in its own region ("802.145.49").
      if (region !== ctx.defaultCountry && digits.length < 9) continue;
      return { number: n, valid: true };
    }
    if (!possible && n.isPossible()) possible = n;
  }
  return possible ? { number: possible, valid: false } : null;
}

function companyNumbers(ctx: DetectContext): Set<string> {
  const out = new Set<string>();
  for (const p of ctx.companyPhones) {
    const n = parse(p, ctx.defaultCountry);
    if (n) out.add(n.number);
    out.add(p.replace(/\D/g, ''));
  }
  return out;
}

/** Digit groups as written ("07911 123456" -> [5, 6]); brackets and a "(0)" count as separators. */
function groups(written: string): number[] {
  return written.replace(/\(0\)/g, ' ').split(/[^0-9]+/).filter(Boolean).map((g) => g.length);
}

/** Looks like a phone number even when no region accepts it: grouped the way phone numbers are grouped. */
function phoneShaped(written: string, digits: string): boolean {
  const g = groups(written);
  if (g.length < 2 || digits.length < 7) return false;
  if (/^\(\d{2,5}\)/.test(written)) return true; // (415) 555-0132, (0113) 496 0000
  if (digits.startsWith('0') && g[0]! >= 2 && g[0]! <= 5) return true; // trunk prefix: 06 4821 7730
  if (g.length === 3 && g[0] === 3 && g[1] === 3 && g[2] === 4) return true; // NANP 415-555-0132
  if (/^1[-. ]\d{3}[-. ]\d{3}[-. ]\d{4}$/.test(written)) return true;
  return false;
}

function rejected(text: string, start: number, end: number, written: string): boolean {
  const trimmed = written.replace(/^\(|\)$/g, '');
  if (DATE_INSIDE.test(trimmed)) return true;
  if (DATE.test(trimmed) || YEAR_RANGE.test(trimmed) || TIME_RANGE.test(trimmed) || THOUSANDS.test(trimmed)) return true;
  // "1.2.3.4", "10.0.19045.3803": a version, not a phone number (phones dotted in groups of two or more digits).
  if (/\./.test(trimmed) && trimmed.split('.').some((g) => g.length === 1)) return true;
  const before = lookBehind(text, start, 40);
  // The digits continue a code written just before: "DE12 3456 7890", "SN 2024 0001".
  if (/(?:\p{L}+\d+|\d+\p{L}+)[\p{L}\d]*[ \t]$/u.test(before)) return true;
  if (OTHER_NUMBER_CUE.test(before) || CURRENCY.test(before) || VERSION_BEFORE.test(before)) return true;
  if (UNIT_AFTER.test(text.slice(end, end + 12))) return true;
  // A decimal or thousands separator right after: "1,299" or "3.5".
  if (/^[.,]\d/.test(text.slice(end, end + 2))) return true;
  return false;
}

export function detectPhone(text: string, ctx: DetectContext): Hit[] {
  const hits: Hit[] = [];
  let company: Set<string> | null = null;
  const companyOnce = () => (company ??= companyNumbers(ctx));
  for (const m of text.matchAll(CANDIDATE)) {
    // Several numbers in a row ("0161 496 0123 / 07700 900456") are read one by one.
    let from = 0;
    for (const sep of m[0].matchAll(BETWEEN_NUMBERS)) {
      const hit = readNumber(text, m.index + from, m[0].slice(from, sep.index), ctx, companyOnce);
      if (hit) hits.push(hit);
      from = sep.index + sep[0].length;
    }
    const hit = readNumber(text, m.index + from, m[0].slice(from), ctx, companyOnce);
    if (hit) hits.push(hit);
  }
  return hits;
}

const BETWEEN_NUMBERS = /[ \t]+\/[ \t]+|[ \t]{2,}/g;

function readNumber(text: string, at: number, raw: string, ctx: DetectContext, company: () => Set<string>): Hit | null {
  let start = at;
  let written = raw;
  // A bracket opened before the number and closed after it belongs to the sentence: "(01582-732587)".
  if (written.startsWith('(') && !/^\(\+?[0-9\uFF10-\uFF19]{1,5}\)/.test(written)) {
    written = written.slice(1);
    start += 1;
  }
  if (written.endsWith(')') && (written.match(/\(/g) ?? []).length < (written.match(/\)/g) ?? []).length) written = written.slice(0, -1);
  written = written.replace(/[ \t.\-/]+$/, '');
  const ascii = asciiDigits(written).replace(/[\uFF0D\u2212\u2010\u2011]/g, '-');
  const intl = /^\(?\+/.test(ascii) || /^00[1-9]/.test(ascii);
  const national = ascii.replace(/\(0\)/g, '').replace(/\D/g, '');
  const digits = intl && national.startsWith('00') ? national.slice(2) : national;
  if (digits.length < 7 || digits.length > 15) return null;
  let end = start + written.length;
  if (rejected(text, start, end, ascii)) return null;
  const cue = PHONE_CUE.test(lookBehind(text, start, 48)) || PHONE_LABEL_AFTER.test(text.slice(end, end + 16));
  const separated = /[^0-9]/.test(ascii.replace(/^\+/, ''));
  const reading = interpret(intl, digits, ctx);
  const own = company();
  if ((reading && own.has(reading.number.number)) || own.has(digits)) return null;
  let confidence: 'high' | 'low' | null = null;
  if (reading?.valid && (separated || cue || intl)) confidence = 'high';
  else if (!separated && !intl) confidence = cue && digits.length >= 8 ? 'low' : null;
  else if (cue || phoneShaped(ascii, digits) || (reading && intl)) confidence = 'low';
  if (!confidence) return null;
  EXTENSION.lastIndex = end;
  const ext = EXTENSION.exec(text);
  if (ext) end += ext[0].length;
  return { kind: 'phone', start, end, confidence };
}
