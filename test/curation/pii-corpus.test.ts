import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { formatScores, scoreCorpus } from './corpus-score.ts';
import { HIGH_CONFIDENCE_KINDS } from '../../electron/core/curation/pii/finding.ts';

const CORPUS = fileURLToPath(new URL('../fixtures/pii/corpus.json', import.meta.url));

describe('personal-data corpus', () => {
  const result = scoreCorpus(CORPUS);

  it('has 100+ true and false cases across countries', () => {
    expect(result.cases).toBeGreaterThanOrEqual(100);
  });

  it('reports precision and recall per kind, at least 0.95 for high-confidence kinds', () => {
    console.log(`\nPersonal-data detection over ${result.cases} corpus cases (test/fixtures/pii/corpus.json)\n${formatScores(result.scores)}\n`);
    if (result.misses.length) console.log(`Misses:\n${result.misses.map((m) => `  ${m.id} ${m.type} ${m.kind}: ${JSON.stringify(m.text)}`).join('\n')}\n`);
    for (const s of result.scores.filter((x) => HIGH_CONFIDENCE_KINDS.includes(x.kind))) {
      expect(s.tp, `${s.kind} has true cases in the corpus`).toBeGreaterThan(0);
      expect(s.precision, `${s.kind} precision`).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, `${s.kind} recall`).toBeGreaterThanOrEqual(0.95);
    }
  });
});
