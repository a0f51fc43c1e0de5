import { getCountries } from 'libphonenumber-js/max';
import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';
import { afterCue } from './text.ts';

// Bank details other than IBANs (iban.ts): UK sort codes and account numbers, US routing numbers (ABA check digit),
// BICs, Indian IFSC codes, Australian BSBs, Canadian transit numbers, Japanese branch and account numbers, and
// national account numbers named as such ("Kontonummer", "rekeningnummer"). All after the words that name them.

const W = '(?<![\\p{L}\\p{N}])';
const WE = '(?![\\p{L}])';
const cue = (words: string) => new RegExp(`${W}(?:${words})${WE}`, 'giu');

const SORT_CODE = cue('sort ?code|sort-code');
const SORT_VALUE = /\d{2}[- ]?\d{2}[- ]?\d{2}(?![\p{N}])/uy;
const ROUTING = cue('routing(?: number| no\\.?| #)?|aba(?: number)?|rtn');
const ROUTING_VALUE = /\d{9}(?![\p{N}])/uy;
const BIC = cue('bic|swift(?:/bic)?|swift code|bic code|bic/swift');
const BIC_VALUE = /[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![\p{L}\p{N}])/uy;
const IFSC = /(?<![\p{L}\p{N}])[A-Z]{4}0[A-Z0-9]{6}(?![\p{L}\p{N}])/gu;
const BSB = cue('bsb');
const BSB_VALUE = /\d{3}-?\d{3}(?![\p{N}])/uy;
const TRANSIT = cue('transit(?: number| no\\.?)?|institution(?: number)?');
const TRANSIT_VALUE = /\d{5}(?:-\d{3})?|\d{3}(?![\p{N}])/uy;
const JP_BANK = /(?:支店番号|口座番号|店番)[\s:：は]*/gu;
const JP_VALUE = /\d{3,8}(?![\p{N}])/uy;
/** Account numbers named as bank accounts, or named "account" where the text also speaks of banks. */
const BANK_ACCOUNT = cue('kontonummer|konto|rekeningnummer|rekening|numéro de compte|compte bancaire|numero de cuenta|número de cuenta|cuenta|numero di conto|conto corrente|numer konta|kontonr|bankkonto|conta|número da conta|a/c(?: no\\.?)?|bank account(?: number| no\\.?)?');
const ACCOUNT_WORD = cue('account(?: number| no\\.?| #)?|acct');
const BANK_CONTEXT = /(?<![\p{L}])(?:sort ?code|routing|bsb|ifsc|transit|bank|iban|bic|swift|direct debit|standing order|refund (?:to|into))(?![\p{L}])/iu;
const ACCOUNT_VALUE = /\d(?:[- ]?\d){5,17}(?![\p{N}])/uy;

// From the max build, as phone.ts and settings.ts: the same country list, and one copy of libphonenumber loaded.
const COUNTRIES = new Set<string>(getCountries());

/** ABA routing number: weights 3 7 1, sum divisible by 10. */
function abaValid(d: string): boolean {
  if (!/^\d{9}$/.test(d)) return false;
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * w[i % 3]!;
  return sum % 10 === 0;
}

function add(hits: Hit[], text: string, cueRe: RegExp, value: RegExp, keep: (v: string) => boolean = () => true): void {
  for (const c of afterCue(text, cueRe, value)) if (keep(text.slice(c.start, c.end))) hits.push({ kind: 'bank', start: c.start, end: c.end });
}

export function detectBank(text: string, _ctx: DetectContext): Hit[] {
  const hits: Hit[] = [];
  add(hits, text, SORT_CODE, SORT_VALUE);
  add(hits, text, ROUTING, ROUTING_VALUE, abaValid);
  add(hits, text, BIC, BIC_VALUE, (v) => COUNTRIES.has(v.slice(4, 6)));
  add(hits, text, BSB, BSB_VALUE);
  add(hits, text, TRANSIT, TRANSIT_VALUE);
  add(hits, text, BANK_ACCOUNT, ACCOUNT_VALUE);
  if (BANK_CONTEXT.test(text)) add(hits, text, ACCOUNT_WORD, ACCOUNT_VALUE);
  if (/[支口店]/u.test(text)) add(hits, text, JP_BANK, JP_VALUE);
  if (/ifsc/iu.test(text)) for (const m of text.matchAll(IFSC)) hits.push({ kind: 'bank', start: m.index, end: m.index + m[0].length });
  return hits;
}
