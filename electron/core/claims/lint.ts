// Runs every green-claims rule over a claim, as of a review date, in the markets where each rule applies.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { claimLanguage } from './language.ts';
import { isIsoDate } from '../../shared/claims/model.ts';
import type { Claim } from '../../shared/claims/model.ts';
import type { Language } from '../../shared/claims/language.ts';
import type { Finding, Severity } from '../../shared/claims/finding.ts';
import { RULES } from './rules/index.ts';
import type { Rule } from './rule.ts';

export const LINT_DISCLAIMER = 'This is an automated check against green-claims rules (EU Directive 2024/825, the UK CMA Green Claims Code, the US FTC Green Guides), not legal advice.';

export type LintOptions = {
  /** Review date, YYYY-MM-DD; today (UTC) by default. */
  asOf?: string;
  rules?: readonly Rule[];
  /**
   * The language a claim is read in when none is set on it and its statement is too short to tell ("100% recycelt"):
   * the workspace's (its site's), as the site reads it. English when not given.
   */
  language?: Language;
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
export function lintClaim(given: Claim, options: LintOptions = {}): Finding[] {
  const asOf = reviewDate(options.asOf);
  const claim = options.language && !given.language ? { ...given, language: claimLanguage(given, options.language) } : given;
  const rules = options.rules ?? RULES;
  const findings = runRules(claim, rules, asOf);
  if (!ownTitle(claim)) return findings;
  // The title is the page's heading on the site: its words are checked like the statement's. A rule the statement
  // already breaks is reported once.
  const seen = new Set(findings.map((f) => f.rule));
  for (const f of runRules({ ...claim, statement: claim.title, language: claimLanguage(claim) }, rules, asOf)) {
    if (!seen.has(f.rule)) findings.push({ ...f, message: `In the title "${claim.title}": ${f.message}` });
  }
  return findings;
}

function runRules(claim: Claim, rules: readonly Rule[], asOf: string): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const markets = claim.markets.filter((m) => rule.markets.includes(m));
    if (markets.length === 0) continue;
    const f = rule.check({ ...claim, markets }, { asOf });
    if (f) findings.push(f);
  }
  return findings;
}

/** A title with words of its own (not the statement's opening words that stand in when a file gives none). */
function ownTitle(claim: Pick<Claim, 'title' | 'statement'>): boolean {
  const t = claim.title.replace(/…$/, '').trim().toLowerCase();
  return t !== '' && !claim.statement.trim().toLowerCase().startsWith(t);
}

/** Findings for many claims: by claim in the given order, then errors before warnings before info. */
export function lintClaims(claims: readonly Claim[], options: LintOptions = {}): Finding[] {
  const asOf = reviewDate(options.asOf);
  return claims.flatMap((c) => lintClaim(c, { ...options, asOf }).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]));
}

/**
 * Works through many items a batch at a time, for a long job: between batches the event loop turns (so the core
 * answers other requests, and a cancel arrives) and `onProgress` is told how many are done; it may throw (CANCELLED)
 * to stop. A single batch (one claim being edited, a short list) reports nothing.
 */
export async function inBatches<T, R>(items: readonly T[], work: (batch: readonly T[]) => R[], onProgress: (done: number, total: number) => void, batch = 50): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += batch) {
    if (i > 0) {
      await nextTurn();
      onProgress(i, items.length);
    }
    for (const r of work(items.slice(i, i + batch))) out.push(r);
  }
  return out;
}

/** lintClaims a batch at a time (inBatches). Nothing is written. */
export function lintClaimsInBatches(claims: readonly Claim[], options: LintOptions, onProgress: (done: number, total: number) => void, batch = 50): Promise<Finding[]> {
  return inBatches(claims, (b) => lintClaims(b, options), onProgress, batch);
}

export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
