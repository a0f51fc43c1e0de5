import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { formatResult, readCorpus, scoreCorpus } from './corpus-score.ts';

// The figures of issue 13: recall ≥ 0.99 for every kind with at least 10 examples, ≥ 0.995 overall, precision
// ≥ 0.95 (over all findings, and over the harmless look-alikes). Printed per kind and per country on every run.
const CORPUS = fileURLToPath(new URL('../fixtures/pii/corpus.json', import.meta.url));
const COUNTRIES = ['US', 'GB', 'IE', 'DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'PL', 'SE', 'IN', 'AU', 'CA', 'BR', 'JP'];

describe('personal-data corpus', () => {
  const corpus = readCorpus(CORPUS);
  const result = scoreCorpus(corpus);

  it('holds 600+ messages across the 16 countries, 200+ of them harmless look-alikes', () => {
    expect(result.cases).toBeGreaterThanOrEqual(600);
    expect(result.lookalikes.cases).toBeGreaterThanOrEqual(200);
    const seen = new Set(corpus.cases.filter((c) => c.expect.length > 0).map((c) => c.country));
    expect(COUNTRIES.filter((c) => !seen.has(c))).toEqual([]);
  });

  it('finds the personal data and leaves the look-alikes alone', () => {
    console.log(`\n${formatResult(result)}\n`);
    const misses = result.misses.filter((m) => m.type === 'missed');
    const falses = result.misses.filter((m) => m.type === 'false positive');
    if (misses.length) console.log(`Missed (${misses.length}):\n${misses.map((m) => `  ${m.id} ${m.kind}: ${JSON.stringify(m.text)}`).join('\n')}\n`);
    if (falses.length) console.log(`False positives (${falses.length}):\n${falses.map((m) => `  ${m.id} ${m.kind}: ${JSON.stringify(m.text)}`).join('\n')}\n`);
    for (const k of result.byKind.filter((r) => r.expected >= 10)) expect(k.recall, `${k.key} recall`).toBeGreaterThanOrEqual(0.99);
    expect(result.overall.recall, 'overall recall').toBeGreaterThanOrEqual(0.995);
    expect(result.overall.precision, 'precision over all findings').toBeGreaterThanOrEqual(0.95);
    expect(result.lookalikes.clean / result.lookalikes.cases, 'look-alikes left untouched').toBeGreaterThanOrEqual(0.95);
  });
});
