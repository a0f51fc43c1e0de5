import type { CountryCode } from 'libphonenumber-js';

/** What the detectors know about the workspace and the thread: built once per thread, shared by every detector. */
export type DetectContext = {
  /** ISO 3166 alpha-2; national phone numbers are read in this country's form. */
  defaultCountry: CountryCode;
  /** The customer's own names from the thread's metadata (full name as stored). */
  customerNames: readonly string[];
  /** Order or account number patterns the workspace sets (already compiled, global + unicode). */
  accountPatterns: readonly RegExp[];
  /** The company's own postcodes (any spacing/case): never flagged. */
  companyPostcodes: readonly string[];
  /** The company's own address lines: never flagged. */
  companyAddresses: readonly string[];
  /** The company's own e-mail domains: role mailboxes there (support@, info@...) are not personal data. */
  companyDomains: readonly string[];
  /** The company's own phone numbers, in any notation: never flagged. */
  companyPhones: readonly string[];
  /** Names the site publishes anyway (staff display names under staffNaming "name"): not flagged in signatures. */
  publicNames: readonly string[];
};

export const EMPTY_CONTEXT: DetectContext = {
  defaultCountry: 'GB',
  customerNames: [],
  accountPatterns: [],
  companyPostcodes: [],
  companyAddresses: [],
  companyDomains: [],
  companyPhones: [],
  publicNames: [],
};

export function makeContext(partial: Partial<DetectContext> = {}): DetectContext {
  return { ...EMPTY_CONTEXT, ...partial };
}
