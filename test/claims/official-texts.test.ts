// The official language versions of Directive (EU) 2024/825 (test/fixtures/claims/official/<lang>.txt, sources in
// test/fixtures/claims/SOURCES.md, "Official texts"): every example the recitals give of a banned practice is read out
// of the text itself and must be flagged in an EU claim in that language, by the rule and at the severity the practice
// calls for, whether the claim's language is set or detected; the recitals' counter-examples must not be.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Language } from '../../electron/shared/claims/language.ts';
import { lintClaim } from '../../electron/core/claims/lint.ts';
import { AS_OF, claim } from './helpers.ts';
import type { Fields } from './helpers.ts';

const DIR = resolve('test/fixtures/claims/official');

/** The provisions each excerpt must hold (recitals 9-12, Annex I points 2a, 4a-4c, 10a). */
const PROVISIONS = ['recital 9', 'recital 10', 'recital 11', 'recital 12', 'annex 2a', 'annex 4a 4b 4c', 'annex 10a'] as const;

/** Where, in each language version, the recitals list their examples: the words that open the sentence. */
type Reading = {
  /** Recital 9: examples of generic environmental claims (Annex I 4a). */
  generic: string;
  /** Recital 9: "X packaging" is generic, "100% of the energy ... renewable" is specific: the sentence with both. */
  genericVsSpecific: string;
  /** Recital 10: claims such as "conscious", "sustainable", "responsible" (never shown by an ecolabel alone). */
  broad: string;
  /** Recital 11: a part presented as the whole (Annex I 4b), the quoted example and the part it is really about. */
  wholeVsPart: { opens: string; part: string };
  /** Recital 12: neutral, reduced or positive impact through offsetting (Annex I 4c). */
  offset: string;
  /** The statement that carries a quoted term ("Onze verpakking is klimaatneutraal."). */
  sentence: (term: string) => string;
  /** The same, said of a whole product ("Dit product is gemaakt van gerecycleerd materiaal."). */
  product: (term: string) => string;
};

const READING: Partial<Record<Language, Reading>> = {
  nl: {
    generic: 'Voorbeelden van generieke milieuclaims zijn',
    genericVsSpecific: 'Zo zou bijvoorbeeld de claim',
    broad: 'Evenzo mag een handelaar geen generieke claim doen zoals',
    wholeVsPart: { opens: 'Dat verbod zou bijvoorbeeld van toepassing zijn', part: 'verpakking' },
    offset: 'Voorbeelden van dergelijke claims zijn',
    sentence: (t) => `Onze verpakking is ${t}.`,
    product: (t) => `Dit product is ${t}.`,
  },
};

type Excerpt = { language: Language; sections: ReadonlyMap<string, string> };

function readExcerpt(file: string): Excerpt {
  const language = Language.parse(file.replace(/\.txt$/, ''));
  const sections = new Map<string, string>();
  let name: string | null = null;
  for (const line of readFileSync(resolve(DIR, file), 'utf8').split('\n')) {
    if (line.startsWith('#')) continue;
    const heading = /^\[(.+)\]$/.exec(line);
    if (heading) name = heading[1]!;
    else if (name && line.trim()) sections.set(name, `${sections.get(name) ?? ''} ${line}`.trim());
  }
  return { language, sections };
}

/** The Journal's text as a claim would be typed: ordinary spaces, and "CO 2 -neutraal" (a flattened subscript) as "CO2-neutraal". */
function typed(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/CO 2 -/g, 'CO2-').replace(/CO 2\b/g, 'CO2');
}

/** The quoted terms of the sentence that opens with `opens` (quotes: “…”, „…“, «…», ‘…’ or "…"). */
function quotedIn(text: string, opens: string): string[] {
  const flat = typed(text);
  const start = flat.indexOf(opens);
  if (start < 0) throw new Error(`"${opens}" is not in the excerpt`);
  const sentence = flat.slice(start).split(/(?<=[”“»’"a-z)])\.\s/)[0]!;
  return [...sentence.matchAll(/[“„«‘"]\s*([^”“«»‘’"]+?)\s*[”“»’"]/g)].map((m) => m[1]!);
}

function rulesAt(statement: string, language: Language | null, fields: Fields = {}): string[] {
  return lintClaim(claim(statement, { markets: ['EU'], language, ...fields }), { asOf: AS_OF }).map((f) => `${f.rule}:${f.severity}`);
}

const excerpts = readdirSync(DIR).filter((f) => f.endsWith('.txt')).map(readExcerpt);
/** Recital 9's "biodegradable" has its own rule (the environment and timeframe must be stated), as in English. */
const DEGRADABLE = /afbreekba|abbaubar|biodégradable|biodegradab/i;

describe('official language versions of Directive 2024/825', () => {
  it('holds at least the Dutch version, each with every provision the linter rests on', () => {
    expect(excerpts.map((e) => e.language)).toContain('nl');
    for (const e of excerpts) {
      for (const p of PROVISIONS) expect(e.sections.get(p)?.length ?? 0, `${e.language}: ${p}`).toBeGreaterThan(80);
      expect(READING[e.language], `${e.language}: say where its recitals list their examples`).toBeDefined();
    }
  });

  for (const { language, sections } of excerpts) {
    const r = READING[language]!;
    const generic = quotedIn(sections.get('recital 9')!, r.generic);
    const broad = quotedIn(sections.get('recital 10')!, r.broad);
    const offset = quotedIn(sections.get('recital 12')!, r.offset);
    const [genericExample, specificExample] = quotedIn(sections.get('recital 9')!, r.genericVsSpecific);
    const [partExample] = quotedIn(sections.get('recital 11')!, r.wholeVsPart.opens);

    describe(language, () => {
      it('finds the recitals\' lists of examples in the text', () => {
        expect(generic.length, 'recital 9').toBeGreaterThanOrEqual(10);
        expect(broad.length, 'recital 10').toBe(3);
        expect(offset.length, 'recital 12').toBeGreaterThanOrEqual(5);
        expect(specificExample, 'recital 9: the specific claim').toMatch(/\d/);
        expect(partExample, 'recital 11').toBeDefined();
      });

      it.each(generic.map((t) => [t] as const))('recital 9 / Annex I 4a: "%s" is a generic claim (error)', (term) => {
        const rule = DEGRADABLE.test(term) ? 'GC-DEGRADABLE' : 'GC-GENERIC-TERM';
        for (const lang of [language, null]) expect(rulesAt(r.sentence(term), lang), `language ${lang ?? 'detected'}`).toContain(`${rule}:error`);
      });

      it.each(broad.map((t) => [t] as const))('recital 10: "%s" is a broad claim (error)', (term) => {
        for (const lang of [language, null]) expect(rulesAt(r.sentence(term), lang), `language ${lang ?? 'detected'}`).toContain('GC-GENERIC-BROAD:error');
      });

      it.each(offset.map((t) => [t] as const))('recital 12 / Annex I 4c: "%s" rests on offsets (error), or must say whether it does (error)', (term) => {
        for (const lang of [language, null]) {
          expect(rulesAt(r.sentence(term), lang, { uses_offsets: true }), `offsets, language ${lang ?? 'detected'}`).toContain('GC-OFFSET-PRODUCT-NEUTRAL:error');
          expect(rulesAt(r.sentence(term), lang, { uses_offsets: null }), `offsets unknown, language ${lang ?? 'detected'}`).toContain('GC-NEUTRAL-BASIS-UNKNOWN:error');
          expect(rulesAt(r.sentence(term), lang, { uses_offsets: false }), `no offsets, language ${lang ?? 'detected'}`).not.toContain('GC-OFFSET-PRODUCT-NEUTRAL:error');
        }
      });

      it('recital 9: its generic example is flagged, its specific example is not a generic claim', () => {
        for (const lang of [language, null]) {
          expect(rulesAt(`${genericExample}.`, lang)).toContain('GC-GENERIC-TERM:error');
          const specific = rulesAt(`${specificExample}.`, lang).map((f) => f.split(':')[0]);
          expect(specific).not.toContain('GC-GENERIC-TERM');
          expect(specific).not.toContain('GC-GENERIC-BROAD');
        }
      });

      it('recital 11 / Annex I 4b: its example, said of a product when only the packaging qualifies, is flagged (error)', () => {
        const fields: Fields = { scope: 'part', scope_detail: r.wholeVsPart.part, category: 'recycled_content' };
        for (const lang of [language, null]) {
          expect(rulesAt(r.product(partExample!), lang, fields)).toContain('GC-WHOLE-VS-PART:error');
          // Said of the packaging itself, it is no longer a claim about the whole.
          expect(rulesAt(r.sentence(partExample!), lang, fields)).not.toContain('GC-WHOLE-VS-PART:error');
        }
      });
    });
  }
});
