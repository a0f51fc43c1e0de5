import { convert } from 'html-to-text';

// html-to-text parses with htmlparser2 (no DOM, no script execution). Images are dropped (tracking pixels carry
// personal data and cannot be shown anyway); links keep their text and address so nothing the customer wrote is lost.
const options = {
  wordwrap: false as const,
  preserveNewlines: false,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable' },
  ],
};

/** Customer HTML becomes plain text: no markup survives to be rendered anywhere. */
export function htmlToText(html: string): string {
  return convert(html, options).replace(/\n{3,}/g, '\n\n').trim();
}

/** Bodies are stored as text or markdown; HTML is converted on the way in. */
export function normalizeBody(body: string, format: 'text' | 'markdown' | 'html'): { body: string; format: 'text' | 'markdown' } {
  if (format === 'html') return { body: htmlToText(body), format: 'text' };
  return { body, format };
}
