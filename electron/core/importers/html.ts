import { compile } from 'html-to-text';
import type { FormatCallback, HtmlToTextOptions } from 'html-to-text';

// html-to-text parses with htmlparser2: no DOM, no script execution, no network. The output is plain text, so no
// markup from a customer or a vendor survives to be rendered anywhere. (Markdown output would need turndown, which
// needs a DOM; plain text keeps every word the customer wrote.)

const UNSAFE_SCHEMES = /^\s*(javascript|vbscript|data|file):/i;

/** A 1×1 or hidden image, or one served by a known open-tracking path, is a tracking pixel. */
function isTrackingImage(attribs: Record<string, string>): boolean {
  const size = (v: string | undefined) => (v === undefined ? null : Number.parseInt(v, 10));
  const w = size(attribs.width);
  const h = size(attribs.height);
  if ((w !== null && w <= 1) || (h !== null && h <= 1)) return true;
  const style = (attribs.style ?? '').replace(/\s+/g, '').toLowerCase();
  if (/display:none|visibility:hidden|(^|;)(width|height):[01]px/.test(style)) return true;
  return /(track|pixel|beacon|open\.(gif|png)|\/o\/|\/wf\/open|\/e\/o\/)/i.test(attribs.src ?? '');
}

/** Images are not kept (they may carry personal data and cannot be shown); a described image leaves its alt text. */
const formatImage: FormatCallback = (elem, _walk, builder) => {
  const attribs = (elem as { attribs?: Record<string, string> }).attribs ?? {};
  const alt = (attribs.alt ?? '').trim();
  if (!alt || isTrackingImage(attribs)) return;
  builder.addInline(`[image: ${alt}]`, { noWordTransform: true });
};

const options: HtmlToTextOptions = {
  wordwrap: false,
  preserveNewlines: false,
  formatters: { candorImage: formatImage },
  selectors: [
    { selector: 'img', format: 'candorImage' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'title', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'iframe', format: 'skip' },
    { selector: 'object', format: 'skip' },
    { selector: 'embed', format: 'skip' },
    { selector: 'svg', format: 'skip' },
    { selector: 'canvas', format: 'skip' },
    { selector: 'video', format: 'skip' },
    { selector: 'audio', format: 'skip' },
    { selector: 'form', format: 'block' },
    { selector: 'input', format: 'skip' },
    { selector: 'button', format: 'inline' },
    // Hidden e-mail preheaders and tracking blocks.
    { selector: '[hidden]', format: 'skip' },
    { selector: '[style*="display:none"]', format: 'skip' },
    { selector: '[style*="display: none"]', format: 'skip' },
    {
      selector: 'a',
      options: {
        hideLinkHrefIfSameAsText: true,
        noAnchorUrl: true,
        linkBrackets: ['(', ')'],
        // A link keeps its text and its address, except addresses that only run code.
        pathRewrite: (path: string) => (UNSAFE_SCHEMES.test(path) ? '' : path),
      },
    },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
  ],
};

// Compiled once: compiling the selectors costs more than converting a typical message.
const convert = compile(options);

/** Customer HTML becomes plain text: no markup survives to be rendered anywhere. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  // Mail clients append text after </body> (signatures, disclaimers, the rest of a reply): the parser would drop
  // it with the closing tags, so they go and the text stays.
  return convert(html.replace(/<\/(body|html)\s*>/gi, ''))
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Bodies are stored as text or markdown; HTML is converted on the way in. */
export function normalizeBody(body: string, format: 'text' | 'markdown' | 'html'): { body: string; format: 'text' | 'markdown' } {
  if (format === 'html') return { body: htmlToText(body), format: 'text' };
  return { body, format };
}

/** Vendors that send HTML bodies sometimes send plain text in the same field; both come out as text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i.test(text) || /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text);
}
