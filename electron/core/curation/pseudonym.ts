import { z } from 'zod';
import type { MessageRole } from '../model/thread.ts';
import { detectAddress, detectPostcode } from './pii/address.ts';
import { EMPTY_CONTEXT } from './pii/context.ts';
import { fold } from './pii/text.ts';
import { memoize } from '../memo.ts';

export const CUSTOMER_PSEUDONYMS = ['location', 'initial', 'anonymous'] as const;
export const CustomerPseudonymPolicy = z.enum(CUSTOMER_PSEUDONYMS);
export type CustomerPseudonymPolicy = z.infer<typeof CustomerPseudonymPolicy>;
export const STAFF_NAMINGS = ['name', 'role'] as const;
export const StaffNamingPolicy = z.enum(STAFF_NAMINGS);
export type StaffNamingPolicy = z.infer<typeof StaffNamingPolicy>;

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
 * Only the town of a stored location is shown: street lines, postcodes and anything with digits are dropped, so
 * "12 High St, Leeds LS1 4AP" becomes "Leeds". A location that mentions the customer's name is not shown at all.
 */
export function publicTown(location: string | undefined | null, customerName?: string | null): string | null {
  if (!location) return null;
  const town = townOf(location);
  if (!town) return null;
  if (customerName) {
    const f = fold(town);
    if (customerName.split(/\s+/).some((n) => n.length > 1 && f.includes(fold(n)))) return null;
  }
  return town.slice(0, 60);
}

/** Towns repeat across thousands of threads (a site build asks for each one): each location is worked out once. */
const townOf = memoize((location: string): string | null => {
  let text = location;
  const spans = [...detectAddress(text, EMPTY_CONTEXT), ...detectPostcode(text, EMPTY_CONTEXT)].sort((a, b) => b.start - a.start);
  for (const s of spans) text = text.slice(0, s.start) + text.slice(s.end);
  const parts = text.split(/[,;\n]/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 1 && !/\d/.test(p) && !p.includes('@'));
  return parts[0] ?? null;
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
