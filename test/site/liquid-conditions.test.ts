import { Drop, Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { compileTemplates, plainNodes } from '../../electron/core/site/liquid/compile.ts';
import { escapeOutput } from '../../electron/core/site/liquid/plain-output.ts';
import { ScopedContext } from '../../electron/core/site/liquid/scoped-context.ts';
import { naughtyStrings, realStrings } from '../helpers/real-strings.ts';

// Conditions of primitive operands are decided without liquidjs's operator generators (plain-tags.ts,
// PRIMITIVE_OPERATORS); anything else still goes through liquidjs's operators. Every operator, on pairs of real
// strings, numbers, booleans, nil, lists, hashes and values with their own comparison methods, both truthiness rules.

/** A value liquidjs compares through its own methods (its "comparable"). */
class Version extends Drop {
  readonly n: number;

  constructor(n: number) {
    super();
    this.n = n;
  }

  equals(o: unknown): boolean {
    return o instanceof Version ? o.n === this.n : o === this.n;
  }

  gt(o: unknown): boolean {
    return this.n > (o instanceof Version ? o.n : Number(o));
  }

  geq(o: unknown): boolean {
    return this.n >= (o instanceof Version ? o.n : Number(o));
  }

  lt(o: unknown): boolean {
    return this.n < (o instanceof Version ? o.n : Number(o));
  }

  leq(o: unknown): boolean {
    return this.n <= (o instanceof Version ? o.n : Number(o));
  }

  override valueOf(): number {
    return this.n;
  }
}

const texts = [...realStrings(), ...naughtyStrings()];
const OPERATORS = ['==', '!=', '>', '<', '>=', '<=', 'and', 'or', 'contains'];

function values(): unknown[] {
  const some = texts.filter((_, i) => i % 40 === 0);
  return [...some, '', '0', 'false', 0, -0, 1, 2.5, -3, NaN, Infinity, true, false, null, [1, 'a'], [], { k: 'v' }, new Version(2), new Version(3)];
}

function render(jsTruthy: boolean, compile: boolean, source: string, scope: object): string {
  const liquid = new Liquid({ outputEscape: escapeOutput, strictVariables: true, ownPropertyOnly: true, jsTruthy });
  const tpl = compile ? compileTemplates(liquid.parse(source), true) : liquid.parse(source);
  if (compile) expect(plainNodes(tpl)).toContain('if');
  return liquid.renderSync(tpl, compile ? new ScopedContext(scope, liquid) : scope) as string;
}

describe('conditions of primitive operands, decided as plain calls', () => {
  for (const jsTruthy of [false, true]) {
    it(`give liquidjs's results for every operator and pair (jsTruthy ${jsTruthy})`, () => {
      const vs = values();
      const pairs = vs.flatMap((l) => vs.map((r) => ({ l, r })));
      const source = '{% for p in pairs %}' + OPERATORS.map((op) => `{% if p.l ${op} p.r %}1{% else %}0{% endif %}`).join('')
        + '{% unless p.l == p.r and p.r %}u{% endunless %}{% if not p.l %}n{% endif %}|{% endfor %}';
      const expected = render(jsTruthy, false, source, { pairs });
      expect(expected.split('|')).toHaveLength(pairs.length + 1);
      expect(expected).toMatch(/1/);
      expect(render(jsTruthy, true, source, { pairs })).toBe(expected);
    });
  }
});
