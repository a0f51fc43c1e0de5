import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, withMarkdownParserOnly } from '../../electron/core/site/markdown.ts';
import { simpleMarkdown } from '../../electron/core/site/markdown-simple.ts';

// Staff replies that are only paragraphs, lists, bold and links skip marked: they must come out exactly as marked
// (with the site's renderer) would make them, and anything else must still go to marked.

const ROOT = join(import.meta.dirname, '../..');
const blns = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/corpora/blns.json'), 'utf8')) as string[];

const taken = (source: string) => simpleMarkdown(source, (href, html) => `${href}${html}`) !== null;
const viaParser = (source: string) => withMarkdownParserOnly(() => markdownToHtml(source).html);

describe('Markdown without the parser', () => {
  it.each([
    ['paragraphs and line breaks', 'Thanks for writing.\nWe are on it.\n\nKind regards'],
    ['quotes and apostrophes', 'Your "order" isn\'t lost (we checked).'],
    ['bold at the start, in the middle and before punctuation-ending text', '**Next steps:**\n\nWe will **refund** you. **Done!**'],
    ['a tight list', 'What happens now:\n\n- we send a replacement\n- you keep the old one'],
    ['a numbered list', 'I have:\n\n1. sent a replacement, and\n2. refunded the delivery.'],
    ['a numbered list from 3', '3. third\n4. fourth'],
    ['emphasis', 'make sure it is *completely* dry, *really*.'],
    ['a list, then a paragraph', '- one\n- two\n\nAfter the list.'],
    ['a safe link', 'See [our returns page](https://example.com/returns?from=reply#top) today.'],
    ['a link in a list item', '- read [this](http://example.com/a/b)'],
    ['other scripts and symbols', 'Grüße aus Köln, 日本語, emoji 🙂 #42 50% a+b=c'],
    ['blank lines around', '\n\nHello\n\n\n\nBye\n\n'],
  ])('%s: the same HTML as marked', async (_, source) => {
    expect(taken(source)).toBe(true);
    expect(markdownToHtml(source).html).toBe(await viaParser(source));
  });

  it.each([
    ['emphasis inside a word', 'un*believ*able'],
    ['a star on its own', 'a * b'],
    ['a numbered list after a bulleted one', '- a\n1. b'],
    ['a numbered list with a leading zero', '01. a'],
    ['a numbered list with a parenthesis', '1) a'],
    ['bold touching a word', 'x**y**'],
    ['bold before a letter', '**a**b'],
    ['a heading', '# Title'],
    ['a list with stars', '* first'],
    ['a list right after a paragraph line', 'Intro\n- item'],
    ['two lists apart (one loose list)', '- a\n\n- b'],
    ['a line after a list item (lazy continuation)', '- a\ncontinued'],
    ['an image', '![x](https://example.com/x.png)'],
    ['a link to javascript:', '[x](javascript:alert(1))'],
    ['a link with parentheses', '[x](https://example.com/a_(b))'],
    ['a bare address', 'see https://example.com'],
    ['www', 'see www.example.com'],
    ['an e-mail address', 'write to help@example.com'],
    ['HTML', 'a <b>tag</b>'],
    ['an entity', 'fish &amp; chips'],
    ['a backslash escape', 'not \\*bold\\*'],
    ['code', 'run `rm`'],
    ['a table', 'a | b\n--|--\n1 | 2'],
    ['a trailing space', 'hard  \nbreak'],
    ['a tab', 'a\tb'],
    ['a carriage return', 'a\r\nb'],
    ['a no-break space', 'a\u00a0b'],
    ['a reference', '[a]\n\n[a]: https://example.com'],
    ['nothing', ''],
  ])('%s: left to marked', (_, source) => {
    expect(taken(source)).toBe(false);
  });

  it('gives marked\'s bytes for thousands of generated documents, taking a good share of them', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const plainWords = ['order', 'Refund', 'café', 'Ünïcödé', '日本語', '🙂', 'x', '42', '3.5', '"quoted"', "it's", '(aside)', 'end.', 'Next:', '#7', '50%', 'a+b', 'x/y', 'what?', 'wow!', 'a-b', ';', ',', '…'];
    const syntax = ['**bold**', '*em*', '**Note:**', '[link](https://example.com/p?q=1)', '*two words*.', '[l](http://a.b)', '*x*y', '**x**:', '*', '**', '***', '_em_', '*em*', '[', ']', ')', '(', '!', '![i](https://x.y/i.png)',
      '[l](javascript:alert(1))', '[l](https://x.y/a(b))', '[l](https://x.y))', '[ref]', 'www.example.com', 'http://x.y', 'user@example.com', '&amp;', '&', '<b>', '\\*', '`c`', '~~d~~', '|', '\u00a0', '\t', '\u2028', '1.', '1)', '**a*', '*a**', '***a***'];
    const prefixes = ['', '', '', '', '- ', '1. ', '7. ', '# ', '> ', '1. ', '  ', '* ', '+ ', '    ', '-', '---', '===', '[a]: https://x.y ', '- [ ] '];
    let agreed = 0;
    let simple = 0;
    const docs = 10_000;
    for (let d = 0; d < docs; d++) {
      const messy = random() < 0.5;
      const lines: string[] = [];
      const count = 1 + Math.floor(random() * 6);
      for (let l = 0; l < count; l++) {
        if (random() < 0.25) {
          lines.push('');
          continue;
        }
        // Clean documents mostly open their lines with a word (digits could open an ordered list).
        const words: string[] = messy ? [] : [pick(['Thanks', 'we', 'Ünïcödé', '日本語', '**Note:**'])];
        for (let w = 0, n = 1 + Math.floor(random() * 6); w < n; w++) words.push(messy && random() < 0.3 ? pick(syntax) : random() < 0.15 ? pick(syntax.slice(0, 6)) : pick(plainWords));
        const gap = random() < 0.1 ? (random() < 0.5 ? '' : '  ') : ' ';
        lines.push((messy ? pick(prefixes) : pick(prefixes.slice(0, 7))) + words.join(gap) + (random() < 0.05 ? ' ' : ''));
      }
      const source = lines.join('\n');
      if (taken(source)) simple++;
      const expected = await viaParser(source);
      if (markdownToHtml(source).html === expected) agreed++;
      else expect({ source, html: markdownToHtml(source).html }).toEqual({ source, html: expected });
    }
    expect(agreed).toBe(docs);
    // A path that took nothing would pass the comparison trivially.
    expect(simple).toBeGreaterThan(docs / 8);
  });

  it('gives marked\'s bytes for the naughty strings as paragraphs, list items, bold text and link labels', async () => {
    let simple = 0;
    for (const s of blns) {
      for (const source of [s, `- ${s}`, `**${s}**`, `Intro **${s}** end`, `[${s}](https://example.com/x)`, `${s}\n\n- ${s}\n- ok`]) {
        if (taken(source)) simple++;
        expect(markdownToHtml(source).html, JSON.stringify(source)).toBe(await viaParser(source));
      }
    }
    expect(simple).toBeGreaterThan(blns.length);
  });
});
