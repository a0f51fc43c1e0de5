import { describe, expect, it } from 'vitest';
import { blockingFindings, countBySeverity, LINT_DISCLAIMER, lintClaim, lintClaims } from '../../electron/core/claims/lint.ts';
import { citationMarkets } from '../../electron/core/claims/rule.ts';
import { RULES } from '../../electron/core/claims/rules/index.ts';
import { AS_OF, cert, claim } from './helpers.ts';

describe('the rule set', () => {
  it('has the 30 rules of the reference and the 5 gap rules of issue 17, each with id, severity, citation, markets, title and fix', () => {
    expect(RULES).toHaveLength(35);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(35);
    for (const r of RULES) {
      expect(r.id).toMatch(/^GC-[A-Z0-9-]+$/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.citation.length).toBeGreaterThan(5);
      expect(r.markets.length).toBeGreaterThan(0);
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.fix.length).toBeGreaterThan(10);
    }
  });

  it('maps citations to markets', () => {
    expect(citationMarkets('EU Annex I 4c')).toEqual(['EU']);
    expect(citationMarkets('CMA P3; FTC §260.5')).toEqual(['UK', 'US']);
    expect(citationMarkets('UCPD Art 6(2)(d); CMA P2')).toEqual(['EU', 'UK']);
  });

  it('keeps market-specific rules to their markets', () => {
    const byId = Object.fromEntries(RULES.map((r) => [r.id, r.markets]));
    expect(byId['GC-OFFSET-PRODUCT-NEUTRAL']).toEqual(['EU']);
    expect(byId['GC-OFFSET-UNDISCLOSED']).toEqual(['UK', 'US']);
    expect(byId['GC-SEAL-NO-BASIS']).toEqual(['US']);
    expect(byId['GC-FUTURE-NO-VERIFIER']).toEqual(['EU']);
    expect(byId['GC-GENERIC-BROAD']).toEqual(['EU', 'UK', 'US']);
    expect(byId['GC-FUTURE-NO-PLAN']).toEqual(['EU', 'UK', 'US']);
  });
});

describe('lintClaim', () => {
  it('runs a rule only in its markets', () => {
    const carbon = (markets: ('EU' | 'UK' | 'US')[]) => claim('Our coffee is carbon neutral.', { markets, uses_offsets: true, evidence: [cert({ issuer: 'Verra registry' })] });
    expect(lintClaim(carbon(['EU']), { asOf: AS_OF }).map((f) => f.rule)).toEqual(['GC-OFFSET-PRODUCT-NEUTRAL']);
    expect(lintClaim(carbon(['UK']), { asOf: AS_OF }).map((f) => f.rule)).toEqual(['GC-OFFSET-UNDISCLOSED']);
    expect(lintClaim(carbon(['EU', 'US']), { asOf: AS_OF }).map((f) => f.rule).sort()).toEqual(['GC-OFFSET-PRODUCT-NEUTRAL', 'GC-OFFSET-UNDISCLOSED']);
  });

  it('computes findings as of the review date', () => {
    const c = claim('FSC-certified oak.', { label: 'FSC', evidence: [cert({ valid_until: '2026-03-31' })] });
    expect(lintClaim(c, { asOf: '2026-03-01' })).toEqual([]);
    expect(lintClaim(c, { asOf: '2026-04-01' }).map((f) => f.rule).sort()).toEqual(['GC-EVIDENCE-EXPIRED', 'GC-LABEL-NO-SCHEME']);
  });

  it('defaults the review date to today and rejects a bad one', () => {
    const c = claim('FSC-certified oak.', { label: 'FSC', evidence: [cert({ valid_until: '2000-01-01' })] });
    expect(lintClaim(c).map((f) => f.rule)).toContain('GC-EVIDENCE-EXPIRED');
    expect(() => lintClaim(c, { asOf: '2026-02-30' })).toThrow(/review date/);
  });

  it('returns nothing for a well-made claim', () => {
    const c = claim('Our shampoo bottle is made from 100% recycled plastic (cap not included).', {
      scope: 'part', scope_detail: 'bottle', category: 'recycled_content', unit: '%', current_value: 100,
      evidence: [cert({ type: 'audit', issuer: 'SGS recycled-content audit' })],
    });
    expect(lintClaim(c, { asOf: AS_OF })).toEqual([]);
  });

  it('checks the title like the statement: its words are the heading of the public page', () => {
    const fields = {
      scope: 'part' as const, scope_detail: 'bottle', category: 'recycled_content' as const, unit: '%', current_value: 100,
      evidence: [cert({ type: 'audit', issuer: 'SGS recycled-content audit' })],
    };
    const statement = 'Our shampoo bottle is made from 100% recycled plastic (cap not included).';
    // A title in the statement's own words (or none, when the statement's opening stands in) adds nothing.
    expect(lintClaim(claim(statement, { ...fields, title: 'Our shampoo bottle is made from 100% recycled' }), { asOf: AS_OF })).toEqual([]);
    expect(lintClaim(claim(statement, { ...fields, title: 'Shampoo bottle: 100% recycled plastic' }), { asOf: AS_OF })).toEqual([]);
    const f = lintClaim(claim(statement, { ...fields, title: 'Eco-friendly shampoo' }), { asOf: AS_OF });
    expect(f.map((x) => [x.rule, x.severity])).toContainEqual(['GC-GENERIC-TERM', 'error']);
    expect(f.find((x) => x.rule === 'GC-GENERIC-TERM')!.message).toMatch(/^In the title "Eco-friendly shampoo": /);
    expect(blockingFindings(f).length).toBeGreaterThan(0);
    // A rule the statement already breaks is reported once, for the statement.
    const both = lintClaim(claim('Eco-friendly shampoo for everyone.', { title: 'Eco-friendly shampoo range' }), { asOf: AS_OF });
    expect(both.filter((x) => x.rule === 'GC-GENERIC-TERM')).toHaveLength(1);
    expect(both.find((x) => x.rule === 'GC-GENERIC-TERM')!.message).not.toMatch(/In the title/);
  });
});

describe('lintClaims', () => {
  it('orders errors before warnings before info, claim by claim, and counts them', () => {
    const a = claim('Now with 50% less plastic, eco-friendly too.', { evidence: [{ type: 'report', issuer: 'Internal', independent_third_party: false }] });
    const b = { ...claim('Biodegradable bags.'), id: 'T-2' };
    const all = lintClaims([a, b], { asOf: AS_OF });
    expect(all.map((f) => f.claim)).toEqual([...all.map((f) => f.claim)].sort());
    const firstClaim = all.filter((f) => f.claim === 'T-1').map((f) => f.severity);
    expect(firstClaim).toEqual([...firstClaim].sort((x, y) => ['error', 'warning', 'info'].indexOf(x) - ['error', 'warning', 'info'].indexOf(y)));
    expect(blockingFindings(all).every((f) => f.severity === 'error')).toBe(true);
    const counts = countBySeverity(all);
    expect(counts.error + counts.warning + counts.info).toBe(all.length);
  });

  it('says it is not legal advice', () => {
    expect(LINT_DISCLAIMER).toMatch(/not legal advice/);
  });
});
