import { describe, expect, it } from 'vitest';
import { naughtyStrings, realStrings } from '../helpers/real-strings.ts';
import { markdownParts, markdownToHtml, markdownToHtmlWhole, tooDeepForMarkdown } from '../../electron/core/site/markdown.ts';
import { textToHtml } from '../../electron/core/site/trusted.ts';

// A reply nested too deep (quotes, lists) is shown as text. The check runs only on the parts marked must parse (not
// on prose, not on a part remembered from an earlier reply), so it must still decide for the whole reply: a deep part
// anywhere, first, last, or after remembered parts, shows the whole reply as text, exactly as checking the whole did.

const real = [...realStrings().filter((s) => s.length > 20), ...naughtyStrings()];

/** What the reply showed before: checked whole first, then marked on the whole text. */
function slowPath(text: string): string {
  return tooDeepForMarkdown(text) ? textToHtml(text).html : markdownToHtmlWhole(text);
}

const quotes = (n: number) => `${'> '.repeat(n)}quoted`;
const list = (n: number) => `${'- '.repeat(n)}item`;
const numbered = (n: number) => `${'1. '.repeat(n)}item`;

describe('staff Markdown nested too deep, checked part by part', () => {
  it('decides as the whole-reply check did, on real texts with shallow and deep parts around them', () => {
    const nests = [quotes(2), quotes(32), quotes(33), list(32), list(33), numbered(33), `>>>>${'>'.repeat(40)} x`, `${'\t> '.repeat(40)}x`];
    let deep = 0;
    let cut = 0;
    for (const [i, text] of real.entries()) {
      const nest = nests[i % nests.length]!;
      for (const reply of [text, `${text}\n\n${nest}`, `${nest}\n\n${text}`, `Hi Sarah,\n\n${nest}\n\nKind regards,\n${text}`, `${text}\n${nest}`]) {
        const expected = slowPath(reply);
        if (tooDeepForMarkdown(reply)) deep++;
        if (markdownParts(reply).length > 1) cut++;
        expect(markdownToHtml(reply).html, JSON.stringify(reply)).toBe(expected);
        // Again, with its repeated parts now remembered.
        expect(markdownToHtml(reply).html, JSON.stringify(reply)).toBe(expected);
      }
    }
    // Both outcomes and the cut replies are exercised, not only the easy case.
    expect(deep).toBeGreaterThan(500);
    expect(cut).toBeGreaterThan(500);
  }, 60_000);

  it('shows the whole reply as text when a part that was remembered sits next to a deep part', () => {
    const saved = '**Next steps:**\n\n- we have sent a replacement';
    markdownToHtml(saved);
    markdownToHtml(saved);
    const reply = `Hello Amelia\n\n${saved}\n\n${quotes(40)}`;
    expect(markdownParts(reply).length).toBeGreaterThan(1);
    expect(markdownToHtml(reply).html).toBe(textToHtml(reply).html);
    expect(markdownToHtml(`Hello Amelia\n\n${saved}\n\n${quotes(32)}`).html).toBe(markdownToHtmlWhole(`Hello Amelia\n\n${saved}\n\n${quotes(32)}`));
  });
});
