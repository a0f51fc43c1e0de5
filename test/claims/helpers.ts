import { describe, expect, it } from 'vitest';
import { Claim } from '../../electron/shared/claims/model.ts';
import type { ClaimInputShape } from '../../electron/shared/claims/model.ts';
import { lintClaim } from '../../electron/core/claims/lint.ts';
import { severityFor } from '../../electron/core/claims/rule.ts';
import type { Rule } from '../../electron/core/claims/rule.ts';

export const AS_OF = '2026-10-01';

export type Fields = Partial<Omit<ClaimInputShape, 'statement'>>;

/** A claim sold everywhere, about a whole product, with no evidence unless given. */
export function claim(statement: string, fields: Fields = {}): Claim {
  return Claim.parse({ id: 'T-1', markets: ['EU', 'UK', 'US'], category: 'generic', scope: 'product', ...fields, statement });
}

type EvidenceShape = NonNullable<ClaimInputShape['evidence']>[number];

/** An independent certificate in force on AS_OF. */
export function cert(over: Partial<EvidenceShape> = {}): EvidenceShape {
  return { type: 'certificate', issuer: 'Independent Certification Ltd', independent_third_party: true, valid_until: '2028-12-31', ...over };
}

export function inHouse(over: Partial<EvidenceShape> = {}): EvidenceShape {
  return { type: 'report', issuer: 'Internal sustainability team', independent_third_party: false, ...over };
}

export type Case = { name: string; statement: string; fields?: Fields; fires: boolean; asOf?: string; message?: RegExp };

/** Runs the rule through lint (so its markets apply) and returns its finding, if any. */
export function check(rule: Rule, c: Claim, asOf = AS_OF) {
  return lintClaim(c, { asOf, rules: [rule] })[0] ?? null;
}

/** Table-driven: each case must fire or must not fire; a finding carries the rule's id, severity and citation. */
export function ruleTable(rule: Rule, cases: readonly Case[]): void {
  describe(rule.id, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const f = check(rule, claim(c.statement, c.fields), c.asOf);
      if (!c.fires) {
        expect(f, f?.message).toBeNull();
        return;
      }
      expect(f).not.toBeNull();
      expect(f!.rule).toBe(rule.id);
      expect(f!.severity).toBe(severityFor(rule, claim(c.statement, c.fields).markets.filter((m) => rule.markets.includes(m))));
      expect(f!.citation).toBe(rule.citation);
      expect(f!.message.length).toBeGreaterThan(20);
      expect(f!.fix.length).toBeGreaterThan(10);
      if (c.message) expect(f!.message).toMatch(c.message);
    });
  });
}

export type LanguageCase = { lang: 'de' | 'fr' | 'nl' | 'es' | 'it'; statement: string; fields?: Fields; fires: boolean };

/**
 * One positive and one negative case per language for a rule that reads wording. Each runs twice: with the claim's
 * language set, and with it left to detection, so a term list is only credited when a user would get the finding.
 */
export function languageTable(rule: Rule, cases: readonly LanguageCase[]): void {
  const langs = new Set(cases.map((c) => c.lang));
  for (const l of ['de', 'fr', 'nl', 'es', 'it'] as const) {
    if (!langs.has(l) || !cases.some((c) => c.lang === l && c.fires) || !cases.some((c) => c.lang === l && !c.fires)) {
      throw new Error(`${rule.id}: needs a positive and a negative case in ${l}`);
    }
  }
  ruleTable(rule, cases.flatMap((c) => [true, false].map((set) => ({
    name: `${c.lang}${set ? '' : ' (detected)'}: ${c.fires ? 'fires on' : 'leaves'} "${c.statement}"`,
    statement: c.statement,
    fields: { ...c.fields, language: set ? c.lang : null },
    fires: c.fires,
  }))));
}
