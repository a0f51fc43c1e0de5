import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';
import { buildSite } from '../../electron/core/site/build.ts';
import { useFastOutputs, withLiquidOutputsOnly } from '../../electron/core/site/liquid-fast-output.ts';
import { trusted } from '../../electron/core/site/trusted.ts';
import type { ThreadRec } from '../helpers/workspace.ts';
import { siteWorkspace, snapshot } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// The fast path for plain `{{ a.b }}` outputs must give exactly what liquidjs gives: the same bytes for every page of
// both themes (fed the naughty strings), and the same errors.

const ROOT = join(import.meta.dirname, '../..');
const blns = JSON.parse(readFileSync(join(ROOT, '../shared/corpora/blns.json'), 'utf8')) as string[];

const OPTIONS = { outputEscape: 'escape', strictVariables: true, strictFilters: true, ownPropertyOnly: true, jsTruthy: false } as const;

function engines(): { fast: Liquid; plain: Liquid } {
  const fast = new Liquid(OPTIONS);
  useFastOutputs(fast);
  const plain = new Liquid(OPTIONS);
  for (const l of [fast, plain]) l.registerFilter('trusted', { handler: (v: unknown) => String(v), raw: true });
  return { fast, plain };
}

describe('fast outputs, template by template', () => {
  const scope = {
    a: { b: '<b>"x" & \'y\'</b>', n: 42, zero: 0, f: false, nil: null, list: [{ name: 'first' }, { name: 'last' }], 'with space': 'spaced' },
    html: trusted('<em>kept</em>'),
    s: 'MiXeD',
  };
  const cases: [string, string][] = [
    ['a path, escaped', '{{ a.b }}'],
    ['a number, false, zero and nil', '{{ a.n }}|{{ a.f }}|{{ a.zero }}|{{ a.nil }}'],
    ['size, first and last', '{{ a.list.size }} {{ a.list.first.name }} {{ a.list.last.name }}'],
    ['quoted and indexed parts', '{{ a["with space"] }} {{ a.list[1].name }} {{ a.list.0.name }}'],
    ['filters without arguments', '{{ s | upcase }} {{ s | downcase | capitalize }}'],
    ['a raw filter', '{{ html | trusted }} {{ a.b | trusted }}'],
    ['a filter with arguments (left to liquidjs)', '{{ a.b | truncate: 5 }}'],
    ['inside loops and conditions', '{% for x in a.list %}{% if forloop.first %}{{ x.name }}{% else %}[{{ x.name }}]{% endif %}{{ forloop.index }}{% endfor %}'],
    ['an assigned variable', '{% assign t = a.list.last %}{{ t.name }}'],
  ];
  it.each(cases)('%s', (_name, source) => {
    const { fast, plain } = engines();
    expect(fast.parseAndRenderSync(source, scope)).toBe(plain.parseAndRenderSync(source, scope));
  });

  it('every naughty string comes out as liquidjs escapes it', () => {
    const { fast, plain } = engines();
    const source = '<p title="{{ t.text }}">{{ t.text }}</p>{{ t.text | upcase }}';
    const differ = blns.filter((text) => fast.parseAndRenderSync(source, { t: { text } }) !== plain.parseAndRenderSync(source, { t: { text } }));
    expect(differ).toEqual([]);
  });

  it('fails on an undefined variable with liquidjs\'s own message and position', () => {
    const { fast, plain } = engines();
    const message = (l: Liquid): string => {
      try {
        l.parseAndRenderSync('line one\n{{ a.missing.deeper }}', scope);
        return 'no error';
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(message(fast)).toMatch(/undefined variable: a\.missing, line:2, col:4/);
    expect(message(fast)).toBe(message(plain));
  });
});

describe('fast outputs, whole sites', () => {
  let fx: SiteWorkspace;
  beforeAll(async () => {
    const strings = blns.filter((s) => s.trim() !== '');
    const threads: ThreadRec[] = [];
    for (let i = 0; i * 4 < strings.length; i++) {
      const s = (k: number) => strings[(i * 4 + k) % strings.length]!;
      threads.push({
        id: `n-${i}`, subject: s(0), rating: i % 3 === 0 ? 1 + (i % 5) : null, tags: i < 8 ? [s(1).slice(0, 40)] : [],
        customer: { name: s(2).slice(0, 60) },
        messages: [
          { id: 'c', author: { role: 'customer', name: s(2).slice(0, 60) }, sent_at: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00Z`, body: `${s(0)}\n\n${s(3)}` },
          { id: 's', author: { role: 'staff', name: s(1).slice(0, 60) }, sent_at: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z`, body: `**${s(3)}**`, format: 'markdown' },
        ],
      });
    }
    fx = await siteWorkspace(threads, {}, '<Naughty> & "Co"');
  }, 120_000);
  afterAll(() => fx.cleanup());

  it.each(['default', 'ledger'])('the %s theme gives the same bytes with and without the fast path', async (theme) => {
    const fastOut = join(fx.root, `fast-${theme}`);
    const plainOut = join(fx.root, `plain-${theme}`);
    await (await buildSite({ workspace: fx.dir, out: fastOut, theme, search: false, workers: 0 })).cleanup;
    await withLiquidOutputsOnly(async () => (await buildSite({ workspace: fx.dir, out: plainOut, theme, search: false, workers: 0 })).cleanup);
    const fast = snapshot(fastOut);
    const plain = snapshot(plainOut);
    expect([...fast.keys()].length).toBeGreaterThan(100);
    expect(fast).toEqual(plain);
  }, 120_000);
});
