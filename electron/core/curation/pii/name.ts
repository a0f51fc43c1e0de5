import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';
import { BEFORE_MONTH, EVERYDAY, GENERIC, MONTHS, NICKNAMES, ORG_WORDS, PARTICLES, TITLES } from './name-words.ts';
import { fold, foldWithMap } from './text.ts';

// The customer's own names (from the thread's metadata) wherever the text has them: full name, first name,
// surname with its particles, hyphenated parts, common nicknames; any case. Matching walks the text's words once
// and looks each up, so a long or hostile "name" (40,000 characters, thousands of words) costs no more than its
// first words: a name is at most MAX_NAME characters and MAX_TOKENS words.

const MAX_NAME = 200;
const MAX_TOKENS = 8;
const SENTENCE_START = /(?:^|[.!?:;\n]\s*|["“«]\s*)$/u;
const GREETING = /(?:hi|hello|hey|dear|thanks|thank you|cheers|hallo|liebe|lieber|bonjour|cher|chère|beste|geachte|hoi|ciao)\W*$/iu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Full name, first name, surname (with its particles), nicknames and each hyphenated part. */
export function nameVariants(fullName: string): string[] {
  const cleaned = fullName.slice(0, MAX_NAME).replace(/\s+/g, ' ').trim();
  if (!cleaned || cleaned.includes('@') || /\.\p{L}{2,}$/u.test(cleaned)) return [];
  const words = cleaned.split(' ').slice(0, MAX_TOKENS);
  // A display name of an organisation or a robot is nobody's name.
  if (words.some((w) => ORG_WORDS.has(fold(w).replace(/[^\p{L}-]/gu, '')))) return [];
  const tokens = words.filter((t) => !TITLES.has(t.toLowerCase().replace(/\.$/, '')) && !GENERIC.has(fold(t)) && !/^[\d#.-]+$/.test(t));
  if (tokens.length === 0) return [];
  const out = new Set<string>();
  if (tokens.length > 1) {
    out.add(tokens.join(' '));
    if (tokens.every((t) => CJK.test(t))) out.add(tokens.join(''));
  }
  const particleIndex = tokens.findIndex((t, i) => i > 0 && PARTICLES.has(t.toLowerCase()));
  if (particleIndex > 0) out.add(tokens.slice(particleIndex).join(' '));
  // Several given names ("Mary Ann Bell"): they are also written together without the surname.
  const surnameIndex = particleIndex > 0 ? particleIndex : tokens.length - 1;
  if (surnameIndex >= 2) out.add(tokens.slice(0, surnameIndex).join(' '));
  const surnames = tokens.slice(surnameIndex).join(' ');
  for (const short of NICKNAMES[fold(tokens[0] ?? '')] ?? []) {
    const nick = short[0]!.toUpperCase() + short.slice(1);
    out.add(nick);
    if (tokens.length > 1) out.add(`${nick} ${surnames}`);
  }
  for (const token of tokens) {
    const t = token.replace(/[.,]$/, '');
    if (PARTICLES.has(t.toLowerCase())) continue;
    if (/^\p{L}\.?$/u.test(t)) continue; // an initial
    if ([...t].length >= 2) out.add(t);
    if (t.includes('-')) for (const part of t.split('-')) if ([...part].length >= 3) out.add(part);
  }
  return [...out];
}

function capitalised(original: string): boolean {
  const first = original.codePointAt(0);
  if (first === undefined) return false;
  const ch = String.fromCodePoint(first);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** A variant as the words of folded text it must match, and what joins them (" " matches any spacing). */
type Variant = { folded: string; words: string[]; joins: string[]; everyday: boolean; short: boolean };
type Prepared = { byFirst: Map<string, Variant[]>; cjk: Variant[]; folded: string[]; count: number };
const prepared = new WeakMap<readonly string[], Prepared>();

function toVariant(v: string): Variant {
  const folded = fold(v);
  const words = folded.match(WORD) ?? [];
  const joins: string[] = [];
  for (const m of folded.matchAll(/[^\p{L}\p{N}\p{M}]+/gu)) if (m.index > 0 && m.index + m[0].length < folded.length) joins.push(/\s/.test(m[0]) ? ' ' : m[0]);
  const single = words.length === 1;
  return { folded, words, joins, everyday: single && EVERYDAY.has(folded), short: single && [...folded].length <= 2 };
}

/** Variants depend only on the customer's names: prepared once per thread, not once per message. */
function prepare(names: readonly string[]): Prepared {
  const cached = prepared.get(names);
  if (cached) return cached;
  const byFirst = new Map<string, Variant[]>();
  const cjk: Variant[] = [];
  const seen = new Set<string>();
  for (const full of names.slice(0, 20)) {
    for (const v of nameVariants(full)) {
      const variant = toVariant(v);
      if (variant.words.length === 0 || seen.has(variant.folded)) continue;
      seen.add(variant.folded);
      if (CJK.test(variant.folded)) {
        if ([...variant.folded.replace(/\s/g, '')].length >= 2) cjk.push(variant);
        continue;
      }
      const list = byFirst.get(variant.words[0]!) ?? [];
      list.push(variant);
      byFirst.set(variant.words[0]!, list);
    }
  }
  // Longest first, so "Anna van der Berg" is one hit rather than three.
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || b.folded.length - a.folded.length);
  const p = { byFirst, cjk, folded: [...seen], count: seen.size };
  prepared.set(names, p);
  return p;
}

type Word = { text: string; start: number; end: number };

/** The folded word at index i and the next ones make this variant, joined as the variant is. */
function matchesAt(words: readonly Word[], folded: string, i: number, v: Variant): number {
  for (let k = 0; k < v.words.length; k++) {
    const w = words[i + k];
    if (!w || w.text !== v.words[k]) return -1;
    if (k > 0) {
      const gap = folded.slice(words[i + k - 1]!.end, w.start);
      const join = v.joins[k - 1] ?? ' ';
      if (join === ' ' ? !/^\s+$/.test(gap) : gap !== join) return -1;
    }
  }
  return i + v.words.length - 1;
}

/** Everyday words and short names count only when written as a name, and not as part of a code or a date. */
function plausible(text: string, start: number, end: number, v: Variant, p: Prepared): boolean {
  const after = text.slice(end, end + 24);
  const before = text.slice(Math.max(0, start - 40), start);
  // Glued to a code: "BEN-2000", "ROSS-X7", "MARK-IV", "2024-Tom".
  if (/^[-_/]?[\p{L}\p{N}]*\d/u.test(after) || /\d[-_/]?$/u.test(before)) return false;
  const original = text.slice(start, end);
  if (original === original.toUpperCase() && /^-[\p{Lu}\p{N}]/u.test(after)) return false;
  if (!(v.everyday || v.short)) return true;
  if (!capitalised(original)) return false;
  if (/\d\s*$/.test(before) || /^\s*(?:\d|of\b)/u.test(after)) return false;
  if (MONTHS.has(v.folded) && BEFORE_MONTH.test(before)) return false;
  if (v.everyday && SENTENCE_START.test(before) && !GREETING.test(before)) {
    // "May I ask" is a question; "Bill, thank you" or "Bill Smith wrote" is the customer.
    const next = fold(after.trimStart());
    return /^(?:[,!]|$)/u.test(after.trimStart()) || p.folded.some((fv) => fv !== v.folded && next.startsWith(fv));
  }
  return true;
}

/** Links and e-mail addresses: a name inside them is a domain or a mailbox, found by their own detectors. */
function insideLinks(text: string): [number, number][] {
  const spans: [number, number][] = [];
  // Anchored at the start of a run of letters, so a long word without "@" is read once, not once per letter.
  for (const m of text.matchAll(/(?:https?:\/\/|www\.)[^\s<>"']+|(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+/gu)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

export function detectName(text: string, ctx: DetectContext): Hit[] {
  const p = prepare(ctx.customerNames);
  if (p.count === 0) return [];
  const { folded, map } = foldWithMap(text);
  const hits: Hit[] = [];
  const links = insideLinks(text);
  const push = (start: number, end: number, v: Variant) => {
    if (links.some(([s, e]) => s <= start && end <= e)) return;
    if (!plausible(text, start, end, v, p)) return;
    if (hits.some((h) => h.start <= start && end <= h.end)) return;
    hits.push({ kind: 'name', start, end });
  };
  if (p.byFirst.size > 0) {
    const words: Word[] = [...folded.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
    for (let i = 0; i < words.length; i++) {
      const candidates = p.byFirst.get(words[i]!.text);
      if (!candidates) continue;
      for (const v of candidates) {
        const last = matchesAt(words, folded, i, v);
        if (last < 0) continue;
        push(map[words[i]!.start]!, map[words[last]!.end]!, v);
        break;
      }
    }
  }
  for (const v of p.cjk) {
    // Japanese and Chinese text has no spaces between words: the name is found wherever it is written.
    const needle = v.folded.replace(/\s+/g, '');
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) push(map[at]!, map[at + needle.length]!, v);
  }
  return hits.sort((a, b) => a.start - b.start);
}
