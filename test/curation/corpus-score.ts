import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { detectText } from '../../electron/core/curation/pii/detect.ts';
import { makeContext } from '../../electron/core/curation/pii/context.ts';
import type { DetectContext } from '../../electron/core/curation/pii/context.ts';
import { compileAccountPattern } from '../../electron/core/curation/pii/account.ts';
import type { CountryCode } from 'libphonenumber-js';

// Scores the detectors on the labelled corpus the way a reader of the site would: an expected piece of personal
// data is recalled when every letter and digit of it is covered by some finding (whatever kind the finding has:
// what matters is that it does not reach the site); a finding is a true positive when at least half of its
// letters and digits lie inside expected pieces (so a finding that swallows the sentence around it is not).

const Case = z.object({
  id: z.string(),
  country: z.string().length(2),
  defaultCountry: z.string().length(2).optional(),
  role: z.enum(['customer', 'staff']).optional(),
  customer: z.string().optional(),
  staff: z.array(z.string()).optional(),
  source: z.string(),
  lookalike: z.boolean().optional(),
  text: z.string(),
  expect: z.array(z.tuple([z.string(), z.string()])),
});
export type CorpusCase = z.infer<typeof Case>;
const Corpus = z.object({
  workspace: z.object({ companyDomains: z.array(z.string()), companyPostcodes: z.array(z.string()), companyAddresses: z.array(z.string()), companyPhones: z.array(z.string()), accountPatterns: z.array(z.string()) }),
  cases: z.array(Case),
});
export type Corpus = z.infer<typeof Corpus>;

export type Tally = { expected: number; recalled: number; kindMatched: number; findings: number; falsePositives: number };
export type Row = Tally & { key: string; recall: number; precision: number };
export type Miss = { id: string; kind: string; text: string; type: 'missed' | 'false positive' };
export type Result = { cases: number; lookalikes: { cases: number; clean: number }; overall: Row; byKind: Row[]; byCountry: Row[]; misses: Miss[] };

type Found = { kind: string; start: number; end: number };
export type Detect = (c: CorpusCase, workspace: Corpus['workspace']) => Found[];

export function readCorpus(file: string): Corpus {
  return Corpus.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The detectors as the app runs them on one message of a thread with this customer and these staff. */
export const detectCase: Detect = (c, workspace) => {
  const ctx: DetectContext = makeContext({
    defaultCountry: (c.defaultCountry ?? c.country) as CountryCode,
    customerNames: c.customer ? [c.customer] : [],
    accountPatterns: workspace.accountPatterns.map(compileAccountPattern),
    companyPostcodes: workspace.companyPostcodes,
    companyAddresses: workspace.companyAddresses,
    companyDomains: workspace.companyDomains,
    ...({ companyPhones: workspace.companyPhones, publicNames: c.staff ?? [] } as Partial<DetectContext>),
  });
  return detectText(c.text, ctx, c.id);
};

const ALNUM = /[\p{L}\p{N}]/u;
/** Letters and digits of scripts that put spaces between words (not Japanese or Chinese). */
const ALNUM_LATIN = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]/u;

function empty(): Tally {
  return { expected: 0, recalled: 0, kindMatched: 0, findings: 0, falsePositives: 0 };
}

function row(key: string, t: Tally): Row {
  return { key, ...t, recall: t.expected === 0 ? 1 : t.recalled / t.expected, precision: t.findings === 0 ? 1 : (t.findings - t.falsePositives) / t.findings };
}

export function scoreCorpus(corpus: Corpus, detect: Detect = detectCase): Result {
  const kinds = new Map<string, Tally>();
  const countries = new Map<string, Tally>();
  const overall = empty();
  const misses: Miss[] = [];
  const tally = (map: Map<string, Tally>, key: string) => map.get(key) ?? map.set(key, empty()).get(key)!;
  let lookalikes = 0;
  let clean = 0;
  for (const c of corpus.cases) {
    const found = detect(c, corpus.workspace);
    const covered = new Uint8Array(c.text.length);
    for (const f of found) covered.fill(1, f.start, f.end);
    const expectedAt = new Uint8Array(c.text.length);
    const placed: [number, number][] = [];
    // Each label goes to the first place it occurs as whole words, not inside another label ("Smith" in "Smithers").
    const spans = c.expect.map(([kind, text]) => {
      let start = c.text.indexOf(text);
      for (let at = start; at >= 0; at = c.text.indexOf(text, at + 1)) {
        const end = at + text.length;
        const whole = !(ALNUM_LATIN.test(c.text[at - 1] ?? '') && ALNUM_LATIN.test(text[0]!)) && !(ALNUM_LATIN.test(c.text[end] ?? '') && ALNUM_LATIN.test(text[text.length - 1]!));
        if (whole && !placed.some(([s, e]) => s < end && at < e)) {
          start = at;
          break;
        }
      }
      placed.push([start, start + text.length]);
      expectedAt.fill(1, start, start + text.length);
      return { kind, text, start, end: start + text.length };
    });
    for (const s of spans) {
      let ok = true;
      for (let i = s.start; i < s.end; i++) if (!covered[i] && ALNUM.test(c.text[i]!)) ok = false;
      const sameKind = found.some((f) => f.kind === s.kind && f.start < s.end && s.start < f.end);
      for (const t of [overall, tally(kinds, s.kind), tally(countries, c.country)]) {
        t.expected++;
        if (ok) t.recalled++;
        if (ok && sameKind) t.kindMatched++;
      }
      if (!ok) misses.push({ id: c.id, kind: s.kind, text: s.text, type: 'missed' });
    }
    let falseHere = 0;
    for (const f of found) {
      let inside = 0;
      let all = 0;
      for (let i = f.start; i < f.end; i++) {
        if (!ALNUM.test(c.text[i]!)) continue;
        all++;
        if (expectedAt[i]) inside++;
      }
      const fp = all === 0 || inside * 2 < all;
      if (fp) falseHere++;
      for (const t of [overall, tally(kinds, f.kind), tally(countries, c.country)]) {
        t.findings++;
        if (fp) t.falsePositives++;
      }
      if (fp) misses.push({ id: c.id, kind: f.kind, text: c.text.slice(f.start, f.end), type: 'false positive' });
    }
    if (c.lookalike) {
      lookalikes++;
      if (falseHere === 0) clean++;
    }
  }
  return {
    cases: corpus.cases.length,
    lookalikes: { cases: lookalikes, clean },
    overall: row('all', overall),
    byKind: [...kinds].map(([k, t]) => row(k, t)).sort((a, b) => b.expected - a.expected),
    byCountry: [...countries].map(([k, t]) => row(k, t)).sort((a, b) => a.key.localeCompare(b.key)),
    misses,
  };
}

function table(title: string, rows: readonly Row[]): string {
  const head = `${title.padEnd(12)} expected recalled  recall  same-kind  findings  false+  precision`;
  const lines = rows.map((r) => `${r.key.padEnd(12)} ${String(r.expected).padStart(8)} ${String(r.recalled).padStart(8)}  ${r.recall.toFixed(3)}  ${String(r.kindMatched).padStart(9)}  ${String(r.findings).padStart(8)}  ${String(r.falsePositives).padStart(6)}  ${r.precision.toFixed(3)}`);
  return [head, ...lines].join('\n');
}

export function formatResult(r: Result): string {
  return [
    `Personal-data corpus: ${r.cases} cases, ${r.lookalikes.cases} harmless look-alikes (${r.lookalikes.clean} left untouched: ${(r.lookalikes.clean / Math.max(1, r.lookalikes.cases)).toFixed(3)})`,
    table('kind', r.byKind),
    table('country', r.byCountry),
    table('overall', [r.overall]),
  ].join('\n\n');
}
