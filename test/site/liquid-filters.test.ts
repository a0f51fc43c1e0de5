import { IntlMessageFormat } from 'intl-messageformat';
import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { intlLocale, SITE_LANGUAGES, SiteText, siteMessages } from '../../electron/core/site/i18n.ts';
import { compileTemplates } from '../../electron/core/site/liquid/compile.ts';
import { escapeOutput } from '../../electron/core/site/liquid/plain-output.ts';
import { ScopedContext } from '../../electron/core/site/liquid/scoped-context.ts';
import { escapeHtml } from '../../electron/core/site/trusted.ts';
import { naughtyStrings, realStrings } from '../helpers/real-strings.ts';

// Two fast paths of a thread page, checked against what they stand in for on real text (the recorded vendor exports
// in test/fixtures/real and the naughty strings): filters with arguments called as plain calls, with a constant
// filter's text reused while its arguments stay the same, against liquidjs's own nodes; and site texts of words and
// plain placeholders joined directly, against intl-messageformat.

const texts = [...realStrings(), ...naughtyStrings()];

describe('filters with arguments, as plain calls', () => {
  const OPTIONS = { outputEscape: escapeOutput, strictVariables: true, strictFilters: true, ownPropertyOnly: true, jsTruthy: false };
  /** A constant filter (its text depends on its input and arguments only), as the engine's `t` is. */
  const label = (key: unknown, ...args: unknown[]) => `${String(key)}(${args.map((a) => JSON.stringify(a)).join(',')})`;
  const engine = (compile: boolean) => {
    const l = new Liquid(OPTIONS);
    l.registerFilter('t', { handler: label, raw: true });
    const parse = (source: string) => (compile ? compileTemplates(l.parse(source), true, new Set(['t'])) : l.parse(source));
    return (source: string, scope: object) => l.renderSync(parse(source), compile ? new ScopedContext(scope, l) : scope) as string;
  };

  it('gives liquidjs\'s bytes for every message of real exports, arguments repeating and changing', () => {
    // Authors repeat in runs and roles alternate, as in conversations: the remembered text is used and replaced.
    const messages = texts.map((body, i) => ({ body, author: texts[Math.floor(i / 3)]!, role: i % 2 ? 'staff' : 'customer', n: i % 4 }));
    const source = [
      '{% for m in messages %}<li>{{ \'thread.messageFrom\' | t: role: m.role, author: m.author }}',
      '{{ \'thread.forOrg\' | t: name: site.name }}{{ \'card.messages\' | t: count: m.n }}',
      '{{ m.body | truncate: 20 }}|{{ m.author | append: m.role }}|{{ m.body | replace: "a", m.role | truncatewords: 3, "~" }}</li>{% endfor %}',
    ].join('');
    const scope = { messages, site: { name: 'Candor <&> "Co"' } };
    const expected = engine(false)(source, scope);
    expect(engine(true)(source, scope)).toBe(expected);
    expect(expected.length).toBeGreaterThan(texts.length * 20);
  });

  it('reports an undefined argument as liquidjs does, also after its text was remembered', () => {
    const source = '{% for m in messages %}{{ \'k\' | t: who: m.author }}{% endfor %}';
    const scope = { messages: [{ author: texts[0] }, { author: texts[0] }, {}] };
    const message = (compile: boolean) => {
      try {
        return engine(compile)(source, scope);
      } catch (err) {
        return `${(err as Error).name}: ${(err as Error).message}`;
      }
    };
    expect(message(false)).toMatch(/undefined variable: m.author/);
    expect(message(true)).toBe(message(false));
  });
});

describe('site texts of words and plain placeholders', () => {
  const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
  const values = texts.filter((s) => !ISO_DATE.test(s));
  /** The keys a thread page words with strings and numbers, per message or per thread. */
  const KEYS = ['thread.messageFrom', 'thread.record', 'thread.forOrg', 'feed.title', 'format.datetime', 'page.thread.description', 'thread.afterParen', 'thread.firstReplyAfter'];

  it.each(SITE_LANGUAGES)('words them as intl-messageformat does, as text and as HTML (%s)', (lang) => {
    const messages = siteMessages(lang);
    const text = new SiteText(lang, messages);
    let checked = 0;
    for (const key of KEYS) {
      const mf = new IntlMessageFormat(messages[key]!, intlLocale(lang), undefined, { ignoreTag: false });
      const names = [...new Set([...messages[key]!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
      expect(names.length, key).toBeGreaterThan(0);
      for (let i = 0; i < values.length; i += 7) {
        const params: Record<string, string | number> = {};
        names.forEach((name, j) => (params[name] = j % 3 === 2 ? i - 50 : values[(i + j) % values.length]!));
        const expected = String(mf.format(params));
        expect(text.text(key, params), `${key} ${JSON.stringify(params)}`).toBe(expected);
        expect(text.html(key, params).html, `${key} ${JSON.stringify(params)}`).toBe(escapeHtml(expected));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(KEYS.length * 100);
  });
});
