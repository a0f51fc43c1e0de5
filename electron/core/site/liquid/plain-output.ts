import { filters as liquidFilters, LiquidError, RenderError, toValue, toValueSync, TypeGuards } from 'liquidjs';
import type { Arguments, Context, Emitter, Filter, Output, Template } from 'liquidjs';
import { lookup, UNDECIDED } from './scoped-context.ts';

// `{{ a.b | filter }}` without liquidjs's generators: the value is read as liquidjs reads it (scoped-context.ts),
// filters run through their public render, and the output escape is the engine's own function (escapeOutput,
// below). Anything that fails is rendered again by liquidjs's node, so errors carry liquidjs's message and position.

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
    path.push(content);
  }
  return path.length > 0 && typeof path[0] === 'string' ? path : null;
}

const ESCAPABLE = /[&<>"']/;
type EscapeThis = { context: Context };
const liquidEscape = liquidFilters.escape as (this: EscapeThis, value: unknown) => string;

/**
 * The engine's output escape: liquidjs's `escape`, without its replace for the usual string that has nothing to
 * escape (a tenth of a page's time went there). Same result, same memory accounting.
 */
export function escapeOutput(this: EscapeThis, value: unknown): string {
  if (typeof value !== 'string' || ESCAPABLE.test(value)) return liquidEscape.call(this, value);
  this.context.memoryLimit.use(value.length);
  return value;
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
    this.constant = quoted && !escapes && this.filters.length > 0 && this.filters.every((f) => f.args.length === 0 && constants.has(f.name));
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
    try {
      value = this.read(ctx);
      if (value === UNDECIDED) return this.original.render(ctx, emitter);
      for (const f of this.filters) value = toValueSync(f.render(value, ctx));
      if (this.escapes) value = escapeOutput.call({ context: ctx }, value);
    } catch {
      // Undefined under strict variables, or a filter that failed: liquidjs's node says so, with its position.
      return this.original.render(ctx, emitter);
    }
    const out = toValue(value);
    if (this.constant && typeof out === 'string') this.folded = out;
    emitter.write(out);
    return undefined;
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

/** A literal HTML node's text (its token's content), or null for any other node. */
export function htmlOf(node: Template): string | null {
  return TypeGuards.isHTMLToken(node.token) ? node.token.getContent() : null;
}
