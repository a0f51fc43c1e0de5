// HTML that Candor itself produced (sanitised Markdown, escaped text with line breaks, build-time SVG, JSON-LD).
// Templates can print it unescaped only through the `trusted` filter, which escapes anything that is not one of
// these: a customer's string can never reach the page as markup, even if a template author forgets.

export class TrustedHtml {
  readonly html: string;
  constructor(html: string) {
    this.html = html;
  }
  toString(): string {
    return this.html;
  }
  toJSON(): string {
    return this.html;
  }
}

export function trusted(html: string): TrustedHtml {
  return new TrustedHtml(html);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Plain text as HTML: escaped, blank lines make paragraphs, single newlines make line breaks. */
export function textToHtml(text: string): TrustedHtml {
  // Most texts have no carriage return: the search for one is cheaper than a replace that copies the text.
  const paragraphs = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split(/\n[ \t]*\n+/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length === 0) return trusted('');
  return trusted(paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`).join('\n'));
}

/** Replaces lone surrogates (half a character, which strict JSON parsers refuse) with U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
