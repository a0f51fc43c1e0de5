import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml, normalizeBody } from '../../electron/core/importers/html.ts';

describe('HTML to clean text', () => {
  it.each([
    ['paragraphs and breaks', '<p>Hello,</p><p>line one<br>line two</p>', 'Hello,\n\nline one\nline two'],
    ['entities', '<p>Fish &amp; chips &ndash; 3&nbsp;€ &#39;ok&#39;</p>', "Fish & chips – 3 € 'ok'"],
    ['scripts and styles dropped', '<style>p{color:red}</style><p>Hi</p><script>alert(1)</script><noscript>x</noscript>', 'Hi'],
    ['head and title dropped', '<html><head><title>Mail</title><meta charset="utf-8"></head><body>Body</body></html>', 'Body'],
    ['tracking pixels dropped', '<p>Thanks</p><img src="https://t.example/open.gif" width="1" height="1" alt="">', 'Thanks'],
    ['hidden pixels dropped', '<p>Thanks</p><img src="https://x.example/a.png" style="display:none" alt="logo">', 'Thanks'],
    ['described images leave their alt text', '<p>See <img src="cid:1" alt="screenshot.png"></p>', 'See [image: screenshot.png]'],
    ['hidden preheaders dropped', '<div style="display: none">Preview text</div><p>Real</p>', 'Real'],
    ['links keep text and address', '<a href="https://acme.test/o/1">my order</a>', 'my order (https://acme.test/o/1)'],
    ['a link that is its own text is not repeated', '<a href="https://acme.test">https://acme.test</a>', 'https://acme.test'],
    ['mailto shows the address once', '<a href="mailto:help@acme.test">help@acme.test</a>', 'help@acme.test'],
    ['javascript links lose their address', '<a href="javascript:alert(1)">click</a>', 'click'],
    ['lists', '<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>', '- one\n- two\n\n 1. first'],
    ['quotes', '<blockquote>earlier</blockquote>', '> earlier'],
    ['headings keep their case', '<h1>Order update</h1><p>x</p>', 'Order update\n\nx'],
    ['iframes and forms', '<iframe src="https://evil.example"></iframe><form><input value="secret"><button>Send</button></form>', 'Send'],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('never lets markup through', () => {
    const out = htmlToText('<div onclick="x()"><svg><script>1</script></svg><p>a &lt;b&gt; c</p></div>');
    expect(out).toBe('a <b> c'); // the text the customer wrote, literally; it is escaped wherever it is shown
    expect(normalizeBody('<b>x</b>', 'html')).toEqual({ body: 'x', format: 'text' });
    expect(normalizeBody('**x**', 'markdown')).toEqual({ body: '**x**', format: 'markdown' });
  });

  it('tells HTML from text', () => {
    expect(looksLikeHtml('<p>hi</p>')).toBe(true);
    expect(looksLikeHtml('a &amp; b')).toBe(true);
    expect(looksLikeHtml('2 < 3 and 5 > 4')).toBe(false);
  });
});
