// Scores the linter against labelled claims: micro precision/recall/F1 over (claim, rule) pairs, and case accuracy
// ("an error-level finding exactly on the cases the regulator upheld"). Used by real-cases.test.ts and printable with
// `node_modules/.bin/node test/claims/print-scores.ts`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { lintClaim } from '../../electron/core/claims/lint.ts';
import { Claim } from '../../electron/shared/claims/model.ts';

export const AS_OF = '2026-10-01';

/** Rules that judge only the evidence on file: not scored where the decision does not say what evidence was held. */
export const EVIDENCE_RULES = new Set(['GC-NO-EVIDENCE', 'GC-EVIDENCE-SELF-ONLY', 'GC-EVIDENCE-EXPIRED', 'GC-OFFSET-VERIFY', 'GC-FUTURE-NO-VERIFIER', 'GC-LABEL-NO-SCHEME']);

const RealCase = z.object({
  id: z.string(),
  authority: z.string(),
  date: z.string(),
  source: z.string().min(1),
  outcome: z.enum(['upheld', 'acceptable']),
  language: z.string(),
  statement: z.string(),
  fields: z.record(z.string(), z.unknown()),
  expected_rules: z.array(z.string()),
  finding: z.string().min(1),
  evidence_on_record: z.boolean(),
});
export type RealCase = z.infer<typeof RealCase>;

const Example = z.object({ id: z.string(), statement: z.string(), fields: z.record(z.string(), z.unknown()), expected_rules: z.array(z.string()) });

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/claims', name), 'utf8'));
}

export function realCases(): RealCase[] {
  return z.array(RealCase).parse(fixture('real-cases.json'));
}

export type Scored = { id: string; expected: string[]; predicted: string[]; blocked: boolean; shouldBlock: boolean };
export type Scores = { cases: number; tp: number; fp: number; fn: number; precision: number; recall: number; f1: number; caseAccuracy: number; scored: Scored[] };

function summarise(scored: Scored[]): Scores {
  let tp = 0, fp = 0, fn = 0;
  for (const s of scored) {
    for (const r of s.predicted) {
      if (s.expected.includes(r)) tp++;
      else fp++;
    }
    for (const r of s.expected) if (!s.predicted.includes(r)) fn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const caseAccuracy = scored.filter((s) => s.blocked === s.shouldBlock).length / scored.length;
  return { cases: scored.length, tp, fp, fn, precision, recall, f1, caseAccuracy, scored };
}

/** Builds the claim, passing the case's language when the claim model knows the field. */
function toClaim(id: string, statement: string, fields: Record<string, unknown>, language?: string): Claim {
  // Languages Candor has term lists for are set on the claim; others (Swedish) are left to detection.
  const withLanguage = language && 'language' in Claim.in.shape && ['en', 'de', 'fr', 'nl', 'es', 'it'].includes(language) ? { language } : {};
  return Claim.parse({ id, statement, ...fields, ...withLanguage });
}

/** Real decisions: info never counts; warnings and errors are predictions; an error means "the regulator would object". */
export function scoreRealCases(cases: readonly RealCase[] = realCases()): Scores {
  return summarise(cases.map((c) => {
    const keep = (rule: string) => c.evidence_on_record || !EVIDENCE_RULES.has(rule);
    const findings = lintClaim(toClaim(c.id, c.statement, c.fields, c.language), { asOf: AS_OF }).filter((f) => f.severity !== 'info' && keep(f.rule));
    return {
      id: c.id,
      expected: c.expected_rules.filter(keep),
      predicted: [...new Set(findings.map((f) => f.rule))],
      blocked: findings.some((f) => f.severity === 'error'),
      shouldBlock: c.outcome === 'upheld',
    };
  }));
}

/** The reviewed examples: every finding counts (their labels include info), and a claim should be blocked when an expected rule is an error for it. */
export function scoreExamples(): Scores {
  const examples = z.array(Example).parse(fixture('examples.json'));
  return summarise(examples.map((e) => {
    const findings = lintClaim(toClaim(e.id, e.statement, e.fields), { asOf: AS_OF });
    const errorRules = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule));
    return {
      id: e.id,
      expected: e.expected_rules,
      predicted: [...new Set(findings.map((f) => f.rule))],
      blocked: errorRules.size > 0,
      shouldBlock: e.expected_rules.some((r) => errorRules.has(r)) || (errorRules.size > 0 && e.expected_rules.every((r) => errorRules.has(r) || findings.some((f) => f.rule === r))),
    };
  }));
}

export function formatScores(name: string, s: Scores): string {
  const pct = (x: number) => x.toFixed(3);
  return `${name}: ${s.cases} cases, P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)} (tp ${s.tp} fp ${s.fp} fn ${s.fn}), case accuracy ${pct(s.caseAccuracy)}`;
}

export function misses(s: Scores): string[] {
  return s.scored.filter((x) => x.blocked !== x.shouldBlock || [...x.expected].sort().join() !== [...x.predicted].sort().join()).map((x) =>
    `${x.id}: expected [${[...x.expected].sort().join(', ')}] got [${[...x.predicted].sort().join(', ')}]${x.blocked !== x.shouldBlock ? (x.shouldBlock ? ' MISSED UPHELD' : ' BLOCKS ACCEPTABLE') : ''}`);
}
