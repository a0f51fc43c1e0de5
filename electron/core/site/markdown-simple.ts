import { escapeHtml } from './trusted.ts';

// Most staff replies use a sliver of Markdown: paragraphs, line breaks, *emphasis*, **bold**, lists and [links](https://…).
// marked spends most of its time (a fifth of a thread page's) trying every other rule on them. This renders that
// sliver directly, with the bytes marked gives; anything outside it, or anything that might read differently to
// marked, returns null and goes to marked. Tests compare the two on generated documents, the naughty strings and
// whole sites.

/** Renders a link as the Markdown renderer does (target checked there): the text is already HTML. */
export type LinkHtml = (href: string, textHtml: string) => string;

/**
 * Anything that can start syntax this path leaves to marked (entities, HTML, escapes, code, strikethrough,
 * underscores, tables, e-mail autolinks), control characters, tabs and carriage returns, and the Unicode
 * spaces marked treats as whitespace where this path would not.
 */
// eslint-disable-next-line no-control-regex
const OUTSIDE = /[\u0000-\u0009\u000b-\u001f\u007f-\u00a0&<>\\`~_|@\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** GFM turns these into links on its own (extended autolinks): left to marked. */
const AUTOLINK = /:\/\/|www\./i;

/** A link target this path takes: http(s), no spaces, quotes, parentheses or brackets. */
const URL_PATTERN = /^https?:\/\/[A-Za-z0-9\-._~/?#=%+,;:]+$/;

/** What may follow a closing `*` or `**`: a space (or the line's end, checked apart) or sentence punctuation. */
const CLOSING_BEFORE = new Set([32, 46, 44, 59, 58, 33, 63]);

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** A line that can only be paragraph text: a letter (any script), bold text or a link. Digits could open an ordered list. */
function startsText(line: string): boolean {
  const c = line.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0x7f) return true;
  if (c === 42) return line.charCodeAt(1) === 42 && isAlnum(line.charCodeAt(2));
  return c === 91;
}

function text(s: string): string | null {
  return AUTOLINK.test(s) ? null : escapeHtml(s);
}

/** One line's inline content as HTML, or null when it holds anything but text, **bold** and plain links. */
function inline(s: string, link: LinkHtml): string | null {
  const last = s.charCodeAt(s.length - 1);
  if (s.charCodeAt(0) === 32 || last === 32) return null;
  let out = '';
  let from = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 42) {
      // `*em*` and `**bold**`: open after a space or the line's start before a letter or digit, close before a space,
      // the line's end or sentence punctuation: delimiter runs that can only open and only close.
      const n = s.charCodeAt(i + 1) === 42 ? 2 : 1;
      if ((i > 0 && s.charCodeAt(i - 1) !== 32) || !isAlnum(s.charCodeAt(i + n))) return null;
      const close = s.indexOf('*', i + n);
      if (close < 0) return null;
      const run = s.charCodeAt(close + 1) !== 42 ? 1 : s.charCodeAt(close + 2) !== 42 ? 2 : 3;
      const after = s.charCodeAt(close + n);
      if (run !== n || !(Number.isNaN(after) || CLOSING_BEFORE.has(after))) return null;
      const content = s.slice(i + n, close);
      if (content.charCodeAt(content.length - 1) === 32 || content.includes('[') || content.includes(']')) return null;
      const before = text(s.slice(from, i));
      const inner = text(content);
      if (before === null || inner === null) return null;
      const tag = n === 2 ? 'strong' : 'em';
      out += `${before}<${tag}>${inner}</${tag}>`;
      i = from = close + n;
    } else if (c === 91) {
      // `[text](https://…)`, not an image, with nothing after it that could make marked read the target differently.
      if (i > 0 && s.charCodeAt(i - 1) === 33) return null;
      const close = s.indexOf(']', i + 1);
      if (close < 0 || s.charCodeAt(close + 1) !== 40) return null;
      const label = s.slice(i + 1, close);
      if (label === '' || /[[*()!]/.test(label)) return null;
      const end = s.indexOf(')', close + 2);
      if (end < 0) return null;
      const href = s.slice(close + 2, end);
      if (!URL_PATTERN.test(href)) return null;
      const space = s.indexOf(' ', end + 1);
      if (s.slice(end + 1, space < 0 ? s.length : space).includes(')')) return null;
      const before = text(s.slice(from, i));
      const labelHtml = text(label);
      if (before === null || labelHtml === null) return null;
      out += before + link(href, labelHtml);
      i = from = end + 1;
    } else if (c === 93) {
      return null;
    } else {
      i++;
    }
  }
  const rest = text(s.slice(from));
  return rest === null ? null : out + rest;
}

/** A list item's marker: "- ", or a number without leading zeros and ". " (an ordered list). */
const ITEM = /^(?:- |([1-9][0-9]{0,8})\. )/;

/**
 * The HTML marked gives for `source` (GFM, line breaks on, this site's renderer), when `source` is only paragraphs,
 * tight lists ("- " or "1. "), *emphasis*, **bold** and http(s) links; otherwise null.
 */
export function simpleMarkdown(source: string, link: LinkHtml): string | null {
  if (OUTSIDE.test(source)) return null;
  type Block = 'p' | 'ul' | 'ol';
  let out = '';
  let paragraph: string[] = [];
  let open: Block | null = null;
  let previous: Block | null = null;
  const close = () => {
    if (open === 'p') out += `<p>${paragraph.join('<br>')}</p>\n`;
    else if (open !== null) out += `</${open}>\n`;
    paragraph = [];
    previous = open ?? previous;
    open = null;
  };
  let at = 0;
  while (at <= source.length) {
    let nl = source.indexOf('\n', at);
    if (nl < 0) nl = source.length;
    const line = source.slice(at, nl);
    at = nl + 1;
    if (line === '') {
      close();
      continue;
    }
    const marker = ITEM.exec(line);
    if (marker) {
      const kind: Block = marker[1] === undefined ? 'ul' : 'ol';
      // A list right after a paragraph line, a list of the other kind, or a list after a blank line that follows a
      // list (one loose list, or two lists): marked's.
      if (open === 'p' || (open !== null && open !== kind) || (open === null && (previous === 'ul' || previous === 'ol'))) return null;
      const item = line.slice(marker[0].length);
      if (!startsText(item)) return null;
      const html = inline(item, link);
      if (html === null) return null;
      if (open === null) out += kind === 'ul' || marker[1] === '1' ? `<${kind}>\n` : `<ol start="${Number(marker[1])}">\n`;
      open = kind;
      out += `<li>${html}</li>\n`;
    } else {
      // A line straight after a list item would continue the item (lazily): marked's.
      if (open === 'ul' || open === 'ol' || !startsText(line)) return null;
      const html = inline(line, link);
      if (html === null) return null;
      paragraph.push(html);
      open = 'p';
    }
  }
  close();
  return out === '' ? null : out;
}
