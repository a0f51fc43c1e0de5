import { francAll } from 'franc-min';
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

// franc-min's own ranking, for a fixed set of candidate languages, without its per-call costs: franc-min counts a
// text's trigrams in a plain object, sorts them (the order never changes the sum it takes) and then looks each one up
// in every language's model. Here the models are read once into one table (trigram -> each candidate's rank) and a
// text's trigrams are counted in a Map, so a site with 10,000 conversations detects their languages in a fraction
// of the time. The arithmetic is franc-min's (same models, same distance, same ties, same normalisation): the result
// is the one francAll gives, which test/site/language-trigrams.test.ts checks on real and synthetic text. A script
// without a model among the candidates (Greek, say) is left to francAll itself.

/** franc-min's constants (index.js): a trigram missing from a model costs this much; longer samples are cut. */
const MAX_DIFFERENCE = 300;
const MAX_LENGTH = 2048;

type ScriptModels = { languages: string[]; ranks: Map<string, Int32Array> };

/** Per script: the candidates franc-min has a model for, in its data's order, and each trigram's rank in each. */
function scriptModels(candidates: readonly string[]): Map<string, ScriptModels> {
  const out = new Map<string, ScriptModels>();
  for (const [script, models] of Object.entries(data)) {
    const languages = Object.keys(models).filter((l) => candidates.includes(l));
    if (languages.length === 0) continue;
    const ranks = new Map<string, Int32Array>();
    languages.forEach((language, li) => {
      const grams = models[language]!.split('|');
      // franc-min assigns from the end, so a trigram listed twice keeps its first (lowest) rank.
      for (let rank = grams.length - 1; rank >= 0; rank--) {
        let row = ranks.get(grams[rank]!);
        if (!row) {
          row = new Int32Array(languages.length).fill(-1);
          ranks.set(grams[rank]!, row);
        }
        row[li] = rank;
      }
    });
    out.set(script, { languages, ranks });
  }
  return out;
}

/** franc-min's getTopScript: the script with the largest share of the text (the first of equals). */
function topScript(value: string): [string | undefined, number] {
  let top: string | undefined;
  let topCount = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const count = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

/** trigram-utils' asDictionary as a Map: trigrams of the cleaned, padded, lower-cased text with their counts. */
function trigramCounts(value: string): Map<string, number> {
  const cleaned = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const gram = cleaned.slice(i, i + 3);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

export type Ranked = [language: string, score: number][];

/** A ranker equal to `francAll(text, { only: candidates, minLength })`, best first, scores normalised as francAll's. */
export function trigramRanker(candidates: readonly string[], minLength: number): (text: string) => Ranked {
  const models = scriptModels(candidates);
  const only = [...candidates];
  return (text) => {
    if (!text || text.length < minLength) return [['und', 1]];
    const value = text.slice(0, MAX_LENGTH);
    const [script] = topScript(value);
    const model = script === undefined ? undefined : models.get(script);
    if (!model) return francAll(text, { only, minLength }) as Ranked;
    const distances = new Array<number>(model.languages.length).fill(0);
    for (const [gram, count] of trigramCounts(value)) {
      const row = model.ranks.get(gram);
      for (let li = 0; li < distances.length; li++) {
        const rank = row ? row[li]! : -1;
        distances[li]! += rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
      }
    }
    // A stable sort by distance, as franc-min's: equals stay in its data's order.
    const ranked: Ranked = model.languages.map((language, li) => [language, distances[li]!]);
    ranked.sort((a, b) => a[1] - b[1]);
    const min = ranked[0]![1];
    const max = value.length * MAX_DIFFERENCE - min;
    for (const r of ranked) r[1] = 1 - (r[1] - min) / max || 0;
    return ranked;
  };
}
