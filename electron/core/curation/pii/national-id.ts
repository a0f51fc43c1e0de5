import { createRequire } from 'node:module';
import type { stdnum as Stdnum } from 'stdnum';
import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';

// National identifiers of the countries Candor's customers write from. Each format has its official shape and,
// where it has one, its check digit (validated by stdnum, a port of python-stdnum that follows each issuer's
// specification). A distinctive shape with a valid check digit is enough ("FR NIR", "codice fiscale", "123-45-6789");
// shapes that other numbers share (nine or eleven bare digits) also need the identifier's name nearby. A number
// written after its identifier's name but failing the check is still removed (people mistype their own numbers),
// with low confidence.

type Format = {
  re: RegExp;
  valid: (value: string) => boolean;
  /** The identifier's names; looked for in the text just before the number. */
  cue: RegExp;
  /** Written so distinctively (with its check digit valid) that no name is needed. */
  strong: (value: string) => boolean;
};

// Not a window of a longer run of digit groups ("9400 0831 5343 4975 7304 31" is a parcel, not an Aadhaar).
const B = '(?<![\\p{L}\\p{N}]|\\p{N}[ .-])';
const E = '(?![\\p{L}\\p{N}]|[ .-]\\p{N})';
const EN = '(?![\\p{N}]|[ -]\\p{N})';
const ok = (check: (s: typeof Stdnum) => (v: string) => { isValid: boolean }) => (v: string) => {
  try {
    return check(std())(v).isValid;
  } catch {
    return false;
  }
};
const never = () => false;

// stdnum holds every country's validators (half a second to load): loaded when a number first needs checking, so
// commands that never look at text do not wait for it.
const requireHere = createRequire(import.meta.url);
let validators: typeof Stdnum | null = null;
function std(): typeof Stdnum {
  return (validators ??= (requireHere('stdnum') as { stdnum: typeof Stdnum }).stdnum);
}
/** The identifier's names (any case) and acronyms (as written: "SIN", never Spanish "sin"), shortly before. */
function cue(words: string, acronyms = ''): RegExp {
  const named = `(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}])[^\\n]{0,40}`;
  const caps = acronyms ? `|(?<![\\p{L}\\p{N}])(?:${acronyms})(?![\\p{L}])[^\\n]{0,40}` : '';
  return new RegExp(`(?:(?i:${named})${caps}|(?:マイナンバー|個人番号)[^\\n]{0,10})$`, 'u');
}

/** Japanese individual number (マイナンバー): eleven digits and a weighted mod-11 check digit. */
export function myNumberValid(value: string): boolean {
  const d = value.replace(/\D/g, '');
  if (d.length !== 12) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(d[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const rem = sum % 11;
  return Number(d[11]) === (rem <= 1 ? 0 : 11 - rem);
}

const FORMATS: readonly Format[] = [
  { // US Social Security number
    re: new RegExp(`${B}(?:\\d{3}([- ])\\d{2}\\1\\d{4}|\\d{9})${EN}`, 'gu'), valid: ok((s) => s.US.ssn.validate),
    cue: cue('social security(?: number| no)?|soc\\.? ?sec', 'SSN|ssn'), strong: (v) => /^\d{3}-\d{2}-\d{4}$/.test(v),
  },
  { // UK National Insurance number
    re: new RegExp(`${B}[A-Za-z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-Da-d]${E}`, 'gu'), valid: ok((s) => s.GB.nino.validate),
    cue: cue('nino|national insurance(?: number| no)?', 'NI|NINO|NI number|NI No'), strong: (v) => v === v.toUpperCase(),
  },
  { // Irish PPS number
    re: new RegExp(`${B}\\d{7}[A-Wa-w][A-IWa-iw]?${E}`, 'gu'), valid: ok((s) => s.IE.pps.validate),
    cue: cue('pps number|ppsn|personal public service', 'PPS|PPSN'), strong: (v) => v === v.toUpperCase(),
  },
  { // German Steuer-ID
    re: new RegExp(`${B}\\d{2} ?\\d{3} ?\\d{3} ?\\d{3}${EN}`, 'gu'), valid: ok((s) => s.DE.idnr.validate),
    cue: cue('steuer-?id|steueridentifikationsnummer|steuerliche identifikationsnummer|identifikationsnummer|idnr|tax id', 'TIN'), strong: (v) => /^\d{2} \d{3} \d{3} \d{3}$/.test(v),
  },
  { // French NIR (numéro de sécurité sociale)
    re: new RegExp(`${B}[12378] ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[ABab]) ?\\d{3} ?\\d{3} ?\\d{2}${EN}`, 'gu'), valid: ok((s) => s.FR.nir.validate),
    cue: cue('sécu(?:rité sociale)?|securite sociale|numéro de sécurité sociale|insee', 'NIR'), strong: () => true,
  },
  { // Spanish DNI and NIE
    re: new RegExp(`${B}(?:(?:\\d{8}|\\d{2}\\.\\d{3}\\.\\d{3})[- ]?[A-Za-z]|[XYZxyz]-?\\d{7}-?[A-Za-z])${E}`, 'gu'),
    valid: (v) => ok((s) => s.ES.dni.validate)(v.replace(/\./g, '')) || ok((s) => s.ES.nie.validate)(v),
    cue: cue('documento(?: de identidad)?|carnet', 'DNI|NIE|NIF|NIF/NIE'), strong: (v) => /[A-Z]$/.test(v),
  },
  { // Italian codice fiscale
    re: new RegExp(`${B}[A-Za-z]{6}\\d{2}[A-Za-z]\\d{2}[A-Za-z]\\d{3}[A-Za-z]${E}`, 'gu'), valid: (v) => ok((s) => s.IT.codicefiscale.validate)(v.toUpperCase()),
    cue: cue('codice fiscale', 'C\\.F\\.|CF'), strong: () => true,
  },
  { // Dutch BSN
    re: new RegExp(`${B}(?:\\d{9}|\\d{4}\\.\\d{2}\\.\\d{3})${EN}`, 'gu'), valid: ok((s) => s.NL.bsn.validate),
    cue: cue('burgerservicenummer|sofinummer', 'BSN'), strong: never,
  },
  { // Belgian national number
    re: new RegExp(`${B}\\d{2}\\.?\\d{2}\\.?\\d{2}[-. ]?\\d{3}[. ]?\\d{2}${EN}`, 'gu'), valid: ok((s) => s.BE.nn.validate),
    cue: cue('rijksregisternummer|rijksregister|numéro national|numéro de registre national|registre national|national number', 'INSZ|NISS|NN|RRN'), strong: (v) => /^\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}$/.test(v),
  },
  { // Polish PESEL
    re: new RegExp(`${B}\\d{11}${EN}`, 'gu'), valid: ok((s) => s.PL.pesel.validate), cue: cue('pesel'), strong: never,
  },
  { // Swedish personnummer
    re: new RegExp(`${B}(?:\\d{2})?\\d{6}[-+]?\\d{4}${EN}`, 'gu'), valid: ok((s) => s.SE.personnummer.validate),
    cue: cue('personnummer|personnr|personnumret', 'PNR'), strong: (v) => /[-+]/.test(v),
  },
  { // Indian Aadhaar
    re: new RegExp(`${B}[2-9]\\d{3} ?\\d{4} ?\\d{4}${EN}`, 'gu'), valid: ok((s) => s.IN.aadhaar.validate),
    cue: cue('aadhaar|aadhar|uidai', 'UID'), strong: (v) => /^\d{4} \d{4} \d{4}$/.test(v),
  },
  { // Australian tax file number
    re: new RegExp(`${B}\\d{3} ?\\d{3} ?\\d{2,3}${EN}`, 'gu'), valid: ok((s) => s.AU.tfn.validate), cue: cue('tax file(?: number| no)?', 'TFN'), strong: never,
  },
  { // Canadian social insurance number
    re: new RegExp(`${B}\\d{3}[- ]?\\d{3}[- ]?\\d{3}${EN}`, 'gu'), valid: ok((s) => s.CA.sin.validate),
    cue: cue('social insurance(?: number| no)?|numéro d.assurance sociale', 'SIN|NAS'), strong: never,
  },
  { // Brazilian CPF
    re: new RegExp(`${B}(?:\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}|\\d{11})${EN}`, 'gu'), valid: ok((s) => s.BR.cpf.validate),
    cue: cue('cpf'), strong: (v) => /^\d{3}\.\d{3}\.\d{3}-\d{2}$/.test(v),
  },
  { // Japanese individual number
    re: /(?<![0-9]|[0-9][ -])\d{4} ?\d{4} ?\d{4}(?![0-9]|[ -][0-9])/gu, valid: myNumberValid, cue: cue('my number|individual number'), strong: never,
  },
];

/** At least six digits close together: without them there is no national identifier to look for. */
const ENOUGH_DIGITS = /\d(?:\D{0,3}\d){5}/;

export function detectNationalId(text: string, _ctx: DetectContext): Hit[] {
  if (!ENOUGH_DIGITS.test(text)) return [];
  const hits: Hit[] = [];
  for (const f of FORMATS) {
    for (const m of text.matchAll(f.re)) {
      const value = m[0];
      const named = f.cue.test(text.slice(Math.max(0, m.index - 56), m.index));
      const valid = f.valid(value);
      if (valid && (named || f.strong(value))) hits.push({ kind: 'national-id', start: m.index, end: m.index + value.length });
      else if (named) hits.push({ kind: 'national-id', start: m.index, end: m.index + value.length, confidence: 'low' });
    }
  }
  return hits;
}
