// Runs every green-claims rule over a claim, as of a review date, in the markets where each rule applies.
import { isIsoDate } from './model.ts';
import type { Claim } from './model.ts';
import type { Finding, Severity } from './rule.ts';
import { RULES } from './rules/index.ts';
import type { Rule } from './rule.ts';

export const LINT_DISCLAIMER = 'This is an automated check against green-claims rules (EU Directive 2024/825, the UK CMA Green Claims Code, the US FTC Green Guides), not legal advice.';

export type LintOptions = {
  /** Review date, YYYY-MM-DD; today (UTC) by default. */
  asOf?: string;
  rules?: readonly Rule[];
};

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function reviewDate(asOf: string | undefined): string {
  const d = asOf ?? today();
  if (!isIsoDate(d)) throw new RangeError(`"${d}" is not a review date (expected YYYY-MM-DD)`);
  return d;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Findings for one claim. A rule runs only when the claim is sold in one of the rule's markets, and its check sees
 * only those markets (so "exempt in the EU and UK, never in the US" is decided by what is left).
 */
export function lintClaim(claim: Claim, options: LintOptions = {}): Finding[] {
  const asOf = reviewDate(options.asOf);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    const markets = claim.markets.filter((m) => rule.markets.includes(m));
    if (markets.length === 0) continue;
    const f = rule.check({ ...claim, markets }, { asOf });
    if (f) findings.push(f);
  }
  return findings;
}

/** Findings for many claims: by claim in the given order, then errors before warnings before info. */
export function lintClaims(claims: readonly Claim[], options: LintOptions = {}): Finding[] {
  const asOf = reviewDate(options.asOf);
  return claims.flatMap((c) => lintClaim(c, { ...options, asOf }).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]));
}

export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
