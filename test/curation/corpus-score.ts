import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { detectText } from '../../electron/core/curation/pii/detect.ts';
import { makeContext } from '../../electron/core/curation/pii/context.ts';
import { compileAccountPattern } from '../../electron/core/curation/pii/account.ts';
import { PII_KINDS, PiiKind } from '../../electron/core/curation/pii/finding.ts';
import type { CountryCode } from 'libphonenumber-js';

const Corpus = z.object({
  workspace: z.object({ companyDomains: z.array(z.string()), companyPostcodes: z.array(z.string()), companyAddresses: z.array(z.string()), accountPatterns: z.array(z.string()) }),
  cases: z.array(z.object({ id: z.string(), country: z.string().length(2), text: z.string(), customer: z.string().optional(), expect: z.array(z.tuple([PiiKind, z.string()])) })),
});

export type KindScore = { kind: PiiKind; tp: number; fp: number; fn: number; precision: number; recall: number };
export type Miss = { id: string; kind: PiiKind; text: string; type: 'false positive' | 'missed' };

/** Scores the detectors against the corpus: a finding counts when kind and exact text match an expected one. */
export function scoreCorpus(file: string): { scores: KindScore[]; misses: Miss[]; cases: number } {
  const corpus = Corpus.parse(JSON.parse(readFileSync(file, 'utf8')));
  const counts = new Map<PiiKind, { tp: number; fp: number; fn: number }>(PII_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Miss[] = [];
  for (const c of corpus.cases) {
    const ctx = makeContext({
      defaultCountry: c.country as CountryCode,
      customerNames: c.customer ? [c.customer] : [],
      accountPatterns: corpus.workspace.accountPatterns.map(compileAccountPattern),
      companyPostcodes: corpus.workspace.companyPostcodes,
      companyAddresses: corpus.workspace.companyAddresses,
      companyDomains: corpus.workspace.companyDomains,
    });
    const found = detectText(c.text, ctx, c.id).map((f) => `${f.kind}\u0000${f.text}`);
    const expected = c.expect.map(([k, t]) => `${k}\u0000${t}`);
    const remaining = [...expected];
    for (const f of found) {
      const kind = f.split('\u0000')[0] as PiiKind;
      const i = remaining.indexOf(f);
      if (i >= 0) {
        remaining.splice(i, 1);
        counts.get(kind)!.tp++;
      } else {
        counts.get(kind)!.fp++;
        misses.push({ id: c.id, kind, text: f.split('\u0000')[1]!, type: 'false positive' });
      }
    }
    for (const r of remaining) {
      const kind = r.split('\u0000')[0] as PiiKind;
      counts.get(kind)!.fn++;
      misses.push({ id: c.id, kind, text: r.split('\u0000')[1]!, type: 'missed' });
    }
  }
  const scores = PII_KINDS.map((kind) => {
    const { tp, fp, fn } = counts.get(kind)!;
    return { kind, tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
  });
  return { scores, misses, cases: corpus.cases.length };
}

export function formatScores(scores: readonly KindScore[]): string {
  const rows = scores.map((s) => `${s.kind.padEnd(9)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}   ${s.precision.toFixed(3)}   ${s.recall.toFixed(3)}`);
  return ['kind        tp   fp   fn   precision  recall', ...rows].join('\n');
}
