// English parts of speech and lemmas, from compromise (a small, well-kept, dependency-light NLP library that tags
// and lemmatises English offline). The rules need it where a word's role changes the reading: "we have recycled nine
// million bottles" (a verb: an activity, not recycled content) against "made from recycled plastic" (an adjective);
// "will break down" (a phrasal verb: degradation) against "emissions down 20%" (a change). Non-English words keep
// their own form as lemma and no tags.
import nlp from 'compromise';
import { memoize } from '../memo.ts';
import { analyse } from './text.ts';

type Tagged = { lemma: string; tags: ReadonlySet<string> };

type Term = { normal?: string; text?: string; tags?: string[]; root?: string };

function tag(statement: string): Tagged[] {
  const text = analyse(statement);
  const doc = nlp(text.normalized);
  doc.compute('root');
  const terms: Term[] = (doc.json({ terms: { normal: true } }) as { terms: Term[] }[]).flatMap((s) => s.terms);
  const out: Tagged[] = [];
  let t = 0;
  for (const w of text.words) {
    // Align in order: compromise keeps hyphenated words whole, ours splits them, so a term may cover several words.
    let found: Term | undefined;
    for (let k = t; k < Math.min(terms.length, t + 4); k++) {
      const normal = (terms[k]!.normal ?? '').toLowerCase();
      if (normal === w.norm || normal.split(/[-\s]/).includes(w.norm)) { found = terms[k]; t = normal === w.norm ? k + 1 : k; break; }
    }
    out.push({ lemma: found?.root && found.normal === w.norm ? found.root : w.norm, tags: new Set(found?.tags ?? []) });
  }
  return out;
}

const tagEnglish: (statement: string) => Tagged[] = memoize(tag, 2000);

/** The word at `index` is used as a verb ("have recycled", "would reduce", "break down"). */
export function isVerbAt(statement: string, index: number): boolean {
  const t = tagEnglish(statement)[index];
  return t !== undefined && t.tags.has('Verb') && !t.tags.has('Adjective');
}

/** The word at `index` is the particle of a phrasal verb ("down" in "break down"). */
export function isParticleAt(statement: string, index: number): boolean {
  const t = tagEnglish(statement)[index];
  return t !== undefined && (t.tags.has('Particle') || t.tags.has('PhrasalVerb'));
}

