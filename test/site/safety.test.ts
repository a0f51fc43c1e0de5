import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLdBlock } from '../../electron/core/site/jsonld.ts';
import { createEngine, tidyWhitespace } from '../../electron/core/site/liquid/engine.ts';
import { templateRoots } from '../../electron/core/site/themes.ts';
import { markdownToHtml, MARKDOWN_MAX_CHARS, safeHref } from '../../electron/core/site/markdown.ts';
import { stringify } from 'csv-stringify/sync';
import { csvRows } from '../../electron/core/csv-write.ts';
import type { CsvCell } from '../../electron/core/csv-write.ts';
import { naughtyStrings, realStrings } from '../helpers/real-strings.ts';
import { escapeHtml, textToHtml, trusted } from '../../electron/core/site/trusted.ts';
import { messageHtml } from '../../electron/core/site/thread-views.ts';
import { slugify, topicKey } from '../../electron/core/site/topics.ts';
import { claimPath, rootFor } from '../../electron/core/site/pages.ts';
import { dateLabel, dateTimeLabel, formatCount, formatPercent } from '../../electron/core/site/format.ts';
import { tempDir } from '../helpers/workspace.ts';

describe('staff Markdown is sanitised', () => {
  const cases: [string, string, RegExp | null][] = [
    // [what, markdown, pattern that must NOT appear in the output]
    ['script tag', '<script>alert(1)</script>', /<script/i],
    ['img onerror', '<img src=x onerror=alert(1)>', /<img/i],
    ['event handler in inline html', 'hi <b onclick="x()">b</b>', /<b /i],
    ['javascript link', '[x](javascript:alert(1))', /href="javascript/i],
    ['entity-encoded javascript link', '[x](JaVaScRiPt&#58;alert(1))', /href=/i],
    ['space before scheme', '[x]( javascript:alert(1))', /href=/i],
    ['newline in scheme', '[x](java\nscript:alert(1))', /href=/i],
    ['data url', '[x](data:text/html,<script>alert(1)</script>)', /href=|<script/i],
    ['vbscript', '[x](vbscript:msgbox(1))', /href=/i],
    ['relative link', '[x](/admin)', /href=/i],
    ['raw anchor', '<a href="javascript:alert(1)">x</a>', /<a /i],
    ['iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['svg', '<svg onload=alert(1)>', /<svg/i],
    ['html comment', '<!-- hidden -->', /<!--/],
    ['style', '<style>body{display:none}</style>', /<style/i],
    ['code span keeps text', '`<b>`', /<b>/],
    ['fenced code', '```\n<img src=x onerror=alert(1)>\n```', /<img/i],
    ['image becomes a link', '![a](http://evil.example/x.png)', /<img/i],
    ['table alignment needs no inline style', '| a | b |\n|:-|-:|\n| 1 | 2 |', /style=|align=/i],
    ['task list has no input', '- [x] done', /<input/i],
    ['text after a raw-block tag (marked leaves it unescaped)', '<script>a<img/src=x/onerror=alert(1)//</script>', /<img/i],
    ['text inside pre', '<pre>123<1>alert(1)</pre>', /<1>/],
    ['text inside style', '<style><svg/onload=alert(1)></style>', /<svg/i],
  ];
  it.each(cases)('%s', (_what, md, forbidden) => {
    const html = markdownToHtml(md).html;
    if (forbidden) expect(html).not.toMatch(forbidden);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  });

  it('keeps http, https and mailto links, with rel', () => {
    expect(markdownToHtml('[a](https://example.com/x?y=1&z=2)').html).toContain('<a href="https://example.com/x?y=1&amp;z=2" rel="nofollow ugc noopener noreferrer">a</a>');
    expect(markdownToHtml('[a](http://example.com)').html).toContain('href="http://example.com/"');
    expect(markdownToHtml('[a](mailto:help@example.com)').html).toContain('href="mailto:help@example.com"');
    expect(markdownToHtml('**bold** and *em*').html).toContain('<strong>bold</strong> and <em>em</em>');
  });

  it('shows very long messages as text (no Markdown parsing to exhaust)', () => {
    const long = `${'[a'.repeat(MARKDOWN_MAX_CHARS)}<script>`;
    const html = markdownToHtml(long).html;
    expect(html).not.toContain('<script>');
    expect(html.startsWith('<p>[a[a')).toBe(true);
  });

  it.each([
    ['https://ok.example/a', 'https://ok.example/a'],
    ['mailto:a@b.example', 'mailto:a@b.example'],
    ['javascript:alert(1)', null],
    ['JAVASCRIPT:alert(1)', null],
    ['java%0ascript:alert(1)', null],
    ['//evil.example', null],
    ['ftp://x.example', null],
    ['', null],
  ])('safeHref(%j)', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });
});

describe('customer text is escaped, never HTML', () => {
  it('escapes and keeps paragraphs and line breaks', () => {
    expect(textToHtml('a <b>&"\'\n\nsecond\nline').html).toBe('<p>a &lt;b&gt;&amp;&quot;&#39;</p>\n<p>second<br>\nline</p>');
  });
  it('never treats a customer message as Markdown, even if marked so', () => {
    expect(messageHtml('customer', 'markdown', '**x** <i>y</i>').html).toBe('<p>**x** &lt;i&gt;y&lt;/i&gt;</p>');
    expect(messageHtml('staff', 'html', '<b>x</b>').html).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
    expect(messageHtml('staff', 'markdown', '**x**').html).toContain('<strong>x</strong>');
  });
});

describe('the Liquid engine', () => {
  function engine(files: Record<string, string>) {
    const t = tempDir();
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(t.dir, name, '..'), { recursive: true });
      writeFileSync(join(t.dir, name), text);
    }
    return { e: createEngine([t.dir]), cleanup: t.cleanup };
  }

  it('escapes every output unless it is HTML Candor made', () => {
    const { e, cleanup } = engine({ 'p.liquid': '{{ s }}|{{ s | raw }}|{{ s | trusted }}|{{ h }}|{{ h | trusted }}|{{ h | raw }}' });
    try {
      const out = e.render('p', { s: '<img src=x onerror=alert(1)>', h: trusted('<em>ok</em>') });
      expect(out).toBe('&lt;img src=x onerror=alert(1)&gt;|&lt;img src=x onerror=alert(1)&gt;|&lt;img src=x onerror=alert(1)&gt;|&lt;em&gt;ok&lt;/em&gt;|<em>ok</em>|<em>ok</em>');
    } finally {
      cleanup();
    }
  });

  it('refuses unknown variables and filters', () => {
    const { e, cleanup } = engine({ 'a.liquid': '{{ missing }}', 'b.liquid': '{{ "x" | nosuchfilter }}' });
    try {
      expect(() => e.render('a', {})).toThrow(/missing/);
      expect(() => e.render('b', {})).toThrow(/nosuchfilter/);
    } finally {
      cleanup();
    }
  });

  it('lets a workspace override any theme file', () => {
    const t = tempDir();
    try {
      mkdirSync(join(t.dir, 'templates', 'partials'), { recursive: true });
      writeFileSync(join(t.dir, 'templates', 'partials', 'thread-card.liquid'), 'OVERRIDDEN');
      const roots = templateRoots('default', t.dir);
      expect(roots[0]).toBe(join(t.dir, 'templates'));
      expect(() => templateRoots('no-such-theme', t.dir)).toThrow(/no theme "no-such-theme"/);
      expect(() => templateRoots('../etc', t.dir)).toThrow();
    } finally {
      t.cleanup();
    }
  });

  it('tidies whitespace outside <pre> only', () => {
    expect(tidyWhitespace('a  \n\n\n\nb<pre>x  \n\n\n\ny</pre>')).toBe('a\n\nb<pre>x  \n\n\n\ny</pre>');
  });
});

describe('JSON-LD cannot break out of its element', () => {
  it('escapes <, >, & and line separators', () => {
    const html = jsonLdBlock({ text: '</script><script>alert(1)</script>&\u2028' }).html;
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(html.slice(html.indexOf('>') + 1, html.lastIndexOf('<')))).toEqual({ text: '</script><script>alert(1)</script>&\u2028' });
  });
});

describe('CSV is safe against formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', '"\'=HYPERLINK(""http://evil"",""x"")"'],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
    ['plain, with comma', '"plain, with comma"'],
    ['line\nbreak', '"line\nbreak"'],
    ['say "hi"', '"say ""hi"""'],
    // Spreadsheets read the full-width forms as = + - @ too.
    ['\uff1d1+1', "'\uff1d1+1"],
    ['\uff0b1', "'\uff0b1"],
    ['\uff0d1', "'\uff0d1"],
    ['\uff20SUM(A1)', "'\uff20SUM(A1)"],
  ])('%j', (value, expected) => {
    expect(csvRows([[value]])).toBe(`${expected}\r\n`);
  });
  it('leaves numbers, booleans and empty values alone', () => {
    expect(csvRows([[-5, null, 3.5, true, false, '', 'x']])).toBe('-5,,3.5,true,false,,x\r\n');
    expect(csvRows([['a'], ['b']])).toBe('a\r\nb\r\n');
    expect(csvRows([])).toBe('');
  });
  it("gives csv-stringify's own output for every cell of the real exports and the naughty strings", () => {
    // csvRows hands csv-stringify only the cells it would change: the rest must come out as csv-stringify writes them.
    const whole = { record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true, cast: { boolean: (v: boolean) => String(v) } } as const;
    const strings = [...realStrings(), ...naughtyStrings(), '', ' ', 'ends with CR\r', '\r\n', 'a\r\nb', '\n', '-', '-5', "'quoted'", '\uff0d1', 'a\u2028b'];
    // Rows of six cells, as messages.csv has, with numbers, booleans and nulls among the text.
    const rows: CsvCell[][] = [];
    for (let i = 0; i < strings.length; i += 4) rows.push([strings[i]!, i % 5 === 0 ? -i : i + 0.5, strings[i + 1] ?? null, strings[i + 2] ?? '', i % 3 === 0, strings[i + 3] ?? null]);
    expect(rows.length).toBeGreaterThan(200);
    expect(csvRows(rows)).toBe(stringify(rows, whole));
    for (const row of rows) expect(csvRows([row])).toBe(stringify([row], whole));
  });
});

describe('names and addresses', () => {
  it('makes readable, distinct topic slugs', () => {
    expect(slugify('Late delivery')).toBe('late-delivery');
    expect(slugify('Delivery')).toBe(slugify('delivery'));
    expect(topicKey(' Late   Delivery ')).toBe('late delivery');
    // Near-duplicates are one topic: separators, accents and a plural merge.
    expect(slugify('late_delivery')).toBe('late-delivery');
    expect(slugify('Late-Delivery')).toBe(slugify('late delivery'));
    expect(slugify('Late deliveries')).toBe('late-delivery');
    expect(topicKey('Returns')).toBe(topicKey('return'));
    expect(topicKey('Café')).toBe(topicKey('cafe'));
    expect(topicKey('News')).toBe('news');
    expect(topicKey('Glasses')).toBe('glass');
    expect(topicKey('Delivery')).not.toBe(topicKey('Late delivery'));
    expect(slugify('配送')).toMatch(/^topic-[0-9a-f]{8}$/);
    expect(slugify('../../etc')).toMatch(/^etc-[0-9a-f]{8}$/);
  });
  it('keeps claim pages distinct on case-insensitive disks', () => {
    expect(claimPath('net-zero')).toBe('claims/net-zero.html');
    expect(claimPath('Net-Zero')).not.toBe(claimPath('net-zero'));
    expect(claimPath('index')).not.toBe('claims/index.html');
  });
  it('computes relative roots', () => {
    expect(rootFor('index.html')).toBe('');
    expect(rootFor('threads/t_1.html')).toBe('../');
    expect(rootFor('topics/a/2.html')).toBe('../../');
  });
});

describe('formatting never depends on the machine', () => {
  it('formats dates in UTC and numbers the same everywhere', () => {
    expect(dateLabel('2026-03-01T23:30:00-05:00')).toBe('2 March 2026');
    expect(dateTimeLabel('2026-03-01T09:05:00Z')).toBe('1 March 2026, 09:05 UTC');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatPercent(0.8123)).toBe('81%');
    expect(formatPercent(0.004)).toBe('0.4%');
    expect(escapeHtml('<&>"\'')).toBe('&lt;&amp;&gt;&quot;&#39;');
  });
});
