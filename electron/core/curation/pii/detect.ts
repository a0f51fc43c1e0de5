import type { DetectContext } from './context.ts';
import { toFinding } from './finding-id.ts';
import type { Finding, Hit, PiiKind } from '../../../shared/curation/pii-finding.ts';
import { detectEmail } from './email.ts';
import { detectPhone } from './phone.ts';
import { detectCard } from './card.ts';
import { detectIban } from './iban.ts';
import { detectBank } from './bank.ts';
import { detectIp } from './ip.ts';
import { detectAddress, streetHits } from './address.ts';
import { detectPostcode } from './postcode.ts';
import { detectUrl } from './url.ts';
import { detectAccount } from './account.ts';
import { detectName } from './name.ts';
import { detectPeople } from './people.ts';
import { detectNationalId } from './national-id.ts';
import { detectBirthdate } from './birthdate.ts';
import { detectCvv, detectLicence, detectPassport, detectVehicle } from './documents.ts';
import { escapeRegExp, fold, foldWithMap } from './text.ts';

type Detector = (text: string, ctx: DetectContext) => Hit[];

/** Every detector by the kind it finds; each is a small pure function of the text and the thread's context. */
export const DETECTORS: Record<PiiKind, Detector> = {
  email: detectEmail,
  phone: detectPhone,
  card: detectCard,
  cvv: detectCvv,
  iban: detectIban,
  bank: detectBank,
  ip: detectIp,
  name: (text, ctx) => [...detectName(text, ctx), ...detectPeople(text, ctx)],
  account: detectAccount,
  url: detectUrl,
  address: (text, ctx) => detectAddress(text, ctx, detectPostcode(text, ctx, streetHits(text))),
  postcode: (text, ctx) => detectPostcode(text, ctx, streetHits(text)),
  'national-id': detectNationalId,
  passport: detectPassport,
  licence: detectLicence,
  birthdate: detectBirthdate,
  vehicle: detectVehicle,
};

/** When two findings overlap, the more specific one wins; a finding inside a better one is dropped. */
const PRIORITY: readonly PiiKind[] = ['email', 'card', 'iban', 'national-id', 'bank', 'cvv', 'ip', 'passport', 'licence', 'vehicle', 'birthdate', 'account', 'phone', 'name', 'url', 'address', 'postcode'];
/** Digits the workspace or a cue word says are an order or account number are not also a phone, card or postcode. */
const SHADOWED_BY_ACCOUNT: ReadonlySet<PiiKind> = new Set(['phone', 'card', 'postcode']);

function normalisePostcode(s: string): string {
  return s.replace(/[\s-]/g, '').toUpperCase();
}

function companySpans(text: string, ctx: DetectContext): [number, number][] {
  if (ctx.companyAddresses.length === 0) return [];
  const spans: [number, number][] = [];
  const { folded, map } = foldWithMap(text);
  for (const address of ctx.companyAddresses) {
    const tokens = fold(address).split(/[\s,]+/).filter(Boolean);
    if (tokens.length === 0) continue;
    const re = new RegExp(tokens.map(escapeRegExp).join('[\\s,]+'), 'gu');
    for (const m of folded.matchAll(re)) spans.push([map[m.index]!, map[m.index + m[0].length]!]);
  }
  return spans;
}

/** Every detector's hits on one text; streets and postcodes are worked out once and shared. */
function allHits(text: string, ctx: DetectContext): Hit[] {
  const raw: Hit[] = [];
  for (const kind of PRIORITY) {
    if (kind === 'address' || kind === 'postcode') continue;
    raw.push(...DETECTORS[kind](text, ctx));
  }
  const streets = streetHits(text);
  const postcodes = detectPostcode(text, ctx, streets);
  raw.push(...detectAddress(text, ctx, postcodes), ...postcodes);
  return raw;
}

/** Runs every detector over one text and returns non-overlapping-by-containment findings in text order. */
export function detectText(text: string, ctx: DetectContext, location: string): Finding[] {
  if (!text) return [];
  const raw = allHits(text, ctx);
  const accounts = raw.filter((h) => h.kind === 'account');
  const company = companySpans(text, ctx);
  const companyPostcodes = new Set(ctx.companyPostcodes.map(normalisePostcode));
  const candidates = raw.filter((h) => {
    if (h.end <= h.start) return false;
    if (SHADOWED_BY_ACCOUNT.has(h.kind) && accounts.some((a) => a.start < h.end && h.start < a.end)) return false;
    if (h.kind === 'postcode' || h.kind === 'address') {
      if (h.kind === 'postcode' && companyPostcodes.has(normalisePostcode(text.slice(h.start, h.end)))) return false;
      if (company.some(([s, e]) => s <= h.start && h.end <= e)) return false;
    }
    return true;
  });
  const rank = (h: Hit) => PRIORITY.indexOf(h.kind);
  candidates.sort((a, b) => rank(a) - rank(b) || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of candidates) {
    if (kept.some((k) => k.start <= h.start && h.end <= k.end)) continue;
    // Same span, different kind: the first (more specific) kind already holds it.
    kept.push(h);
  }
  // A wider lower-priority finding (a URL around an e-mail) is kept too: redaction takes the union.
  return kept.sort((a, b) => a.start - b.start || b.end - a.end).map((h) => toFinding(h, text, location));
}
