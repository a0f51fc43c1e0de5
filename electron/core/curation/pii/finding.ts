import { z } from 'zod';

// Every detector speaks this vocabulary; the store, the CLI and the site read it back.
export const PII_KINDS = ['email', 'phone', 'card', 'iban', 'ip', 'name', 'account', 'url', 'address', 'postcode'] as const;
export const PiiKind = z.enum(PII_KINDS);
export type PiiKind = z.infer<typeof PiiKind>;

/** Kinds replaced automatically when a thread is published (unless a curator keeps them, with a reason). */
export const HIGH_CONFIDENCE_KINDS: readonly PiiKind[] = ['email', 'phone', 'card', 'iban', 'ip', 'name'];

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

/** A detector's raw hit, before it is given an id and a place. */
export type Hit = { kind: PiiKind; start: number; end: number };

export function confidenceOf(kind: PiiKind): Confidence {
  return HIGH_CONFIDENCE_KINDS.includes(kind) ? 'high' : 'low';
}

/** Placeholder shown instead of the removed text. */
export const PLACEHOLDER: Record<PiiKind | 'manual', string> = {
  email: '[email removed]',
  phone: '[phone removed]',
  card: '[card number removed]',
  iban: '[bank account removed]',
  ip: '[IP address removed]',
  name: '[name removed]',
  account: '[account number removed]',
  url: '[link removed]',
  address: '[address removed]',
  postcode: '[postcode removed]',
  manual: '[removed]',
};
