import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';
import { afterCue } from './text.ts';

// Passport and driving-licence numbers, vehicle registrations and card security codes: values with no checksum of
// their own that are personal data because of what they are called. Each is looked for right after its name in
// the languages of Candor's customers ("passport number", "Reisepassnummer", "numéro de permis"...); the few
// formats distinctive enough to stand alone (UK DVLA licences, UK and French plates) are also found without it.

const W = '(?<![\\p{L}\\p{N}])';
const WE = '(?![\\p{L}])';

const PASSPORT_CUE = new RegExp(`${W}(?:passport|passports|reisepass(?:nummer)?|passnummer|passnr|pass-nr|passeport|pasaporte|passaporto|paspoort(?:nummer)?|paszport(?:u)?|passaporte)${WE}|パスポート(?:番号)?|旅券番号`, 'giu');
const PASSPORT_VALUE = /(?=[A-Z0-9]{0,8}\d)[A-Z0-9]{6,9}(?![\p{L}\p{N}])/uy;

const LICENCE_CUE = new RegExp(`${W}(?:driving licen[cs]e|driver'?s licen[cs]e|driver licen[cs]e|licen[cs]e|DL|führerschein(?:nummer)?|permis de conduire|permis|carnet de conducir|permiso de conducir|patente(?: di guida)?|rijbewijs(?:nummer)?|prawa? jazdy|körkort(?:snummer)?|cnh|carteira de motorista)${WE}|運転免許証?(?:番号)?`, 'giu');
// Letters, digits and the separators licences are printed with; at least four digits.
const LICENCE_VALUE = /(?=(?:[^\d\n]{0,3}\d){4})[A-Z0-9](?:[A-Z0-9]|[ \-/](?=[A-Z0-9])){5,21}(?![\p{L}\p{N}])/uy;
/** DVLA: surname (5, padded with 9), decade, month (+50 for women), day, year, initials, digit, two check letters. */
const DVLA = /(?<![\p{L}\p{N}])[A-Z9]{5}\d(?:[05][1-9]|[16][0-2])(?:0[1-9]|[12]\d|3[01])\d[A-Z9]{2}\d[A-Z]{2}(?![\p{L}\p{N}])/gu;

const PLATE_CUE = new RegExp(`${W}(?:registration(?: number| no\\.?| plate)?|reg(?: no\\.?|\\. no\\.?)?|number ?plate|licen[cs]e plate|plate|kennzeichen|nummernschild|immatriculation|plaque|matrícula|matricula|targa|kenteken|numer rejestracyjny|rejestracja|registreringsnummer|reg\\.? ?nr|placa(?: do (?:carro|veículo))?)${WE}|(?:車の)?ナンバー`, 'giu');
const PLATE_VALUE = /(?=[^\s]{0,4}\d|[\p{L}\d -]{0,12}\d)(?:[\p{Script=Han}\p{Script=Hiragana}]{1,4} ?)?[A-Z0-9\p{Script=Hiragana}](?:[A-Z0-9\p{Script=Hiragana}]|[ -](?=[A-Z0-9\p{Script=Hiragana}])){3,12}(?![\p{L}\p{N}])/uy;
/** Distinctive on their own: UK current plates (AB12 CDE) and French SIV plates (AB-123-CD). */
const PLATE_ALONE = /(?<![\p{L}\p{N}-])(?:[A-HJ-PR-Y][A-HJ-PR-Y]\d{2} ?[A-HJ-PR-Z]{3}|[A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2})(?![\p{L}\p{N}-])/gu;

const CVV_CUE = new RegExp(`${W}(?:cvc-code|cvv2?|cvc2?|cvn|cid|csc|security code|card verification (?:code|value)|verification code|the \\d digits on the back(?: are)?|prüfnummer|prüfziffer|kartenprüfnummer|sicherheitscode|cryptogramme(?: visuel)?|código de seguridad|código de segurança|codice di sicurezza|cvc-code|beveiligingscode|kod cvv|kod cvc|kod zabezpieczający|säkerhetskod)${WE}|セキュリティコード`, 'giu');
const CVV_VALUE = /\d{3,4}(?![\p{N}])/uy;

function cued(text: string, kind: Hit['kind'], cue: RegExp, value: RegExp): Hit[] {
  return afterCue(text, cue, value).map((c) => ({ kind, start: c.start, end: c.end }));
}

export function detectPassport(text: string, _ctx: DetectContext): Hit[] {
  return cued(text, 'passport', PASSPORT_CUE, PASSPORT_VALUE);
}

export function detectLicence(text: string, _ctx: DetectContext): Hit[] {
  const hits = cued(text, 'licence', LICENCE_CUE, LICENCE_VALUE);
  for (const m of text.matchAll(DVLA)) hits.push({ kind: 'licence', start: m.index, end: m.index + m[0].length });
  return hits;
}

export function detectVehicle(text: string, _ctx: DetectContext): Hit[] {
  // A plate has letters and digits: "registration 2024" is a year.
  const hits = cued(text, 'vehicle', PLATE_CUE, PLATE_VALUE).filter((h) => /\p{L}/u.test(text.slice(h.start, h.end)));
  for (const m of text.matchAll(PLATE_ALONE)) hits.push({ kind: 'vehicle', start: m.index, end: m.index + m[0].length });
  return hits;
}

export function detectCvv(text: string, _ctx: DetectContext): Hit[] {
  return cued(text, 'cvv', CVV_CUE, CVV_VALUE);
}
