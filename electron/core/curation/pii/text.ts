// Small Unicode-aware text helpers shared by the detectors.

const WORD = /[\p{L}\p{N}\p{M}_]/u;

/** True when the code point ending just before `index` is a letter, digit or mark. */
function wordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  let ch = text[index - 1]!;
  const code = ch.charCodeAt(0);
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2) ch = text.slice(index - 2, index);
  return WORD.test(ch);
}

/** True when the code point starting at `index` is a letter, digit or mark. */
function wordAfter(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const cp = text.codePointAt(index)!;
  return WORD.test(String.fromCodePoint(cp));
}

export function atWordBoundaries(text: string, start: number, end: number): boolean {
  return !wordBefore(text, start) && !wordAfter(text, end);
}

/** The `n` characters before `index`, lower-cased, for cue-word checks. */
export function lookBehind(text: string, index: number, n = 32): string {
  return text.slice(Math.max(0, index - n), index).toLowerCase();
}

export function lookAhead(text: string, index: number, n = 24): string {
  return text.slice(index, index + n).toLowerCase();
}

/** Lower case without diacritics, keeping a map from each folded index back to the original index. */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  const pieces: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x80 && code !== 0x60) {
      // ASCII is by far the common case: lower-casing is all folding does to it, the backtick aside (foldChar makes
      // it an apostrophe, so a name written O'Brien is found in a message that writes O`Brien).
      pieces.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!);
      map.push(i);
      i += 1;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    // A character that folds to nothing (a lone combining mark) keeps its place so spans stay contiguous.
    const piece = foldChar(ch) || ch;
    for (let k = 0; k < piece.length; k++) map.push(i);
    pieces.push(piece);
    i += ch.length;
  }
  map.push(text.length);
  return { folded: pieces.join(''), map };
}

/** Apostrophes and hyphens come in many shapes; names are compared with one of each. */
function foldChar(ch: string): string {
  if (/[\u2018\u2019\u02BC`\u00B4]/u.test(ch)) return "'";
  if (/[\u2010\u2011\u2012\u2013]/u.test(ch)) return '-';
  return ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Text whose every character is ASCII other than the backtick: folding it is lower-casing it. */
const PLAIN_ASCII = /^[^`\u0080-\uffff]*$/;

export function fold(text: string): string {
  // A site build folds every published customer's town and name (pseudonym.ts): almost all of them plain ASCII.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) out += foldChar(ch) || ch;
  return out;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes trailing punctuation that belongs to the sentence rather than to the match. */
export function trimTrailing(text: string, start: number, end: number, chars = '.,;:!?)]}\'"»”’'): number {
  let e = end;
  while (e > start && chars.includes(text[e - 1]!)) e--;
  return e;
}

/** Full-width digits (Japanese input) read as ASCII digits; one code unit each, so offsets stay the same. */
export function asciiDigits(s: string): string {
  return s.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * What may stand between a cue word and its value: punctuation, "no.", "number", "is", a particle. Bounded, so
 * matching it after each cue costs a few steps whatever the text.
 */
const CUE_GAP = /(?:[\s:#=(\-–—.：、は]|(?:n°|nº|n|no|nr|num|nummer|number|numéro|numero|número|numer|nummer|is|ist|lautet|est|es|è|är|é|are|was|the|el|la|le|il|my|mein|meine|mi|mon|mijn|min|heeft|hat|has|tiene|har|ma|tem)(?![\p{L}\p{N}])){0,12}/iuy;

export type Cued = { start: number; end: number; cueStart: number };

/**
 * Values written after a cue ("passport number: X", "DOB 12/03/1985"): for each match of `cue` (global), the gap is
 * skipped and `value` (sticky) is tried once. Linear in the text: one bounded attempt per cue.
 */
export function afterCue(text: string, cue: RegExp, value: RegExp, gap: RegExp = CUE_GAP): Cued[] {
  const out: Cued[] = [];
  for (const m of text.matchAll(cue)) {
    let at = m.index + m[0].length;
    gap.lastIndex = at;
    const g = gap.exec(text);
    if (g) at += g[0].length;
    value.lastIndex = at;
    const v = value.exec(text);
    if (v && v[0].length > 0) out.push({ start: at, end: at + v[0].length, cueStart: m.index });
  }
  return out;
}
