import { Tokenizer, toValueSync, TypeGuards } from 'liquidjs';
import type { Context, FilteredValueToken, Liquid, Output } from 'liquidjs';
import { lookup, UNDECIDED } from './scoped-context.ts';

// Literal values, paths and filter calls without liquidjs's generators. liquidjs evaluates each filter argument
// through a chain of generators (evalToken, evalPropertyAccessToken, _get, readProperty) and then the handler through
// one more (Filter.render); a thread page calls filters with arguments for every message. Here the arguments that
// are literals or literal paths are read as plain calls (scoped-context.ts) and the handler is called as Filter.render
// calls it: with { context, token, liquid } as `this`, the value, then each argument (a [name, value] pair when named).

export type Eval = (ctx: Context) => unknown;

/**
 * The same text as V8's one copy of it (what property names in code are). The tokenizer's names are pieces cut
 * from the template's text: looking a property up by one of those costs a search of V8's string table every time.
 */
function internalized(name: string): string {
  // No prototype: `__proto__` is then a name like any other.
  const holder = Object.create(null) as Record<string, true>;
  holder[name] = true;
  return Object.keys(holder)[0]!;
}

/** A value's parts when every one is a literal (`a.b["c"].0`); null when any is computed. */
export function literalPath(token: unknown): (string | number)[] | null {
  if (!token || !TypeGuards.isPropertyAccessToken(token as never)) return null;
  const access = token as { variable?: unknown; props: unknown[] };
  if (access.variable) return null;
  const path: (string | number)[] = [];
  for (const prop of access.props) {
    if (typeof prop !== 'object' || prop === null || !('content' in prop)) return null;
    const content: unknown = prop.content;
    if (typeof content !== 'string' && typeof content !== 'number') return null;
    path.push(typeof content === 'string' ? internalized(content) : content);
  }
  return path.length > 0 && typeof path[0] === 'string' ? path : null;
}

/** liquidjs's `evalToken` for a literal or a literal path; null for anything else (ranges, computed parts...). */
export function tokenEval(token: unknown): Eval | null {
  if (typeof token === 'object' && token !== null && 'content' in token) {
    const content: unknown = token.content;
    return () => content;
  }
  const path = literalPath(token);
  return path ? (ctx) => lookup(ctx, path) : null;
}

type Handler = (this: unknown, ...args: unknown[]) => unknown;
type FilterToken = FilteredValueToken['filters'][number];

/**
 * One filter of an output, its arguments read by plain calls. Made from the output's own text, read again by
 * liquidjs's Tokenizer as liquidjs's Output reads it, and from the engine's registered filters (`liquid.filters`).
 */
export class PlainFilter {
  private readonly token: FilterToken;
  private readonly handler: Handler;
  /** Each argument's reader, and its name when it is named (`t: name: site.name`). */
  private readonly args: Eval[];
  private readonly names: (string | null)[];

  private constructor(token: FilterToken, handler: Handler, args: Eval[], names: (string | null)[]) {
    this.token = token;
    this.handler = handler;
    this.args = args;
    this.names = names;
  }

  /**
   * The filters of `output` (without the output escape liquidjs appends), or null when one of them has an argument
   * that is not a literal or a literal path, or is not registered (liquidjs's Filter.render does those).
   */
  static all(output: Output, ctx: Context): PlainFilter[] | null {
    const liquid = (ctx as { liquid?: Liquid }).liquid;
    if (!liquid) return null;
    const token = output.token as Output['token'] & { contentRange: [number, number] };
    const tokens = new Tokenizer(token.input, ctx.opts.operators, token.file, token.contentRange, ctx.opts.groupedExpressions).readFilteredValue().filters;
    const out: PlainFilter[] = [];
    for (const t of tokens) {
      const impl = liquid.filters[t.name];
      const handler = typeof impl === 'function' ? impl : impl?.handler;
      if (!handler) return null;
      const args: Eval[] = [];
      const names: (string | null)[] = [];
      for (const arg of t.args) {
        const pair = Array.isArray(arg);
        const ev = tokenEval(pair ? arg[1] : arg);
        if (!ev) return null;
        args.push(ev);
        names.push(pair ? String(arg[0]) : null);
      }
      out.push(new PlainFilter(t, handler as Handler, args, names));
    }
    return out;
  }

  get hasArgs(): boolean {
    return this.args.length > 0;
  }

  /** The arguments' values, or UNDECIDED when one cannot be read (liquidjs's node then reports it). */
  argValues(ctx: Context): unknown[] | typeof UNDECIDED {
    const values: unknown[] = [];
    for (let i = 0; i < this.args.length; i++) {
      const v = this.args[i]!(ctx);
      if (v === UNDECIDED) return UNDECIDED;
      values.push(v);
    }
    return values;
  }

  /** Filter.render's result for `value` and the argument values `args` (from argValues). */
  apply(value: unknown, args: readonly unknown[], ctx: Context): unknown {
    const argv: unknown[] = [value];
    for (let i = 0; i < args.length; i++) {
      const name = this.names[i];
      argv.push(name === null ? args[i] : [name, args[i]]);
    }
    return toValueSync(this.handler.apply({ context: ctx, token: this.token, liquid: (ctx as { liquid?: Liquid }).liquid }, argv));
  }
}
