import type { ThreadKind } from './thread.ts';

// Words customers use when something went wrong. Kept short and specific: "problem" alone is too common in praise
// ("no problem at all"), so phrases that carry the complaint are preferred.
const COMPLAINT_PATTERNS: readonly RegExp[] = [
  /\b(refund|refunded|chargeback)\b/i,
  /\b(broken|damaged|defective|faulty|missing|cracked|leaking|leaks|torn|ripped|scratched|dented|never (arrived|came|received))\b/i,
  /\b(wrong (item|size|colou?r|order|product)|arrived (late|too late)|(still|very) late|delayed again|not as described|poor quality)\b/i,
  /\b(terrible|awful|horrible|worst|disgusting|appalling|unacceptable|useless|rude)\b/i,
  /\b(disappointed|disappointing|frustrated|frustrating|angry|furious|fed up)\b/i,
  /\b(complain|complaint|complaining|scam|ripped off|rip-off)\b/i,
  /\b(still (waiting|not)|no (reply|response) (from|yet)|charged twice|overcharged|cancel my)\b/i,
  /\b(doesn'?t work|does not work|stopped working|not working|won'?t (work|start|charge))\b/i,
];

export function hasComplaintLanguage(text: string): boolean {
  return COMPLAINT_PATTERNS.some((re) => re.test(text));
}

/**
 * The rules from the thread format: a rating decides when there is one (≤ 2 complaint, ≥ 4 praise); otherwise
 * complaint language makes a complaint, a question mark makes a question, and anything else is "other".
 * A star rating outranks words because "not broken at all, love it" is praise.
 */
export function inferKind(input: { rating?: number | null; subject?: string | null; customerText: string }): ThreadKind {
  const { rating } = input;
  const text = `${input.subject ?? ''}\n${input.customerText}`;
  if (rating != null && rating <= 2) return 'complaint';
  if (rating != null && rating >= 4) return 'praise';
  if (hasComplaintLanguage(text)) return 'complaint';
  if (rating == null && text.includes('?')) return 'question';
  return 'other';
}
