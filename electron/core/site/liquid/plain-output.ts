import { filters as liquidFilters, LiquidError, RenderError, toValue, toValueSync, TypeGuards } from 'liquidjs';
import type { Arguments, Context, Emitter, Filter, Output, Template } from 'liquidjs';
import { literalPath, PlainFilter } from './plain-filters.ts';
import { lookup, UNDECIDED } from './scoped-context.ts';

// `{{ a.b | filter }}` without liquidjs's generators: the value is read as liquidjs reads it (scoped-context.ts),
// filters run through their public render, and the output escape is the engine's own function (escapeOutput,
// below). Anything that fails is rendered again by liquidjs's node, so errors carry liquidjs's message and position.

const ESCAPABLE = /[&<>"']/;
type EscapeThis = { context: Context };
const liquidEscape = liquidFilters.escape as (this: EscapeThis, value: unknown) => string;

/**
 * The engine's output escape: liquidjs's `escape`, without its replace for the usual string that has nothing to
 * escape (a tenth of a page's time went there), and a string that has one escaped in one pass instead of a regular
 * expression calling back for each character. Same result, same memory accounting.
 */
export function escapeOutput(this: EscapeThis, value: unknown): string {
  if (typeof value !== 'string') return liquidEscape.call(this, value);
  this.context.memoryLimit.use(value.length);
  return ESCAPABLE.test(value) ? escapeChars(value) : value;
}

/** liquidjs's escapeMap: its five characters and their entities. */
function escapeChars(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let entity: string;
    if (c === 38) entity = '&amp;';
    else if (c === 60) entity = '&lt;';
    else if (c === 62) entity = '&gt;';
    else if (c === 34) entity = '&#34;';
    else if (c === 39) entity = '&#39;';
    else continue;
    out += s.slice(last, i) + entity;
    last = i + 1;
  }
  return out + s.slice(last);
}

export class PlainOutput implements Template {
  readonly token: Output['token'];
  private readonly original: Output;
  private readonly read: (ctx: Context) => unknown;
  private readonly filters: Filter[];
  private readonly escapes: boolean;
  /** Whether the output is the same text every time it renders (`folded` keeps it once made). */
  private readonly constant: boolean;
  private folded: string | undefined;
  /** The filters as plain calls (plain-filters.ts), made at the first render; null: liquidjs's Filter.render. */
  private plain: PlainFilter[] | null | undefined;
  /**
   * Whether the output is the same text whenever its arguments are (a quoted string through the engine's constant
   * filters with arguments: `{{ 'thread.forOrg' | t: name: site.name }}`). The last arguments and text are kept.
   */
  private readonly remembers: boolean;
  private last: { args: unknown[][]; out: string } | null = null;

  private constructor(original: Output, read: (ctx: Context) => unknown, escapes: boolean, quoted: boolean, constants: ReadonlySet<string>) {
    this.original = original;
    this.token = original.token;
    this.read = read;
    this.escapes = escapes;
    // With an output escape, liquidjs appends it after the last filter unless that one is raw: the last filter is
    // the escape exactly when it is not raw.
    this.filters = escapes ? original.value.filters.slice(0, -1) : [...original.value.filters];
    // A quoted string through the engine's constant filters, without arguments and without the escape (which counts
    // memory as it goes): `{{ 'nav.home' | t }}`, the site's own words, made once per engine.
    const constantFilters = quoted && !escapes && this.filters.length > 0 && this.filters.every((f) => constants.has(f.name));
    this.constant = constantFilters && this.filters.every((f) => f.args.length === 0);
    this.remembers = constantFilters && !this.constant;
  }

  /**
   * A plain node for `output` when its value is a literal path or a quoted string (`{{ 'nav.home' | t }}`, the
   * site's own words: a page has dozens); null otherwise.
   */
  static of(output: Output, escaping: boolean, constants: ReadonlySet<string> = new Set()): PlainOutput | null {
    const { initial, filters } = output.value;
    if (initial.postfix.length !== 1) return null;
    const token = initial.postfix[0];
    let read: ((ctx: Context) => unknown) | null = null;
    if (TypeGuards.isQuotedToken(token)) {
      // liquidjs's evalToken of a quoted string is its content.
      const content = token.content;
      read = () => content;
    } else {
      const path = literalPath(token);
      if (path) read = (ctx) => lookup(ctx, path);
    }
    if (!read) return null;
    const last = filters[filters.length - 1];
    return new PlainOutput(output, read, escaping && last !== undefined && !last.raw, TypeGuards.isQuotedToken(token), constants);
  }

  render(ctx: Context, emitter: Emitter): unknown {
    if (this.folded !== undefined) {
      emitter.write(this.folded);
      return undefined;
    }
    let value: unknown;
    let args: unknown[][] | null = null;
    try {
      value = this.read(ctx);
      if (value === UNDECIDED) return this.original.render(ctx, emitter);
      if (this.plain === undefined) this.plain = this.plainFilters(ctx);
      if (this.plain === null) {
        for (const f of this.filters) value = toValueSync(f.render(value, ctx));
      } else if (this.remembers) {
        args = this.argValues(ctx);
        if (args === null) return this.original.render(ctx, emitter);
        if (this.last && sameArgs(this.last.args, args)) {
          emitter.write(this.last.out);
          return undefined;
        }
        for (let i = 0; i < this.plain.length; i++) value = this.plain[i]!.apply(value, args[i]!, ctx);
      } else {
        for (const f of this.plain) {
          const a = f.argValues(ctx);
          if (a === UNDECIDED) return this.original.render(ctx, emitter);
          value = f.apply(value, a, ctx);
        }
      }
      if (this.escapes) value = escapeOutput.call({ context: ctx }, value);
    } catch {
      // Undefined under strict variables, or a filter that failed: liquidjs's node says so, with its position.
      return this.original.render(ctx, emitter);
    }
    const out = toValue(value);
    if (this.constant && typeof out === 'string') this.folded = out;
    if (args && typeof out === 'string' && args.every((a) => a.every(isPrimitive))) this.last = { args, out };
    emitter.write(out);
    return undefined;
  }

  private plainFilters(ctx: Context): PlainFilter[] | null {
    const plain = PlainFilter.all(this.original, ctx);
    return plain && plain.length === this.filters.length ? plain : null;
  }

  /** Every filter's argument values, or null when one cannot be read. */
  private argValues(ctx: Context): unknown[][] | null {
    const out: unknown[][] = [];
    for (const f of this.plain!) {
      const a = f.argValues(ctx);
      if (a === UNDECIDED) return null;
      out.push(a);
    }
    return out;
  }

  arguments(): ReturnType<Output['arguments']> {
    return this.original.arguments();
  }
}

/**
 * A run of literal HTML and plain outputs rendered in one step: liquidjs takes each node through its render loop (a
 * generator step and a clock read per node). An error is reported against the node that raised it, as liquidjs does.
 */
export class PlainRun implements Template {
  readonly token: Template['token'];
  readonly parts: (string | PlainOutput)[];
  private readonly nodes: Template[];

  constructor(nodes: Template[]) {
    this.nodes = nodes;
    this.token = nodes[0]!.token;
    this.parts = nodes.map((n) => (n instanceof PlainOutput ? n : htmlOf(n)!));
  }

  render(ctx: Context, emitter: Emitter): undefined {
    for (const part of this.parts) {
      if (typeof part === 'string') {
        emitter.write(part);
        continue;
      }
      try {
        const pending = part.render(ctx, emitter);
        if (pending !== undefined) toValueSync(pending);
      } catch (err) {
        throw LiquidError.is(err) ? err : new RenderError(err as Error, part);
      }
    }
    return undefined;
  }

  *arguments(): Arguments {
    for (const n of this.nodes) if (n instanceof PlainOutput) yield* n.arguments();
  }
}

function isPrimitive(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

/** Whether two lists of argument lists hold the same values (primitives only: see PlainOutput.render). */
function sameArgs(a: readonly unknown[][], b: readonly unknown[][]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

/** A literal HTML node's text (its token's content), or null for any other node (a run starting with HTML too). */
export function htmlOf(node: Template): string | null {
  return TypeGuards.isHTMLToken(node.token) && !(node instanceof PlainRun) && !('nodes' in node) ? node.token.getContent() : null;
}
