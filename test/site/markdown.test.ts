import { describe, expect, it } from 'vitest';
import { MARKDOWN_MEMO_CHARS, markdownMemoChars, markdownToHtml } from '../../electron/core/site/markdown.ts';

// Staff replies go through marked; a text used again (a saved reply on thousands of threads) is remembered from its
// second use on, and what is remembered stays within its bound however many different replies a site has.

describe('staff Markdown, remembered by its text', () => {
  it('gives the same HTML for the same text, first time or from memory', () => {
    const macro = '**Next steps:**\n\n- we have sent a replacement\n- see [our returns page](https://example.com/returns)';
    const first = markdownToHtml(macro).html;
    expect(first).toBe('<p><strong>Next steps:</strong></p>\n<ul>\n<li>we have sent a replacement</li>\n<li>see <a href="https://example.com/returns" rel="nofollow ugc noopener noreferrer">our returns page</a></li>\n</ul>\n');
    for (let i = 0; i < 100; i++) expect(markdownToHtml(macro).html).toBe(first);
    // A text that differs by one character is its own entry, not the remembered one.
    expect(markdownToHtml(`${macro}!`).html).not.toBe(first);
  });

  it('keeps at most its bound in memory however many different texts it sees', () => {
    const kept = '**Kept** because it is used all the time.';
    const keptHtml = markdownToHtml(kept).html;
    const filler = 'x'.repeat(900);
    for (let i = 0; i < 5000; i++) {
      markdownToHtml(`Reply ${i}: ${filler}`);
      markdownToHtml(`Reply ${i}: ${filler}`);
      if (i % 100 === 0) markdownToHtml(kept);
      expect(markdownMemoChars()).toBeLessThanOrEqual(MARKDOWN_MEMO_CHARS);
    }
    expect(markdownMemoChars()).toBeGreaterThan(MARKDOWN_MEMO_CHARS / 2);
    expect(markdownToHtml(kept).html).toBe(keptHtml);
  });

  it('does not keep a text used only once', () => {
    const before = markdownMemoChars();
    for (let i = 0; i < 100; i++) markdownToHtml(`A one-off reply, number ${i}, written for this customer only.`);
    expect(markdownMemoChars()).toBe(before);
  });
});
