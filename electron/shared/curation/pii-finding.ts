import { z } from 'zod';

// Every detector speaks this vocabulary; the store, the CLI and the site read it back.
export const PII_KINDS = ['email', 'phone', 'card', 'cvv', 'iban', 'bank', 'ip', 'name', 'account', 'url', 'address', 'postcode', 'national-id', 'passport', 'licence', 'birthdate', 'vehicle'] as const;
export const PiiKind = z.enum(PII_KINDS);
export type PiiKind = z.infer<typeof PiiKind>;

/**
 * Kinds a detector is sure of by default (a checksum, a cue word, the customer's own name). Every finding is removed
 * when a thread is published, whatever its confidence (personal data fails closed); a curator keeping a
 * high-confidence one must say why. A detector lowers a hit's confidence when it only looks like personal data.
 */
export const HIGH_CONFIDENCE_KINDS: readonly PiiKind[] = ['email', 'phone', 'card', 'cvv', 'iban', 'bank', 'ip', 'name', 'national-id', 'passport', 'licence', 'birthdate', 'vehicle'];

export const Confidence = z.enum(['high', 'low']);
export type Confidence = z.infer<typeof Confidence>;

export const Finding = z.object({
  id: z.string(),
  kind: PiiKind,
  /** Offsets in UTF-16 code units (JavaScript string indices), end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  confidence: Confidence,
});
export type Finding = z.infer<typeof Finding>;

// Pure (no Node imports): the contract and the renderer share these schemas.

/** A detector's raw hit, before it is given an id and a place; confidence defaults to the kind's. */
export type Hit = { kind: PiiKind; start: number; end: number; confidence?: Confidence };

export function confidenceOf(kind: PiiKind): Confidence {
  return HIGH_CONFIDENCE_KINDS.includes(kind) ? 'high' : 'low';
}

/** Placeholder shown instead of the removed text. */
export const PLACEHOLDER: Record<PiiKind | 'manual', string> = {
  email: '[email removed]',
  phone: '[phone removed]',
  card: '[card number removed]',
  cvv: '[card security code removed]',
  iban: '[bank account removed]',
  bank: '[bank details removed]',
  ip: '[IP address removed]',
  name: '[name removed]',
  account: '[account number removed]',
  url: '[link removed]',
  address: '[address removed]',
  postcode: '[postcode removed]',
  'national-id': '[ID number removed]',
  passport: '[passport number removed]',
  licence: '[licence number removed]',
  birthdate: '[date of birth removed]',
  vehicle: '[registration removed]',
  manual: '[removed]',
};
