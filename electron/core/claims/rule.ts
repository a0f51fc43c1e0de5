// The shape of one green-claims rule. Each rule lives in its own file under rules/ with its id, severity and citation
// (public interface: they travel with every finding) and a pure check.
import type { Finding, Severity } from '../../shared/claims/finding.ts';
import type { Language } from '../../shared/claims/language.ts';
import { MARKETS } from '../../shared/claims/model.ts';
import type { Claim, Market } from '../../shared/claims/model.ts';

export type RuleContext = {
  /** Review date, YYYY-MM-DD. */
  asOf: string;
};

/** What a check reports: a sentence for staff, and a fix when the rule's general one can be made concrete. */
export type Hit = string | { message: string; fix?: string };

export type Rule = {
  id: string;
  /** The severity where `severityIn` says nothing. */
  severity: Severity;
  /** Per-market severity where the law differs (banned per se in one market, guidance in another). */
  severityIn: Partial<Record<Market, Severity>>;
  citation: string;
  /** Markets the rule applies in; lint.ts runs it only there, and hands the check only those markets. */
  markets: readonly Market[];
  /**
   * The languages whose wording the rule reads (English plus the statement's language, lexicon.ts). Empty: the rule
   * judges the claim's fields and evidence, whatever the language. Listed in docs/formats/claims.md.
   */
  languages: readonly Language[];
  /** What the rule detects, in one line (for docs and the app). */
  title: string;
  /** The general fix. */
  fix: string;
  check: (claim: Claim, ctx: RuleContext) => Finding | null;
};

export type RuleSpec = Omit<Rule, 'check' | 'markets' | 'severityIn'> & {
  severityIn?: Partial<Record<Market, Severity>>;
  /** Only when the markets differ from those the citation belongs to; say why in `marketsReason`. */
  markets?: readonly Market[];
  marketsReason?: string;
  detect: (claim: Claim, ctx: RuleContext) => Hit | null;
};

/** EU for the Directive/UCPD, UK for the CMA code, US for the FTC Green Guides. */
export function citationMarkets(citation: string): Market[] {
  const out = new Set<Market>();
  if (/\b(EU|UCPD)\b/.test(citation)) out.add('EU');
  if (/\bCMA\b/.test(citation)) out.add('UK');
  if (/\bFTC\b/.test(citation)) out.add('US');
  return MARKETS.filter((m) => out.has(m));
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The most severe of the rule's severities over the markets a claim is sold in (lint.ts passes only the rule's markets). */
export function severityFor(rule: Pick<Rule, 'severity' | 'severityIn'>, markets: readonly Market[]): Severity {
  const all = markets.map((m) => rule.severityIn[m] ?? rule.severity);
  return all.length === 0 ? rule.severity : all.reduce((a, b) => (RANK[b] < RANK[a] ? b : a));
}

export function defineRule(spec: RuleSpec): Rule {
  const markets = spec.markets ?? citationMarkets(spec.citation);
  const severityIn = spec.severityIn ?? {};
  return {
    id: spec.id,
    severity: spec.severity,
    severityIn,
    citation: spec.citation,
    markets,
    languages: spec.languages,
    title: spec.title,
    fix: spec.fix,
    check(claim, ctx) {
      const hit = spec.detect(claim, ctx);
      if (hit === null) return null;
      const h = typeof hit === 'string' ? { message: hit } : hit;
      return { claim: claim.id, rule: spec.id, severity: severityFor({ severity: spec.severity, severityIn }, claim.markets), citation: spec.citation, message: h.message, fix: h.fix ?? spec.fix };
    },
  };
}

/** Quote a statement's words back to staff. */
export function quote(words: string): string {
  return `"${words}"`;
}

/** Directive (EU) 2024/825 applies from this date. */
export const EU_2024_825_FROM = '2026-09-27';

/** Reviews before the Directive applies still flag its rules (claims outlive the date), and say when they bite. */
export function euFrom(ctx: RuleContext): string {
  return ctx.asOf < EU_2024_825_FROM ? ' (This EU rule applies from 27 September 2026.)' : '';
}

export const ALL_MARKETS = MARKETS;
