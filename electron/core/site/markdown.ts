import { hash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { Marked } from 'marked';
import type { Tokens } from 'marked';
import { escapeHtml, textToHtml, trusted } from './trusted.ts';
import type { TrustedHtml } from './trusted.ts';

// Staff replies may use Markdown. marked does not sanitise, so this renderer does: raw HTML in the source is shown
// as text, links survive only with http, https or mailto, images become links (the site loads nothing from
// elsewhere), and attributes that need inline styles (table alignment) are dropped. One instance for the build.
// Support staff answer with templates (saved replies, macros), often with a greeting or a sentence of their own
// added: a reply is cut into parts at paragraph ends that marked reads the same apart as together, and each part
// that repeats is parsed once per render worker and remembered, within a bounded cache. marked renders every byte.

/** Past ReDoS bugs in Markdown parsers (marked#1070) grew with input size: longer messages are shown as text. */
export const MARKDOWN_MAX_CHARS = 20_000;

/**
 * Quotes and lists nested deeper than this are not a reply's structure but an attack or a mail loop (2,000 levels of
 * "> " crash marked's recursive parser): such a message is shown as text, as written.
 */
const MARKDOWN_MAX_DEPTH = 32;

/** The deepest nesting of quote and list markers at the start of any line of `source`. */
function markdownDepth(source: string): number {
  let deepest = 0;
  for (const m of source.matchAll(/^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*)+/gm)) {
    const markers = m[0].match(/>|[-*+]|\d{1,9}[.)]/g)?.length ?? 0;
    if (markers > deepest) deepest = markers;
  }
  return deepest;
}

const SAFE_PROTOCOL = /^(https?:|mailto:)/i;

/** The link target if it is http, https or mailto, else null. Entities and control characters cannot hide a scheme. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  let decoded = href.trim();
  try {
    decoded = decodeURI(decoded);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(decoded)) return null;
  if (!SAFE_PROTOCOL.test(decoded)) return null;
  try {
    const url = new URL(href.trim());
    if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** A link whose text is already HTML: kept only with a safe target, else just its text. */
function linkHtml(href: string, textHtml: string, title?: string | null): string {
  const safe = safeHref(href);
  if (!safe) return textHtml;
  const t = title ? ` title="${escapeHtml(title)}"` : '';
  return `<a href="${escapeHtml(safe)}"${t} rel="nofollow ugc noopener noreferrer">${textHtml}</a>`;
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      const text = escapeHtml(token.text);
      return 'block' in token && token.block ? `<p>${text.trim()}</p>\n` : text;
    },
    text(token: Tokens.Text | Tokens.Escape): string | false {
      // After an HTML tag such as <script> or <pre>, marked passes the text that follows through as written (it
      // expects the tag to be kept as HTML). The tag is shown as text here, so that text must be escaped too.
      if (token.type === 'text' && token.escaped && !token.tokens) return escapeHtml(token.text);
      return false;
    },
    heading({ tokens }: Tokens.Heading): string {
      // A reply is part of the page's outline, not a document of its own: headings become bold paragraphs.
      return `<p><strong>${this.parser.parseInline(tokens)}</strong></p>\n`;
    },
    link({ href, title, tokens }: Tokens.Link): string {
      return linkHtml(href, this.parser.parseInline(tokens), title);
    },
    image({ href, text }: Tokens.Image): string {
      const safe = safeHref(href);
      const label = escapeHtml(text || 'image');
      return safe ? `<a href="${escapeHtml(safe)}" rel="nofollow ugc noopener noreferrer">[image: ${label}]</a>` : `[image: ${label}]`;
    },
    tablecell(token: Tokens.TableCell): string {
      const tag = token.header ? 'th' : 'td';
      return `<${tag}>${this.parser.parseInline(token.tokens)}</${tag}>\n`;
    },
    checkbox({ checked }: Tokens.Checkbox): string {
      return checked ? '☑ ' : '☐ ';
    },
    code({ text }: Tokens.Code): string {
      return `<pre><code>${escapeHtml(text)}</code></pre>\n`;
    },
  },
});

/**
 * Where a text cannot be cut into parts that marked renders apart: raw HTML (an HTML block may run past a blank
 * line, and inline `<pre>` changes how later text is read), code fences and spans, link reference definitions
 * (they apply to the whole text), and carriage returns, tabs and other control characters (they change what
 * counts as a blank line).
 */
// eslint-disable-next-line no-control-regex
const WHOLE_ONLY = /[<`~\u0000-\u0009\u000b-\u001f\u007f]|\]:/;

/** A paragraph every line of which starts with a letter: it cannot open, continue or sit inside any other block. */
const PLAIN_PARAGRAPH = /^\p{L}[^\n]*(?:\n\p{L}[^\n]*)*$/u;

const BLANK_LINES = /\n{2,}/g;

/**
 * The text in parts that marked renders to the same HTML one by one as whole: cut after each plain paragraph and
 * the blank lines that follow it. In Markdown (CommonMark, which marked follows) a blank line closes a paragraph and
 * every block before it once the next line starts at the margin, and what follows a closed paragraph is read as if
 * the text began there; only link reference definitions reach across, and texts with them are not cut. Saved
 * replies are rarely sent unchanged ("Hi Sarah," above, a signature below): their paragraphs are what repeats.
 */
export function markdownParts(source: string): string[] {
  if (WHOLE_ONLY.test(source)) return [source];
  const parts: string[] = [];
  let partStart = 0;
  let paragraphStart = 0;
  for (const blank of source.matchAll(BLANK_LINES)) {
    const end = blank.index;
    if (PLAIN_PARAGRAPH.test(source.slice(paragraphStart, end))) {
      parts.push(source.slice(partStart, end));
      partStart = end + blank[0].length;
    }
    paragraphStart = end + blank[0].length;
  }
  parts.push(source.slice(partStart));
  return parts;
}

/** About 4 MB of remembered parts and their HTML per render worker (JavaScript strings: two bytes a character). */
const MEMO_CHARS = 2_000_000;
const memo = new LRUCache<string, string>({ maxSize: MEMO_CHARS, sizeCalculation: (html, source) => html.length + source.length || 1 });
/**
 * The parts seen once, by hash: a part is remembered from its second use on. Most paragraphs are written once;
 * keeping each of them would only churn the memory the collector must go through (a third of a build's time, measured).
 */
const seenOnce = new LRUCache<string, true>({ max: 50_000 });

/**
 * A paragraph of plain prose, as most replies' paragraphs are: every line starts with a letter and holds only
 * letters, digits, spaces and punctuation that Markdown gives no meaning to inside a paragraph (no emphasis, code,
 * link, HTML, entity or escape characters, no ":" or "@" that could start an autolink, no "www.", no space before a
 * line end, which would be a hard break). marked renders such a part as the escaped text with <br> between lines.
 */
const PROSE_LINE = String.raw`\p{L}[\p{L}\p{M}\p{N} ,.;?!()%'"/+=$€£#-]*`;
const PROSE = new RegExp(`^${PROSE_LINE}(?:\n${PROSE_LINE})*$`, 'u');
/** The same in ASCII: most prose is, and a Unicode class costs a table search per character. */
const ASCII_LINE = String.raw`[A-Za-z][A-Za-z0-9 ,.;?!()%'"/+=$#-]*`;
const ASCII_PROSE = new RegExp(`^${ASCII_LINE}(?:\n${ASCII_LINE})*$`);

/** marked's HTML for a part that is one paragraph of plain prose (see PROSE), without parsing it; else null. */
export function proseHtml(part: string): string | null {
  if (!(ASCII_PROSE.test(part) || PROSE.test(part)) || part.endsWith(' ') || part.includes(' \n') || /www\./i.test(part)) return null;
  return `<p>${escapeHtml(part).replaceAll('\n', '<br>')}</p>\n`;
}

/** Thrown within one reply when a part of it nests too deep: the whole reply is then shown as text. */
class TooDeep extends Error {}

/**
 * A part's HTML. Its nesting is checked only when marked must parse it: a prose part starts every line with a
 * letter (depth 0) and a remembered part passed the check when it was first parsed. Each line of a reply is a whole
 * line of one of its parts, so the deepest part is as deep as the reply.
 */
function partHtml(part: string): string {
  const prose = proseHtml(part);
  if (prose !== null) return prose;
  let html = memo.get(part);
  if (html !== undefined) return html;
  if (markdownDepth(part) > MARKDOWN_MAX_DEPTH) throw new TooDeep();
  html = marked.parse(part, { async: false });
  const key = hash('sha1', part, 'base64');
  if (seenOnce.has(key)) memo.set(part, html);
  else seenOnce.set(key, true);
  return html;
}

/** Staff Markdown as safe HTML: marked's, part by part, each part rendered once per render worker when it repeats. */
export function markdownToHtml(source: string): TrustedHtml {
  if (source.length > MARKDOWN_MAX_CHARS) return textToHtml(source);
  try {
    const parts = markdownParts(source);
    return trusted(parts.length === 1 ? partHtml(source) : parts.map(partHtml).join(''));
  } catch (err) {
    // Nested too deep, or any other nesting that exhausts the parser's stack (brackets, emphasis): the text as
    // written, not a crash.
    if (err instanceof RangeError || err instanceof TooDeep) return textToHtml(source);
    throw err;
  }
}

/** Whether the reply as a whole nests deeper than marked is given (the check parts must agree with; tests compare). */
export function tooDeepForMarkdown(source: string): boolean {
  return markdownDepth(source) > MARKDOWN_MAX_DEPTH;
}

/** marked's HTML for the whole text at once, with no memory: what the parts must add up to (tests compare). */
export function markdownToHtmlWhole(source: string): string {
  return marked.parse(source, { async: false });
}

/** How many characters the memo holds now (sources and their HTML): bounded by MEMO_CHARS. */
export function markdownMemoChars(): number {
  return memo.calculatedSize;
}

export { MEMO_CHARS as MARKDOWN_MEMO_CHARS };
