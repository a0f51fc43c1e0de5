import { LiquidError, Output, Parser, RenderError, TokenKind, toValue, toValueSync, TypeGuards } from 'liquidjs';
import type { Context, Emitter, Liquid, Template, TopLevelToken } from 'liquidjs';

// liquidjs evaluates every `{{ ... }}` through a dozen nested generators (value, expression, token, property,
// scope lookup, filter), which on a 100,000-page site costs more than everything else on the page. Most outputs
// in a theme are a plain variable path with filters that take no arguments (`{{ m.author }}`, `{{ m.html | trusted
// }}`): for those, this module swaps liquidjs's Output node for one that does the same steps (the same scope lookup,
// the same property reads, the same filter handlers and escaping) as plain calls. Anything else, and any output
// that would fail (an undefined variable under strict variables), goes through liquidjs's own Output, so the
// result and the error messages are exactly liquidjs's. test/site/liquid-fast-output.test.ts renders every theme
// template both ways and compares the bytes.

type PathPart = string | number;

// The liquidjs internals this module calls (TypeScript declares them private; they are the same steps liquidjs's own
// Output takes). liquidjs is pinned in package-lock.json, and the tests compare both ways on every template.
type ContextInternals = { findScope: (key: string) => unknown; readProperty: (obj: unknown, key: PathPart) => unknown; strictVariables: boolean };
type FilterInternals = { handler: (this: unknown, value: unknown) => unknown; token: unknown; liquid: Liquid };
type ParserInternals = { liquid: Liquid; parseToken: (token: TopLevelToken, remain: TopLevelToken[]) => Template; parse: (html: string, file?: string) => Template[] };
type HtmlNode = Template & { str: string };

/** The path of `{{ a.b["c"].0 }}` when every part is a literal; null when any part is computed or not a path. */
function literalPath(output: Output): PathPart[] | null {
  const { initial, filters } = output.value;
  if (initial.postfix.length !== 1) return null;
  const token = initial.postfix[0];
  if (!token || !TypeGuards.isPropertyAccessToken(token) || token.variable) return null;
  const path: PathPart[] = [];
  for (const prop of token.props) {
    if (!('content' in prop)) return null;
    const content: unknown = prop.content;
    if (typeof content !== 'string' && typeof content !== 'number') return null;
    path.push(content);
  }
  if (path.length === 0 || typeof path[0] !== 'string') return null;
  if (filters.some((f) => f.args.length > 0)) return null;
  return path;
}

class FastOutput {
  readonly token: Output['token'];
  private readonly original: Output;
  private readonly path: PathPart[];
  private readonly filters: FilterInternals[];

  constructor(original: Output, path: PathPart[]) {
    this.original = original;
    this.token = original.token;
    this.path = path;
    this.filters = original.value.filters as unknown as FilterInternals[];
  }

  render(ctx: Context, emitter: Emitter): unknown {
    const c = ctx as unknown as ContextInternals;
    let value: unknown = c.findScope(this.path[0] as string);
    for (const key of this.path) {
      value = toValueSync(c.readProperty(value, key));
      // liquidjs words this error with the template's position: let it.
      if (value === undefined && c.strictVariables) return this.original.render(ctx, emitter);
    }
    for (const filter of this.filters) {
      value = toValueSync(filter.handler.call({ context: ctx, token: filter.token, liquid: filter.liquid }, value));
    }
    emitter.write(toValueSync(toValue(value)));
    return undefined;
  }

  *arguments(): Generator<unknown> {
    yield this.original.value;
  }
}

function isHtml(node: unknown): node is HtmlNode {
  const n = node as { str?: unknown; token?: { kind?: unknown } } | null;
  return typeof n?.str === 'string' && n.token?.kind === TokenKind.HTML;
}

/**
 * A run of literal HTML and fast outputs, rendered in one step: liquidjs would take each node through its render
 * loop (a generator step and a clock read per node). An error is reported against the node that raised it, as
 * liquidjs does.
 */
class FastRun {
  readonly token: Template['token'];
  readonly parts: (HtmlNode | FastOutput)[];

  constructor(parts: (HtmlNode | FastOutput)[]) {
    this.parts = parts;
    this.token = parts[0]!.token;
  }

  render(ctx: Context, emitter: Emitter): undefined {
    for (const part of this.parts) {
      if (part instanceof FastOutput) {
        try {
          const pending = part.render(ctx, emitter);
          if (pending !== undefined) toValueSync(pending);
        } catch (err) {
          throw LiquidError.is(err) ? err : new RenderError(err as Error, part as unknown as Template);
        }
      } else emitter.write(part.str);
    }
    return undefined;
  }

  *arguments(): Generator<unknown> {
    for (const part of this.parts) if (part instanceof FastOutput) yield* part.arguments();
  }
}

function isTemplate(value: unknown): value is Template {
  return typeof value === 'object' && value !== null && typeof (value as { render?: unknown }).render === 'function' && 'token' in value;
}

/** Replaces runs of two or more HTML and fast-output nodes in `list` (in place), and does the same inside tags. */
function coalesce(list: unknown[], seen: Set<object>): void {
  for (let i = 0; i < list.length; i++) {
    const start = i;
    while (i < list.length && (isHtml(list[i]) || list[i] instanceof FastOutput)) i++;
    if (i - start >= 2) {
      const run = new FastRun(list.slice(start, i) as (HtmlNode | FastOutput)[]);
      list.splice(start, i - start, run);
      i = start;
    }
    const node = list[i];
    if (isTemplate(node) && !(node instanceof FastRun) && !(node instanceof FastOutput) && !isHtml(node)) visitTag(node, seen);
  }
}

/** A tag's child templates sit in arrays on it (for: templates, elseTemplates; if: branches[].templates...). */
function visitTag(tag: object, seen: Set<object>): void {
  if (seen.has(tag)) return;
  seen.add(tag);
  for (const value of Object.values(tag)) {
    if (!Array.isArray(value) || value.length === 0) continue;
    if (value.every(isTemplate)) coalesce(value, seen);
    else {
      for (const item of value) {
        const templates = (item as { templates?: unknown } | null)?.templates;
        if (Array.isArray(templates) && templates.every(isTemplate)) coalesce(templates, seen);
      }
    }
  }
}

const enabled = new WeakSet<Liquid>();
let patched = false;
let switchedOff = false;

/** Runs `fn` with engines made meanwhile rendering every output through liquidjs alone: the reference in tests. */
export async function withLiquidOutputsOnly<T>(fn: () => Promise<T>): Promise<T> {
  switchedOff = true;
  try {
    return await fn();
  } finally {
    switchedOff = false;
  }
}

/**
 * Makes `liquid` parse plain-path outputs into the fast node; call before its first template is parsed. liquidjs
 * makes a new Parser for every file it parses, so the hook is on Parser's prototype, and only engines passed here
 * use it.
 */
export function useFastOutputs(liquid: Liquid): void {
  if (liquid.options.lenientIf || switchedOff) return;
  enabled.add(liquid);
  if (patched) return;
  patched = true;
  const proto = Parser.prototype as unknown as ParserInternals;
  const parseToken = proto.parseToken;
  proto.parseToken = function (this: ParserInternals, token: TopLevelToken, remain: TopLevelToken[]) {
    const node = parseToken.call(this, token, remain);
    if (!(node instanceof Output) || !enabled.has(this.liquid)) return node;
    const path = literalPath(node);
    return path ? (new FastOutput(node, path) as unknown as Template) : node;
  };
  // Runs are joined once a whole file is parsed (a tag's children are complete only then).
  const parse = proto.parse;
  proto.parse = function (this: ParserInternals, html: string, file?: string) {
    const templates = parse.call(this, html, file);
    if (enabled.has(this.liquid)) coalesce(templates, new Set());
    return templates;
  };
}
