// What the evidence on file can show, as of a review date.
import type { Claim, Evidence } from '../../shared/claims/model.ts';
import { TYPE1_ECOLABELS } from './vocabulary.ts';
import { normalize } from './text.ts';

export function evidenceName(ev: Evidence): string {
  return ev.title || ev.issuer || `${ev.type} without a title`;
}

/** Lowercased title, issuer and covers: what the evidence says it is about. */
export function evidenceText(ev: Evidence): string {
  return normalize([ev.title, ev.issuer ?? '', ...ev.covers].join(' ')).toLowerCase().replace(/[-_/]+/g, ' ');
}

export function isExpired(ev: Evidence, asOf: string): boolean {
  return ev.valid_until !== null && ev.valid_until < asOf;
}

/** In force on the review date: not expired, and not issued after it. */
export function isInForce(ev: Evidence, asOf: string): boolean {
  return !isExpired(ev, asOf) && (ev.issued === null || ev.issued <= asOf);
}

export function isIndependent(ev: Evidence): boolean {
  return ev.independent_third_party === true;
}

/** A certificate from an independent body, in force on the review date. */
export function isValidIndependentCertificate(ev: Evidence, asOf: string): boolean {
  return ev.type === 'certificate' && isIndependent(ev) && isInForce(ev, asOf);
}

/** An EU Ecolabel or ISO 14024 type I certificate in force (whatever it covers). */
export function isEcolabelCertificate(ev: Evidence, claim: Claim, asOf: string): boolean {
  if (!isValidIndependentCertificate(ev, asOf)) return false;
  // The certificate names the scheme, or it is the certificate for the claim's own (type I) label.
  const label = claim.label ? normalize(claim.label).toLowerCase() : '';
  return TYPE1_ECOLABELS.test(evidenceText(ev)) || TYPE1_ECOLABELS.test(label);
}

const WHOLE = /\b(whole|entire|complete|full|all)\b.*\b(product|products|range|item|items|article)\b|^(the )?(product|products|whole product)$/;

function significant(words: string): string[] {
  return normalize(words).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((x) => x.length > 2 && !['the', 'and', 'our', 'for', 'with', 'only', 'range', 'site'].includes(x));
}

/**
 * Whether what a certificate covers is what the claim is about: the whole product covers a product claim and any
 * part of it; a part covers a claim about that part. Nothing recorded means nothing can be shown to match.
 */
export function coversClaim(ev: Evidence, claim: Claim): boolean {
  if (ev.covers.length === 0) return false;
  const covers = ev.covers.map((c) => normalize(c).toLowerCase().trim());
  if (claim.scope === 'company') return covers.some((c) => /\b(company|organi[sz]ation|business|group|all sites|all operations)\b/.test(c));
  if (covers.some((c) => WHOLE.test(c))) return true;
  if (claim.scope === 'part' && claim.scope_detail) {
    const wanted = significant(claim.scope_detail);
    return covers.some((c) => wanted.some((w) => significant(c).some((x) => x === w || x === `${w}s` || `${x}s` === w)));
  }
  return false;
}

/** A qualifying ecolabel (reference, Conventions): a type I ecolabel in force whose covers matches the claim. */
export function qualifyingEcolabel(claim: Claim, asOf: string): Evidence | null {
  return claim.evidence.find((ev) => isEcolabelCertificate(ev, claim, asOf) && coversClaim(ev, claim)) ?? null;
}

/** A type I ecolabel in force that does not cover what the claim is about. */
export function mismatchedEcolabel(claim: Claim, asOf: string): Evidence | null {
  if (qualifyingEcolabel(claim, asOf)) return null;
  return claim.evidence.find((ev) => isEcolabelCertificate(ev, claim, asOf)) ?? null;
}

export function listNames(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
