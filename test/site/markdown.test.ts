import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKDOWN_MEMO_CHARS, markdownMemoChars, markdownParts, markdownToHtml, markdownToHtmlWhole, proseHtml } from '../../electron/core/site/markdown.ts';

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

// A reply is cut into parts at paragraph ends and marked renders the parts one by one (each remembered when it
// repeats). The parts must add up to marked's HTML for the whole text, byte for byte: checked on every example of the
// CommonMark and GFM specs (each alone, between a greeting and a signature, and next to the following example) and
// on the naughty strings.

const CORPORA = join(import.meta.dirname, '../fixtures/corpora');
const examples = ['commonmark/commonmark-0.31.2.json', 'commonmark/gfm-0.29.json']
  .flatMap((file) => JSON.parse(readFileSync(join(CORPORA, file), 'utf8')) as { markdown: string; example: number }[])
  .map((e) => e.markdown);
const blns = JSON.parse(readFileSync(join(CORPORA, 'blns.json'), 'utf8')) as string[];

/** The texts a saved reply turns into: the example with a greeting, a signature or another example around it. */
function aroundEach(texts: readonly string[]): string[] {
  return texts.flatMap((text, i) => {
    const next = texts[(i + 1) % texts.length]!;
    return [
      text,
      `Hi Sarah,\n\n${text}\n\nKind regards,\nSupport`,
      `Thanks for writing.\nWe have looked into it.\n\n\n${text}`,
      `${text}\n\nÜber uns\n\nSecond paragraph`,
      `${text}\n\nBetween them\n\n${next}`,
      `${text}\n${next}`,
      `${text}\n\n${next}`,
    ];
  });
}

describe('staff Markdown, rendered in parts', () => {
  it('gives marked\'s bytes for the whole text, from the parts and from memory (spec examples, naughty strings)', () => {
    const texts = [...aroundEach(examples), ...aroundEach(blns)];
    let cut = 0;
    for (const text of texts) {
      const whole = markdownToHtmlWhole(text);
      expect(markdownToHtml(text).html, JSON.stringify(text)).toBe(whole);
      if (markdownParts(text).length === 1) continue;
      cut++;
      // Again, the parts remembered this time (each is now seen a second time).
      expect(markdownToHtml(text).html, JSON.stringify(text)).toBe(whole);
    }
    // Not vacuous: most of these texts were cut.
    expect(cut).toBeGreaterThan(texts.length / 3);
  }, 60_000);

  it('cuts a saved reply so that what repeats is a part of its own', () => {
    const saved = '**Next steps:**\n\n- we have sent a replacement\n- see [our returns page](https://example.com/returns)';
    expect(markdownParts(`Hi Sarah,\n\nSorry about the zip.\nIt should not break.\n\n${saved}`)).toEqual(['Hi Sarah,', 'Sorry about the zip.\nIt should not break.', saved]);
    expect(markdownParts(`Hello Amelia\n\n\n${saved}\n\nJames, Support`)).toEqual(['Hello Amelia', `${saved}\n\nJames, Support`]);
  });

  it.each([
    ['raw HTML (an HTML block may run past a blank line)', 'Hello\n\n<pre>\na\n\nb</pre>'],
    ['a code fence', 'Hello\n\n```\na\n\nb\n```'],
    ['a tilde fence', 'Hello\n\n~~~\na\n\nb\n~~~'],
    ['a link reference definition (it applies to the whole text)', 'See [x]\n\n[x]: https://example.com'],
    ['carriage returns', 'Hello\r\n\r\nThere'],
    ['tabs', 'Hello\n\n\tcode'],
  ])('does not cut a text with %s', (_what, text) => {
    expect(markdownParts(text)).toEqual([text]);
  });

  it.each([
    ['a list item', '- item\n\n  more of the item'],
    ['a numbered item', '1. item\n\n   more'],
    ['a quote', '> quoted\n\nafter'],
    ['indented code', '    code\n\n    more code'],
    ['a line of spaces (not a blank line to marked within a paragraph)', 'Hello\n \nThere'],
    ['a paragraph whose second line starts with a digit', 'Hello\n2. item\n\nThere'],
  ])('does not cut after %s', (_what, text) => {
    expect(markdownParts(text)).toEqual([text]);
  });
});

// Most paragraphs of replies are plain prose; those skip marked (a third of a worker's time on a big site went into
// parsing them) and must still come out as marked's bytes: checked on texts made of prose characters and of the
// characters next to them that do mean something (autolinks, hard breaks), in many scripts.
describe('staff Markdown, plain prose', () => {
  it('gives marked\'s bytes for a paragraph of plain prose, and leaves anything else to marked', () => {
    const pieces = [...'abcXYZéÜßжΩ中あ٣0123456789 ,.;?!()%\'"/+=$€£#-&*_[]<>`~|:@\\', '\n', '  ', 'ww', 'www.', 'WWW.', 'http', '\u0301', '\t'];
    let seed = 7;
    const next = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000) * n);
    let fast = 0;
    for (let i = 0; i < 20_000; i++) {
      let text = 'aÉk中'[next(4)]!;
      for (let j = next(40); j > 0; j--) text += pieces[next(pieces.length)] === '\n' ? `\n${'kÆ'[next(2)]}` : pieces[next(pieces.length)];
      const html = proseHtml(text);
      if (html === null) continue;
      fast++;
      expect(html, JSON.stringify(text)).toBe(markdownToHtmlWhole(text));
    }
    expect(fast).toBeGreaterThan(1000);
    expect(proseHtml('Sorry about the zip.\nIt should not break.')).toBe('<p>Sorry about the zip.<br>It should not break.</p>\n');
    for (const text of ['See www.example.com', 'Mail me: a@b.com', 'Two spaces  \nbreak', '**Bold**', 'A & B', '1. First', 'Ends in a space ']) expect(proseHtml(text), text).toBeNull();
  });
});
