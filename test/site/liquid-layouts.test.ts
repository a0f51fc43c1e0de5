import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { CompilingCache, plainNodes } from '../../electron/core/site/liquid/compile.ts';
import { renderText } from '../../electron/core/site/liquid/plain-layout.ts';
import { escapeOutput } from '../../electron/core/site/liquid/plain-output.ts';
import { ScopedContext } from '../../electron/core/site/liquid/scoped-context.ts';
import { naughtyStrings, realStrings } from '../helpers/real-strings.ts';

// Layouts and blocks as plain calls (liquid/plain-layout.ts) against liquidjs's own tags, on real text: a block's
// default content, `block.super`, text outside the blocks, layouts of layouts, a layout liquidjs's tag must render (a
// computed name, arguments, `none`) around plain blocks, and errors inside a block; and a whole page as the engine
// renders it (renderText).

const texts = [...realStrings(), ...naughtyStrings()];
const LOOP = '{% for m in messages %}<li>{{ m.body | truncate: 40 }}|{{ m.author }}</li>{% endfor %}';

/**
 * Renders the file `page` of `templates`, compiled and with the engine's context, or by liquidjs alone; `text`: as the
 * engine renders a page, by renderText instead of liquidjs's render loop.
 */
function render(templates: Record<string, string>, scope: object, fast: boolean, text = false): string {
  const options = { templates, outputEscape: escapeOutput, strictVariables: true, strictFilters: true, ownPropertyOnly: true, jsTruthy: false, dynamicPartials: true };
  const cache = new CompilingCache(options);
  const liquid = new Liquid(fast ? { ...options, cache } : options);
  if (fast) cache.attach(liquid);
  try {
    if (text) return renderText(liquid.parseFileSync('page'), new ScopedContext(scope, liquid));
    return liquid.renderSync(liquid.parseFileSync('page'), fast ? new ScopedContext(scope, liquid) : scope) as string;
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
}

const scope = {
  title: texts[5],
  name: 'base',
  messages: texts.map((body, i) => ({ body, author: texts[Math.floor(i / 2)] })),
};

const cases: [string, Record<string, string>][] = [
  ['a block filled, one left to its default, text outside blocks', {
    page: 'outside {{ title }}\n{% layout "base" %}{% block content %}<ol>' + LOOP + '</ol>{% endblock %} after',
    base: '<h1>{% block head %}default {{ title }}{% endblock %}</h1>{% block content %}none{% endblock %}<p>{% block %}{% endblock %}</p>',
  }],
  ['block.super, in a layout of a layout', {
    page: '{% layout "mid" %}{% block content %}[page {{ block.super }}]' + LOOP + '{% endblock %}',
    mid: '{% layout "base" %}{% block content %}[mid {{ block.super }} {{ title }}]{% endblock %}{% block foot %}mid foot{% endblock %}',
    base: '<main>{% block content %}base content{% endblock %}</main><footer>{% block foot %}base foot{% endblock %}</footer>',
  }],
  ['a layout named by a variable (liquidjs\'s tag) around plain blocks', {
    page: '{% layout name %}{% block content %}' + LOOP + '{{ block.super }}{% endblock %}',
    base: '<main>{% block content %}{{ title }}{% endblock %}</main>',
  }],
  ['a layout with arguments (liquidjs\'s tag)', {
    page: '{% layout "base", extra: title %}{% block content %}' + LOOP + '{% endblock %}',
    base: '<main>{% block content %}{% endblock %}{{ extra }}</main>',
  }],
  ['layout none', {
    page: '{% layout none %}{% block content %}' + LOOP + '{% endblock %}',
  }],
  ['an undefined variable in a block', {
    page: '{% layout "base" %}{% block content %}' + LOOP + '{{ title.missing }}{% endblock %}',
    base: '<main>{% block content %}{% endblock %}</main>',
  }],
  ['an undefined variable in the layout, after the blocks', {
    page: '{% layout "base" %}{% block content %}{{ title }}{% endblock %}',
    base: '<main>{% block content %}{% endblock %}</main>{{ nothing.here }}',
  }],
];

describe('layouts and blocks, plain', () => {
  for (const [name, templates] of cases) {
    it(`give liquidjs's bytes and errors: ${name}`, () => {
      const expected = render(templates, scope, false);
      expect(render(templates, scope, true)).toBe(expected);
      expect(render(templates, scope, true, true)).toBe(expected);
    });
  }

  it('render real text through the blocks, and are compiled where they can be', () => {
    const [, templates] = cases[1]!;
    const html = render(templates, scope, true);
    expect(html).toContain('[page [mid base content');
    expect(html.length).toBeGreaterThan(texts.length * 10);
    const options = { templates, dynamicPartials: true };
    const cache = new CompilingCache(options);
    const liquid = new Liquid({ ...options, cache });
    cache.attach(liquid);
    expect(plainNodes(liquid.parseFileSync('page'))).toContain('layout');
    expect(plainNodes(liquid.parseFileSync('mid'))).toEqual(['layout', 'block', 'run', 'block', 'run']);
    expect(render(cases[5]![1], scope, false)).toMatch(/undefined variable: title.missing/);
  });
});
