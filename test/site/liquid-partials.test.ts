import { Context, Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { CompilingCache, compileTemplates } from '../../electron/core/site/liquid/compile.ts';
import { escapeOutput } from '../../electron/core/site/liquid/plain-output.ts';
import { ScopedContext } from '../../electron/core/site/liquid/scoped-context.ts';
import { naughtyStrings, realStrings } from '../helpers/real-strings.ts';

// A partial rendered by `{% render %}` (every list page's pagination) gets its context from the page's through
// `spawn`: ScopedContext's gives a ScopedContext, so the partial's lookups are plain calls. It must give liquidjs's
// bytes and errors, keep what liquidjs's spawn keeps (globals, strictness, own properties only, the limits, the
// engine) and see nothing of the page's own variables.

const texts = [...realStrings(), ...naughtyStrings()];

const PAGE = [
  '{% assign here = p.current %}<h1>{{ title }}</h1>{% for s in p.sections %}<h2>{{ s.name }}</h2>',
  '{% render \'partials/pages\', p: s, root: root, here: here %}{% endfor %}{{ site.name }}',
].join('');
const PARTIAL = [
  '{% if p.total > 1 %}<ul>{% for item in p.pages %}{% if item.path == here %}<li class="on">{% else %}<li>{% endif %}',
  '<a href="{{ root }}{{ item.path }}">{{ item.number }} {{ item.label | truncate: 12 }}</a>{{ site.name }}</li>{% endfor %}',
  '</ul>{% endif %}{{ p.pages.first.label }}|{{ p.pages.size }}|{{ p.pages.last.number }}',
].join('');

/** An engine as the site's (compiled templates, ScopedContext) or liquidjs's own (its nodes, its Context). */
function engine(fast: boolean, partial = PARTIAL, globals: object = { site: { name: 'Candor <&> "Co"' } }) {
  const options = {
    templates: { page: PAGE, 'partials/pages': partial },
    outputEscape: escapeOutput,
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    jsTruthy: false,
    dynamicPartials: true,
    globals,
  };
  const cache = new CompilingCache(options);
  const liquid = new Liquid(fast ? { ...options, cache } : options);
  if (fast) cache.attach(liquid);
  const tpl = liquid.parseFileSync('page');
  return (scope: object): string => {
    try {
      return liquid.renderSync(tpl, fast ? new ScopedContext(scope, liquid) : scope) as string;
    } catch (err) {
      return `${(err as Error).name}: ${(err as Error).message}`;
    }
  };
}

function sections(pages: number) {
  const out = [];
  for (let s = 0; s * pages < texts.length; s++) {
    const chunk = texts.slice(s * pages, (s + 1) * pages);
    out.push({ name: chunk[0], total: chunk.length, pages: chunk.map((label, i) => ({ path: `${s}/${i}.html`, number: i + 1, label })) });
  }
  return out;
}

describe('partials rendered by {% render %}', () => {
  it('give liquidjs\'s bytes on real text, with the page\'s variables hidden and the globals seen', () => {
    const scope = { title: texts[3], root: '../', p: { current: '2/3.html', sections: sections(7) } };
    const expected = engine(false)(scope);
    expect(expected).toContain('<li class="on">');
    expect(expected.length).toBeGreaterThan(texts.length * 30);
    expect(engine(true)(scope)).toBe(expected);
  });

  it('report a page variable used in the partial as undefined, as liquidjs does', () => {
    const partial = '{% for item in p.pages %}{{ item.number }}{{ title }}{% endfor %}';
    const scope = { title: 'not passed', root: '', p: { current: '', sections: sections(50).slice(0, 2) } };
    const expected = engine(false, partial)(scope);
    expect(expected).toMatch(/undefined variable: title/);
    expect(engine(true, partial)(scope)).toBe(expected);
  });

  it('read own properties only, as liquidjs does', () => {
    const inherited = Object.create({ label: 'from the prototype' }) as object;
    const partial = '{% for item in p.pages %}{{ item.number }}{{ item.label }}{% endfor %}';
    const scope = { title: '', root: '', p: { current: '', sections: [{ name: 'x', total: 2, pages: [{ number: 1, label: 'own' }, Object.assign(inherited, { number: 2 })] }] } };
    const expected = engine(false, partial)(scope);
    expect(expected).toMatch(/undefined variable: item.label/);
    expect(engine(true, partial)(scope)).toBe(expected);
  });

  it('read names of the prototype and numeric names as liquidjs does', () => {
    const liquid = new Liquid({ strictVariables: true, ownPropertyOnly: true });
    const scope = { h: { '0': 'zero', k: texts[1] } };
    for (const source of ['{{ h.__proto__ }}', '{{ h.constructor }}', '{{ h.toString }}', '{{ h["0"] }}{{ h.k }}', '{{ h.__proto__.x }}']) {
      const run = (fast: boolean): string => {
        try {
          const tpl = fast ? compileTemplates(liquid.parse(source), false) : liquid.parse(source);
          return liquid.renderSync(tpl, fast ? new ScopedContext(scope, liquid) : scope) as string;
        } catch (err) {
          return `${(err as Error).name}: ${(err as Error).message}`;
        }
      };
      expect(run(true)).toBe(run(false));
    }
  });

  it('spawn a ScopedContext keeping what liquidjs\'s spawn keeps', () => {
    const liquid = new Liquid({ strictVariables: false, ownPropertyOnly: false, globals: { g: 1 } });
    const parent = new ScopedContext({ a: 1 }, liquid);
    const child = parent.spawn({ b: 2 });
    const reference = Context.prototype.spawn.call(parent, { b: 2 });
    expect(child).toBeInstanceOf(ScopedContext);
    for (const key of ['sync', 'globals', 'strictVariables', 'ownPropertyOnly', 'renderLimit', 'memoryLimit', 'liquid', 'opts', 'environments'] as const) {
      expect(child[key]).toStrictEqual(reference[key]);
    }
    expect(child.renderLimit).toBe(parent.renderLimit);
    expect(child.memoryLimit).toBe(parent.memoryLimit);
    expect(child.getSync(['g'])).toBe(1);
    expect(child.getSync(['a'])).toBeUndefined();
  });
});
