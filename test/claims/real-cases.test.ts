// The linter against real decisions (test/fixtures/claims/real-cases.json, see SOURCES.md there) and the reviewed
// examples. Prints the figures; fails below F1 0.85 and case accuracy 0.85 on real cases, and below 1.0 on examples.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../electron/core/claims/rules/index.ts';
import { formatScores, misses, realCases, scoreExamples, scoreRealCases } from './corpus-score.ts';

describe('claims corpus', () => {
  const cases = realCases();

  it('holds at least 60 real decisions, 12 found acceptable, 5 not in English, each with a source and a finding', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => c.outcome === 'acceptable').length).toBeGreaterThanOrEqual(12);
    expect(cases.filter((c) => c.language !== 'en').length).toBeGreaterThanOrEqual(5);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.source, c.id).toMatch(/^https?:\/\//);
      if (c.outcome === 'acceptable') expect(c.expected_rules, c.id).toEqual([]);
      else expect(c.expected_rules.length, c.id).toBeGreaterThan(0);
    }
  });

  it('expects only rules that exist', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const c of cases) for (const r of c.expected_rules) expect(ids.has(r), `${c.id}: ${r}`).toBe(true);
  });

  it('agrees with regulators: F1 >= 0.85 and case accuracy >= 0.85', () => {
    const s = scoreRealCases(cases);
    console.log(formatScores('real decisions', s));
    for (const line of misses(s)) console.log(`  ${line}`);
    expect(s.f1).toBeGreaterThanOrEqual(0.85);
    expect(s.caseAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('scores 1.0 on the reviewed examples', () => {
    const s = scoreExamples();
    console.log(formatScores('claims-examples', s));
    expect(s.f1).toBe(1);
    expect(s.caseAccuracy).toBe(1);
  });
});
