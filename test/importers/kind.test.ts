import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inferKind, kindFromLanguage } from '../../electron/core/model/infer-kind.ts';
import type { KindEvidence } from '../../electron/core/model/infer-kind.ts';
import type { ThreadKind } from '../../electron/shared/model/thread.ts';

// Kind inference (issue 14.7): the evidence is taken in order (a rating, then a satisfaction verdict, then the
// vendor's type or tags, then language). The language rules are measured on 212 messages written for this (labelled
// by hand, fixtures/kind-labelled.tsv); the real corpus's labelled threads are measured in real-corpus.test.ts. Both
// print their accuracy.

const rows = readFileSync(join(import.meta.dirname, 'fixtures/kind-labelled.tsv'), 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [kind, text] = l.split('\t') as [ThreadKind, string];
    return { kind, text };
  });

const confusion = new Map<string, number>();
let right = 0;
for (const r of rows) {
  const got = inferKind({ customerText: r.text });
  if (got === r.kind) right++;
  else confusion.set(`${r.kind} → ${got}`, (confusion.get(`${r.kind} → ${got}`) ?? 0) + 1);
}

afterAll(() => {
  const wrong = [...confusion].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`).join(', ');
  console.log(`kind inferred from language on the labelled set: ${right} of ${rows.length} right (${Math.round((100 * right) / rows.length)}%)${wrong ? `; mistakes: ${wrong}` : ''}`);
});

describe('kind inference', () => {
  it('the labelled set has at least 200 messages of every kind', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['complaint', 'praise', 'question', 'suggestion', 'other']));
  });

  it('reads the kind from language on at least 85% of the labelled set, and on the issue\'s examples', () => {
    expect(right / rows.length).toBeGreaterThanOrEqual(0.85);
    expect(kindFromLanguage('Mattress sagging after 3 months')).toBe('complaint');
    expect(kindFromLanguage('Love the new pillow')).toBe('praise');
  });

  it.each([
    [{ rating: 5, satisfaction: 'bad', customerText: 'broken' }, 'praise', 'stars first'],
    [{ satisfaction: 'bad', customerText: 'Thanks, great' }, 'complaint', 'a bad satisfaction verdict'],
    [{ satisfaction: 'good', customerText: 'It was broken' }, 'praise', 'a good verdict'],
    [{ vendorType: 'question', customerText: 'The strap broke' }, 'question', "the vendor's type"],
    [{ vendorType: 'problem', customerText: 'Hello' }, 'complaint', 'Zendesk problem'],
    [{ vendorType: 'Feature Request', customerText: 'Hi' }, 'suggestion', 'Freshdesk type'],
    [{ vendorType: 'task', tags: ['kudos'], customerText: 'Hi' }, 'praise', 'a tag when the type says nothing'],
    [{ customerText: 'Not great, the lid is loose' }, 'complaint', 'negated praise'],
  ] as [KindEvidence, ThreadKind, string][])('%j → %s (%s)', (input, expected) => expect(inferKind(input)).toBe(expected));
});
