import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Liquid } from 'liquidjs';
import { buildSite } from '../../electron/core/site/build.ts';
import { createDemoWorkspace } from '../../electron/core/demo/create.ts';
import { tempDir } from '../helpers/workspace.ts';
import { CompilingCache, compileTemplates, plainNodes, withLiquidOnly } from '../../electron/core/site/liquid/compile.ts';
import { escapeOutput } from '../../electron/core/site/liquid/plain-output.ts';
import { ScopedContext } from '../../electron/core/site/liquid/scoped-context.ts';
import { trusted } from '../../electron/core/site/trusted.ts';
import type { ThreadRec } from '../helpers/workspace.ts';
import { siteWorkspace, snapshot } from './helpers.ts';
import { realStrings } from '../helpers/real-strings.ts';
import type { SiteWorkspace } from './helpers.ts';

// Templates compiled to plain calls (liquid/compile.ts) must give exactly what liquidjs's own nodes give: the same
// bytes for every page of both themes (fed the naughty strings and the demo's claims), and the same errors.

const ROOT = join(import.meta.dirname, '../..');
const blns = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/corpora/blns.json'), 'utf8')) as string[];

const OPTIONS = { outputEscape: escapeOutput, strictVariables: true, strictFilters: true, ownPropertyOnly: true, jsTruthy: false };

/** Renders `source` compiled (fast) or as liquidjs parsed it (plain), with the engine's options. */
type Engine = { parse: (source: string) => ReturnType<Liquid['parse']>; parseAndRenderSync: (source: string, scope: object) => string };

/**
 * `fast`: compiled, rendered with the engine's own context (as every page is); `partial`: compiled, rendered with a
 * context liquidjs made (as a partial through `{% render %}` is); `plain`: liquidjs's nodes.
 */
function engines(): { fast: Engine; partial: Engine; plain: Engine } {
  const make = (compile: boolean, scoped: boolean): Engine => {
    const l = new Liquid(OPTIONS);
    l.registerFilter('trusted', { handler: (v: unknown) => String(v), raw: true });
    const parse = (source: string) => (compile ? compileTemplates(l.parse(source), true) : l.parse(source));
    return { parse, parseAndRenderSync: (source, scope) => l.renderSync(parse(source), scoped ? new ScopedContext(scope, l) : scope) as string };
  };
  return { fast: make(true, true), partial: make(true, false), plain: make(false, false) };
}

describe('compiled templates, one by one', () => {
  const scope = {
    a: {
      b: '<b>"x" & \'y\'</b>', n: 42, zero: 0, f: false, nil: null, list: [{ name: 'first' }, { name: 'last' }], 'with space': 'spaced',
      mixed: [1, 'two', 0, false, null, '', '<3>'], empty: [], hash: { k: 'v', '<k>': '<v>' },
    },
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
    ['filters with literal and path arguments', '{{ a.b | truncate: 9 }} {{ s | append: a.n }} {{ a.b | replace: "x", s | truncate: 12, "~" }}'],
    ['if, elsif and else', '{% for v in a.mixed %}{% if v == 1 %}one{% elsif v == "two" %}two{% elsif v %}truthy:{{ v }}{% else %}falsy{% endif %};{% endfor %}'],
    ['unless, with elsif and else', '{% for v in a.mixed %}{% unless v %}no{% elsif v == 1 %}1{% else %}yes{% endunless %};{% endfor %}'],
    ['and, or, not and comparisons', '{% if a.n > 40 and a.n <= 42 %}A{% endif %}{% if a.zero or a.nil %}B{% endif %}{% if a.nil == nil and a.list != empty %}C{% endif %}{% if a.list.size >= 2 or a.f %}D{% endif %}{% if a.b contains "x" %}E{% endif %}{% if a.list contains a.list.first %}F{% endif %}{% if a.b == blank %}G{% endif %}{% if not a.f %}H{% endif %}{% if not a.n %}I{% endif %}'],
    ['every forloop field, and the forloop itself', '{% for x in a.list %}{{ forloop.index }}/{{ forloop.index0 }}/{{ forloop.rindex }}/{{ forloop.rindex0 }}/{{ forloop.first }}/{{ forloop.last }}/{{ forloop.length }}/{{ forloop.name }} {{ forloop }}|{% endfor %}'],
    ['nested loops over the same names', '{% for x in a.list %}{% for x in a.mixed %}{{ x }}{{ forloop.index }},{% endfor %}{{ x.name }}{{ forloop.index }};{% endfor %}'],
    ['for with else, on an empty list and on nil', '{% for x in a.empty %}{{ x }}{% else %}none{% endfor %}|{% for x in a.nil %}{{ x }}{% else %}nil{% endfor %}'],
    ['break and continue', '{% for v in a.mixed %}{% if v == 1 %}{% continue %}{% endif %}{{ v }}{% if v == "two" %}{% break %}{% endif %}{% endfor %}after'],
    ['limit, offset, reversed and offset: continue (left to liquidjs)', '{% for x in a.mixed limit: 2 %}{{ x }}{% endfor %}|{% for x in a.mixed offset: continue %}{{ x }}{% endfor %}|{% for x in a.mixed reversed %}{{ x }}{% endfor %}'],
    ['ranges, strings and hashes (left to liquidjs)', '{% for i in (1..3) %}{{ i }}{% endfor %}|{% for c in s %}{{ c }}{% endfor %}|{% for p in a.hash %}{{ p[0] }}={{ p[1] }};{% endfor %}'],
    ['a loop variable that outlives its loop', '{% for x in a.list %}{% assign last = x.name %}{% endfor %}{{ last }}'],
    ['names shadowed by assign, capture and loops, and seen again after them', '{{ s }}{% assign s = "shadow" %}{{ s }}{% for s in a.list %}{{ s.name }}{% if s.name %}+{% endif %}{% endfor %}{{ s }}{% capture a %}cap{% endcapture %}{{ a }}{% if a == "cap" %}!{% endif %}'],
    ['capture and case inside loops', '{% for v in a.mixed %}{% capture c %}[{{ v }}]{% endcapture %}{% case v %}{% when 1 %}{{ c }}{% else %}-{% endcase %}{% endfor %}'],
  ];
  it.each(cases)('%s', (_name, source) => {
    const { fast, partial, plain } = engines();
    const expected = plain.parseAndRenderSync(source, scope);
    expect(fast.parseAndRenderSync(source, scope)).toBe(expected);
    expect(partial.parseAndRenderSync(source, scope)).toBe(expected);
  });

  it('compiles the tags and outputs themes use most', () => {
    const { fast, plain } = engines();
    const source = '{% if a.n > 1 %}{% for x in a.list %}<i>{{ x.name }}</i>{% endfor %}{% endif %}{{ a.b | truncate: 3 }}{% for i in (1..2) %}{{ i }}{% endfor %}';
    expect(plainNodes(fast.parse(source))).toEqual(['if', 'for', 'run', 'output', 'output']);
    expect(plainNodes(plain.parse(source))).toEqual([]);
  });

  it('compiles every file the engine parses, layouts and partials included', () => {
    const options = {
      ...OPTIONS, extname: '.liquid',
      templates: { 'page.liquid': '{% layout "base" %}{% block c %}<b>{{ a.b }}</b>{% render "part", x: a.n %}{% endblock %}', 'base.liquid': '<p>{{ s }}</p>{% block c %}{% endblock %}', 'part.liquid': '<i>{{ x }}</i>' },
    };
    const cache = new CompilingCache(options);
    const compiled = new Liquid({ ...options, cache });
    cache.attach(compiled);
    const html = compiled.renderFileSync('page', scope) as string;
    expect(html).toBe(new Liquid(options).renderFileSync('page', scope));
    expect(html).toBe('<p>MiXeD</p><b>&lt;b&gt;&#34;x&#34; &amp; &#39;y&#39;&lt;/b&gt;</b><i>42</i>');
    expect(plainNodes(compiled.parseFileSync('page'))).toEqual(['layout', 'block', 'run']);
    expect(plainNodes(compiled.parseFileSync('base'))).toEqual(['run', 'block']);
    expect(plainNodes(compiled.parseFileSync('part'))).toEqual(['run']);
  });

  it('escapes output exactly as liquidjs\'s escape filter does', () => {
    const l = new Liquid({ outputEscape: 'escape' });
    const ours = new Liquid({ outputEscape: escapeOutput });
    for (const text of [...realStrings(), ...blns, 42, null, true, ['<a>', 'b'], { k: '<v>' }, '&&<<>>""\'\'', '&amp;', '<', 'a\'']) {
      expect(ours.parseAndRenderSync('{{ t }}', { t: text })).toBe(l.parseAndRenderSync('{{ t }}', { t: text }));
    }
  });

  it.each([
    ['in a condition', 'line one\n{% if a.n > 1 %}\n{% if a.missing > 1 %}x{% endif %}{% endif %}'],
    ['in a loop\'s collection', 'line one\n{% for x in a.missing.list %}{{ x }}{% endfor %}'],
    ['inside a loop\'s body', 'line one\n{% for x in a.list %}\n  {{ x.name }} {{ x.missing }}{% endfor %}'],
    ['in a filter\'s argument', 'line one\n{{ a.b | append: a.missing }}'],
  ])('fails on an undefined variable %s exactly as liquidjs does', (_name, source) => {
    const { fast, plain } = engines();
    const message = (l: Engine): string => {
      try {
        l.parseAndRenderSync(source, scope);
        return 'no error';
      } catch (err) {
        return `${(err as Error).name}: ${(err as Error).message}`;
      }
    };
    expect(message(plain)).toMatch(/undefined variable: .*line:\d+, col:\d+/);
    expect(message(fast)).toBe(message(plain));
    expect(message(engines().partial)).toBe(message(plain));
  });

  it('every naughty string comes out as liquidjs escapes it', () => {
    const { fast, plain } = engines();
    const source = '<p title="{{ t.text }}">{{ t.text }}</p>{{ t.text | upcase }}';
    const differ = blns.filter((text) => fast.parseAndRenderSync(source, { t: { text } }) !== plain.parseAndRenderSync(source, { t: { text } }));
    expect(differ).toEqual([]);
  });

  it('fails on an undefined variable with liquidjs\'s own message and position', () => {
    const { fast, plain } = engines();
    const message = (l: Engine): string => {
      try {
        l.parseAndRenderSync('line one\n{{ a.missing.deeper }}', scope);
        return 'no error';
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(message(fast)).toMatch(/undefined variable: a\.missing, line:2, col:4/);
    expect(message(fast)).toBe(message(plain));
    expect(message(engines().partial)).toBe(message(plain));
  });
});

describe('the demo workspace (claims, evidence, moderation), both ways', () => {
  let dir: { dir: string; cleanup: () => void };
  beforeAll(async () => {
    dir = tempDir('candor-fast-demo-');
    await createDemoWorkspace(join(dir.dir, 'ws'));
  }, 120_000);
  afterAll(() => dir.cleanup());

  it.each(['default', 'ledger'])('the %s theme gives the same bytes compiled and as liquidjs parsed it', async (theme) => {
    const ws = join(dir.dir, 'ws');
    const fastOut = join(dir.dir, `fast-${theme}`);
    const plainOut = join(dir.dir, `plain-${theme}`);
    await (await buildSite({ workspace: ws, out: fastOut, theme, search: false, workers: 0 })).cleanup;
    await withLiquidOnly(async () => (await buildSite({ workspace: ws, out: plainOut, theme, search: false, workers: 0 })).cleanup);
    const fast = snapshot(fastOut);
    expect([...fast.keys()].filter((p) => p.startsWith('claims/')).length).toBeGreaterThanOrEqual(10);
    expect(fast).toEqual(snapshot(plainOut));
  }, 120_000);

  it('names the claim when its page cannot be made', async () => {
    const ws = join(dir.dir, 'ws');
    const override = join(ws, 'templates', 'pages', 'claim.liquid');
    mkdirSync(dirname(override), { recursive: true });
    writeFileSync(override, '{% layout "layouts/base" %}{% block content %}{{ claim.no_such_field }}{% endblock %}');
    try {
      await expect(buildSite({ workspace: ws, out: join(dir.dir, 'failed'), search: false, workers: 0 })).rejects.toThrow(/\(fixed pages\): claims\/fh-[a-z0-9-]+\.html \(claim fh-[a-z0-9-]+\): Template pages\/claim\.liquid failed/);
    } finally {
      rmSync(join(ws, 'templates'), { recursive: true, force: true });
    }
  });
});

describe('compiled templates, whole sites', () => {
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

  it.each(['default', 'ledger'])('the %s theme gives the same bytes compiled and as liquidjs parsed it', async (theme) => {
    const fastOut = join(fx.root, `fast-${theme}`);
    const plainOut = join(fx.root, `plain-${theme}`);
    await (await buildSite({ workspace: fx.dir, out: fastOut, theme, search: false, workers: 0 })).cleanup;
    await withLiquidOnly(async () => (await buildSite({ workspace: fx.dir, out: plainOut, theme, search: false, workers: 0 })).cleanup);
    const fast = snapshot(fastOut);
    const plain = snapshot(plainOut);
    expect([...fast.keys()].length).toBeGreaterThan(100);
    expect(fast).toEqual(plain);
  }, 120_000);
});
