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

/** Three UTF-16 code units as one number (below 2^48: exact), so counting needs no string per trigram. */
function gramKey(a: number, b: number, c: number): number {
  return (a * 65536 + b) * 65536 + c;
}

/**
 * Trigram keys to small integers, open addressing in typed arrays: a Map of numbers this large keeps each key as a
 * heap number and was most of the detection's time. `slot` finds a key's slot (its own or the empty one it would take).
 */
class GramTable {
  readonly keys: Float64Array;
  readonly values: Int32Array;
  private readonly mask: number;
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Float64Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }
  slot(key: number): number {
    // The key split where a division is exact (a remainder of doubles is a slow library call); the low bits of a
    // product depend only on the low bits of its factors, so the high ones are mixed down before masking.
    const high = Math.floor(key / 65536);
    let h = Math.imul(key - high * 65536, 0x9e3779b1) ^ Math.imul(high, 0x85ebca77);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    let i = (h ^ (h >>> 13)) & this.mask;
    while (this.keys[i] !== key && this.keys[i] !== -1) i = (i + 1) & this.mask;
    return i;
  }
}

/**
 * Per script: the candidates franc-min has a model for (in its data's order), and for each trigram the candidates
 * whose model lists it with its rank there (`rows`: language, rank pairs; the table holds each trigram's first pair).
 */
type ScriptModels = { languages: string[]; table: GramTable; starts: Int32Array; rows: Int32Array };

function scriptModels(candidates: readonly string[]): Map<string, ScriptModels> {
  const out = new Map<string, ScriptModels>();
  for (const [script, models] of Object.entries(data)) {
    const languages = Object.keys(models).filter((l) => candidates.includes(l));
    if (languages.length === 0) continue;
    const ranks = new Map<number, number[]>();
    languages.forEach((language, li) => {
      const seen = new Set<string>();
      // franc-min assigns from the end, so a trigram listed twice keeps its first (lowest) rank.
      models[language]!.split('|').forEach((gram, rank) => {
        if (seen.has(gram) || gram.length !== 3) return;
        seen.add(gram);
        const key = gramKey(gram.charCodeAt(0), gram.charCodeAt(1), gram.charCodeAt(2));
        ranks.set(key, [...(ranks.get(key) ?? []), li, rank]);
      });
    });
    const table = new GramTable(ranks.size);
    const starts = new Int32Array(ranks.size + 1);
    const rows: number[] = [];
    [...ranks].forEach(([key, row], id) => {
      const i = table.slot(key);
      table.keys[i] = key;
      table.values[i] = id;
      starts[id] = rows.length;
      rows.push(...row);
    });
    starts[ranks.size] = rows.length;
    out.set(script, { languages, table, starts, rows: Int32Array.from(rows) });
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

/** The counts of one text's trigrams, reused from text to text (a text has at most MAX_LENGTH + 1 of them). */
const counts = new GramTable(MAX_LENGTH + 2);
const used = new Int32Array(MAX_LENGTH + 2);

/**
 * trigram-utils' asDictionary: the trigrams of the cleaned, padded, lower-cased text, counted in `counts`; returns
 * how many differ (their slots are the first entries of `used`).
 */
function countTrigrams(value: string): number {
  const cleaned = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  let distinct = 0;
  let a = cleaned.charCodeAt(0);
  let b = cleaned.charCodeAt(1);
  for (let i = 2; i < cleaned.length; i++) {
    const c = cleaned.charCodeAt(i);
    const key = gramKey(a, b, c);
    const slot = counts.slot(key);
    if (counts.keys[slot] === key) counts.values[slot]!++;
    else {
      counts.keys[slot] = key;
      counts.values[slot] = 1;
      used[distinct++] = slot;
    }
    a = b;
    b = c;
  }
  return distinct;
}

/** Each candidate's franc-min distance from the text's trigrams (then forgets them). */
function distancesOf(value: string, model: ScriptModels): number[] {
  const distinct = countTrigrams(value);
  // Every trigram costs MAX_DIFFERENCE in a model that lacks it; only the models that list it cost less.
  const distances = new Array<number>(model.languages.length).fill(distinct * MAX_DIFFERENCE);
  for (let u = 0; u < distinct; u++) {
    const slot = used[u]!;
    const count = counts.values[slot]!;
    const at = model.table.slot(counts.keys[slot]!);
    counts.keys[slot] = -1;
    if (model.table.keys[at] === -1) continue;
    const id = model.table.values[at]!;
    for (let r = model.starts[id]!; r < model.starts[id + 1]!; r += 2) distances[model.rows[r]!]! -= MAX_DIFFERENCE - Math.abs(count - model.rows[r + 1]! - 1);
  }
  return distances;
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
    const distances = distancesOf(value, model);
    // A stable sort by distance, as franc-min's: equals stay in its data's order.
    const ranked: Ranked = model.languages.map((language, li) => [language, distances[li]!]);
    ranked.sort((a, b) => a[1] - b[1]);
    const min = ranked[0]![1];
    const max = value.length * MAX_DIFFERENCE - min;
    for (const r of ranked) r[1] = 1 - (r[1] - min) / max || 0;
    return ranked;
  };
}
