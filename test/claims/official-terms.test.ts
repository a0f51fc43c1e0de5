// Every term quoted from an official language version of Directive (EU) 2024/825 (test/fixtures/claims/official-terms.json,
// sources in SOURCES.md) is recognised by the linter in its language: a statement using it raises the rule named next
// to it, whether the claim's language is set or detected.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Language } from '../../electron/shared/claims/language.ts';
import { lintClaim } from '../../electron/core/claims/lint.ts';
import { AS_OF, claim } from './helpers.ts';

const Entry = z.object({
  language: Language,
  provision: z.string().min(1),
  status: z.enum(['official-text', 'secondary-quote', 'proposal-quote', 'national-guidance-quote', 'commentary-quote', 'unverified']),
  source: z.object({ kind: z.string().min(1), where: z.string().min(1), read: z.string().min(1), licence: z.string().min(1) }).optional(),
  tried: z.string().optional(),
  quote: z.string().nullable(),
  terms: z.array(z.object({ term: z.string().min(1), rule: z.string().regex(/^GC-[A-Z-]+$/) })),
});
const Fixture = z.object({ about: z.string(), entries: z.array(Entry).min(1) });

const fixture = Fixture.parse(JSON.parse(readFileSync(resolve('test/fixtures/claims/official-terms.json'), 'utf8')));

/** A plain sentence that uses the term as a claim about a product, and nothing that would specify it. */
const SENTENCE: Record<Language, (term: string) => string> = {
  en: (t) => `Our packaging is ${t}.`,
  de: (t) => `Unsere Verpackung ist ${t}.`,
  fr: (t) => `Notre emballage est ${t}.`,
  nl: (t) => `Onze verpakking is ${t}.`,
  es: (t) => `Nuestro envase es ${t}.`,
  it: (t) => `La nostra confezione è ${t}.`,
};

const rows = fixture.entries.flatMap((e) => e.terms.map((t) => ({ ...t, language: e.language, status: e.status })));

describe('official wording of Directive 2024/825', () => {
  it('says for every entry where its wording comes from, or what was tried', () => {
    for (const e of fixture.entries) {
      if (e.status === 'unverified') {
        expect(e.tried?.length ?? 0, `${e.language}: say what was tried`).toBeGreaterThan(40);
        expect(e.terms, `${e.language}: unverified wording is not presented as official`).toEqual([]);
      } else {
        expect(e.source, `${e.language}: ${e.provision}`).toBeDefined();
      }
      // A term said to be quoted appears in the quote (when the quote was kept).
      if (e.quote) for (const t of e.terms) expect(e.quote.toLowerCase(), t.term).toContain(t.term.toLowerCase());
    }
    expect(rows.length).toBeGreaterThanOrEqual(12);
  });

  it.each(rows.map((r) => [`${r.language} (${r.status}): "${r.term}" -> ${r.rule}`, r] as const))('%s', (_name, r) => {
    const statement = SENTENCE[r.language](r.term);
    for (const language of [r.language, null]) {
      const findings = lintClaim(claim(statement, { markets: ['EU'], language }), { asOf: AS_OF });
      expect(findings.map((f) => f.rule), `${statement} (language ${language ?? 'detected'})`).toContain(r.rule);
    }
  });

  it('reads inflected German forms, and leaves "aus ökologischem Landbau" (organic farming) alone', () => {
    const rules = (statement: string) => lintClaim(claim(statement, { markets: ['EU'], language: 'de' }), { asOf: AS_OF }).map((f) => f.rule);
    expect(rules('Mit unserem umweltfreundlichen Stromtarif tun Sie etwas Gutes.')).toContain('GC-GENERIC-TERM');
    expect(rules('Eine umweltverträgliche Verpackung.')).toContain('GC-GENERIC-TERM');
    expect(rules('Haferdrink aus ökologischem Landbau.')).not.toContain('GC-GENERIC-TERM');
  });
});
