import { Drop, filters as liquidFilters, ForTag, IfTag, isTruthy, LiquidError, Output, Parser, RenderError, TokenKind, toValue, toValueSync, TypeGuards, UnlessTag } from 'liquidjs';
import type { Context, Emitter, Expression, Liquid, Template, TopLevelToken, Value } from 'liquidjs';

// liquidjs renders through generators: every `{{ ... }}` goes through a dozen nested ones (value, expression, token,
// property, scope lookup, filter), every `{% if %}` condition through as many, and every tag's body through one
// more. On a 100,000-page site that costs more than everything else on the page. This module swaps, at parse time,
// the nodes themes use most for ones that take exactly liquidjs's steps (the same scope lookup, the same property
// reads, the same operators, filter handlers and escaping, the same loop variables and registers) as plain calls:
//
// - outputs whose value is a literal path (`{{ m.author }}`, `{{ a["b"].0 }}`) and whose filters take only literal
//   or literal-path arguments (`{{ page.description | truncate: 220 }}`);
// - runs of literal HTML and such outputs, rendered in one step;
// - `if`, `unless` and `for` whose conditions and collection are literals, literal paths and operators, and loops
//   without `limit`, `offset` or `reversed`.
//
// Anything else, and any node that would fail (an undefined variable under strict variables), goes through
// liquidjs's own node, so the result and the error messages are exactly liquidjs's. test/site/liquid-fast.test.ts
// renders every theme template both ways and compares the bytes.

type PathPart = string | number;

// The liquidjs internals this module calls (TypeScript declares them private; they are the same steps liquidjs's own
// nodes take). liquidjs is pinned in package-lock.json, and the tests compare both ways on every template.
type ContextInternals = {
  findScope: (key: string) => unknown;
  readProperty: (obj: unknown, key: PathPart) => unknown;
  strictVariables: boolean;
  opts: { operators: Record<string, (...args: unknown[]) => unknown> };
  breakCalled: boolean;
  continueCalled: boolean;
  push: (scope: object) => void;
  pop: () => void;
  setRegister: (key: string, value: unknown) => void;
};
type FilterInternals = { handler: (this: unknown, ...args: unknown[]) => unknown; token: unknown; liquid: Liquid; args: unknown[] };
type ParserInternals = { liquid: Liquid; parseToken: (token: TopLevelToken, remain: TopLevelToken[]) => Template; parse: (html: string, file?: string) => Template[] };
type HtmlNode = Template & { str: string };
type BranchInternals = { value: Value; templates: Template[]; test?: (value: unknown, ctx: Context) => boolean };
type IfInternals = Template & { branches: BranchInternals[]; elseTemplates?: Template[] };
type ForInternals = Template & { variable: string; collection: { getText: () => string }; hash: { hash: Record<string, unknown> }; templates: Template[]; elseTemplates: Template[] };

/** What an evaluator returns when the fast path cannot decide: liquidjs's own node runs instead. */
const MISS: unique symbol = Symbol('fall back to liquidjs');
type Eval = (ctx: Context) => unknown;

/** The parts of a property access when every one is a literal (`a.b["c"].0`); null when any is computed. */
function literalPath(token: unknown): PathPart[] | null {
  if (!token || !TypeGuards.isPropertyAccessToken(token as never)) return null;
  const access = token as { variable?: unknown; props: unknown[] };
  if (access.variable) return null;
  const path: PathPart[] = [];
  for (const prop of access.props) {
    if (typeof prop !== 'object' || prop === null || !('content' in prop)) return null;
    const content: unknown = prop.content;
    if (typeof content !== 'string' && typeof content !== 'number') return null;
    path.push(content);
  }
  if (path.length === 0 || typeof path[0] !== 'string') return null;
  return path;
}

/** liquidjs's `_get`: the scope that has the first name, then one property read per part. */
function pathEval(path: PathPart[]): Eval {
  const first = path[0] as string;
  return (ctx) => {
    const c = ctx as unknown as ContextInternals;
    let value: unknown = c.findScope(first);
    for (const key of path) {
      value = toValueSync(c.readProperty(value, key));
      // liquidjs words this error with the template's position: let it.
      if (value === undefined && c.strictVariables) return MISS;
    }
    return value;
  };
}

/** liquidjs's `evalToken` for a literal or a literal path; null for anything else (ranges, computed parts...). */
function tokenEval(token: unknown): Eval | null {
  if (typeof token === 'object' && token !== null && 'content' in token) {
    const content: unknown = token.content;
    return () => content;
  }
  const path = literalPath(token);
  return path ? pathEval(path) : null;
}

/** liquidjs's `Expression.evaluate`: operands in postfix order, operators from the context's options. */
function expressionEval(expression: Expression): Eval | null {
  type Step = { op: string; unary: boolean } | { value: Eval };
  const steps: Step[] = [];
  for (const token of expression.postfix) {
    if (TypeGuards.isOperatorToken(token)) {
      const op = (token as unknown as { operator: string }).operator;
      // `not` is liquidjs's one unary operator; any other (custom ones included) takes two operands.
      steps.push({ op, unary: op === 'not' });
      continue;
    }
    const value = tokenEval(token);
    if (!value) return null;
    steps.push({ value });
  }
  if (steps.length === 1 && 'value' in steps[0]!) return steps[0].value;
  return (ctx) => {
    const operators = (ctx as unknown as ContextInternals).opts.operators;
    const operands: unknown[] = [];
    for (const step of steps) {
      if ('value' in step) {
        const v = step.value(ctx);
        if (v === MISS) return MISS;
        operands.push(v);
        continue;
      }
      const r = operands.pop();
      const fn = operators[step.op]!;
      if (step.unary) operands.push(toValueSync(fn(r, ctx)));
      else {
        const l = operands.pop();
        operands.push(toValueSync(fn(l, r, ctx)));
      }
    }
    return operands[0];
  };
}

/** A tag condition: an expression without filters (`{% if a.b > 0 and c %}`). */
function conditionEval(value: Value): Eval | null {
  if (value.filters.length > 0) return null;
  return expressionEval(value.initial);
}

/** liquidjs's `renderTemplates`, without a generator per call (the render limit is off; see useFastPaths). */
function renderList(templates: readonly Template[], ctx: Context, emitter: Emitter): void {
  const c = ctx as unknown as ContextInternals;
  for (const tpl of templates) {
    try {
      const html = toValueSync(tpl.render(ctx, emitter));
      if (html) emitter.write(html);
      if (c.breakCalled || c.continueCalled) break;
    } catch (err) {
      throw LiquidError.is(err) ? err : new RenderError(err as Error, tpl);
    }
  }
}

type FilterStep = { filter: FilterInternals; handler: FilterInternals['handler']; args: Eval[] };

type FilterThis = { context: { memoryLimit: { use: (n: number) => void } } };
const liquidEscape = liquidFilters.escape as (this: FilterThis, value: unknown) => unknown;
const ESCAPABLE = /[&<>"']/;

/**
 * liquidjs's `escape` (the output escape of every `{{ }}`), without its replace for the usual string that has
 * nothing to escape: a tenth of a page's time went there. Same memory accounting, same result.
 */
const escapeFast: FilterInternals['handler'] = function (this: unknown, value: unknown): unknown {
  const self = this as FilterThis;
  if (typeof value !== 'string' || ESCAPABLE.test(value)) return liquidEscape.call(self, value);
  self.context.memoryLimit.use(value.length);
  return value;
};

class FastOutput {
  readonly token: Output['token'];
  private readonly original: Output;
  private readonly value: Eval;
  private readonly filters: FilterStep[];

  constructor(original: Output, value: Eval, filters: FilterStep[]) {
    this.original = original;
    this.token = original.token;
    this.value = value;
    this.filters = filters;
  }

  /** A fast node for `output`, or null when its value or a filter argument is not a literal or a literal path. */
  static of(output: Output): FastOutput | null {
    const { initial, filters } = output.value;
    if (initial.postfix.length !== 1) return null;
    const path = literalPath(initial.postfix[0]);
    if (!path) return null;
    const steps: FilterStep[] = [];
    for (const f of filters as unknown as FilterInternals[]) {
      const args: Eval[] = [];
      for (const arg of f.args) {
        // A `key: value` argument is left to liquidjs.
        const ev = Array.isArray(arg) ? null : tokenEval(arg);
        if (!ev) return null;
        args.push(ev);
      }
      steps.push({ filter: f, handler: f.handler === liquidEscape ? escapeFast : f.handler, args });
    }
    return new FastOutput(output, pathEval(path), steps);
  }

  render(ctx: Context, emitter: Emitter): unknown {
    let value = this.value(ctx);
    if (value === MISS) return this.original.render(ctx, emitter);
    for (const { filter, handler, args } of this.filters) {
      const argv: unknown[] = [value];
      for (const arg of args) {
        const v = arg(ctx);
        if (v === MISS) return this.original.render(ctx, emitter);
        argv.push(v);
      }
      value = toValueSync(handler.apply({ context: ctx, token: filter.token, liquid: filter.liquid }, argv));
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

/** Stands in for a tag in its parent's list; liquidjs's analysis sees the tag itself. */
abstract class FastTag<T extends Template> {
  readonly token: Template['token'];
  protected readonly tag: T;

  constructor(tag: T) {
    this.tag = tag;
    this.token = tag.token;
  }

  abstract render(ctx: Context, emitter: Emitter): unknown;

  children(...args: unknown[]): unknown {
    return (this.tag as unknown as { children: (...a: unknown[]) => unknown }).children(...args);
  }

  arguments(): unknown {
    return (this.tag as unknown as { arguments: () => unknown }).arguments();
  }

  blockScope(): unknown {
    return (this.tag as unknown as { blockScope?: () => unknown }).blockScope?.() ?? [];
  }
}

/** `if` and `unless`: the first branch whose test passes is rendered, else the `else` part. */
class FastIf extends FastTag<IfInternals> {
  private readonly branches: { condition: Eval; test: (value: unknown, ctx: Context) => boolean; templates: Template[] }[];

  private constructor(tag: IfInternals, branches: FastIf['branches']) {
    super(tag);
    this.branches = branches;
  }

  static of(tag: IfInternals): FastIf | null {
    const branches: FastIf['branches'] = [];
    for (const b of tag.branches) {
      const condition = conditionEval(b.value);
      if (!condition) return null;
      branches.push({ condition, test: b.test ?? isTruthy, templates: b.templates });
    }
    return new FastIf(tag, branches);
  }

  render(ctx: Context, emitter: Emitter): unknown {
    for (const b of this.branches) {
      // Conditions only read: when one cannot be decided here, liquidjs's tag starts over.
      const v = b.condition(ctx);
      if (v === MISS) return this.tag.render(ctx, emitter);
      if (b.test(toValue(v), ctx)) {
        renderList(b.templates, ctx, emitter);
        return undefined;
      }
    }
    renderList(this.tag.elseTemplates ?? [], ctx, emitter);
    return undefined;
  }
}

/** liquidjs's `forloop` object (its class is not exported): the same fields, in the same order, and methods. */
class Forloop extends Drop {
  i: number;
  length: number;
  name: string;

  constructor(length: number, collection: string, variable: string) {
    super();
    this.i = 0;
    this.length = length;
    this.name = `${variable}-${collection}`;
  }

  next(): void {
    this.i++;
  }

  index0(): number {
    return this.i;
  }

  index(): number {
    return this.i + 1;
  }

  first(): boolean {
    return this.i === 0;
  }

  last(): boolean {
    return this.i === this.length - 1;
  }

  rindex(): number {
    return this.length - this.i;
  }

  rindex0(): number {
    return this.length - this.i - 1;
  }

  override valueOf(): string {
    return JSON.stringify(this);
  }
}

/** `for` over an array, without `limit`, `offset` or `reversed` (liquidjs's tag does those, and strings and hashes). */
class FastFor extends FastTag<ForInternals> {
  private readonly collection: Eval;
  private readonly collectionText: string;
  private readonly continueKey: string;

  private constructor(tag: ForInternals, collection: Eval) {
    super(tag);
    this.collection = collection;
    this.collectionText = tag.collection.getText();
    this.continueKey = `continue-${tag.variable}-${this.collectionText}`;
  }

  static of(tag: ForInternals): FastFor | null {
    if (Object.keys(tag.hash.hash).length > 0) return null;
    const collection = tokenEval(tag.collection);
    return collection ? new FastFor(tag, collection) : null;
  }

  render(ctx: Context, emitter: Emitter): unknown {
    const raw = this.collection(ctx);
    if (raw === MISS) return this.tag.render(ctx, emitter);
    const list: unknown = toValue(raw);
    if (!Array.isArray(list)) return this.tag.render(ctx, emitter);
    const tag = this.tag;
    if (list.length === 0) {
      renderList(tag.elseTemplates, ctx, emitter);
      return undefined;
    }
    const c = ctx as unknown as ContextInternals;
    c.setRegister(this.continueKey, list.length);
    // Like liquidjs's scopes: no prototype, so `key in scope` finds only the loop's own names.
    const scope = Object.create(null) as Record<string, unknown> & { forloop: Forloop };
    scope.forloop = new Forloop(list.length, this.collectionText, tag.variable);
    c.push(scope);
    for (const item of list) {
      scope[tag.variable] = item;
      c.continueCalled = c.breakCalled = false;
      renderList(tag.templates, ctx, emitter);
      if (c.breakCalled) break;
      scope.forloop.next();
    }
    c.continueCalled = c.breakCalled = false;
    c.pop();
    return undefined;
  }
}

function isTemplate(value: unknown): value is Template {
  return typeof value === 'object' && value !== null && typeof (value as { render?: unknown }).render === 'function' && 'token' in value;
}

function isFast(node: unknown): boolean {
  return node instanceof FastRun || node instanceof FastOutput || node instanceof FastTag;
}

/** The fast node for a tag, when there is one and its expressions qualify (exact classes: a subclass may differ). */
function fastTag(node: Template): Template | null {
  const ctor = (node as { constructor?: unknown }).constructor;
  if (ctor === IfTag || ctor === UnlessTag) return FastIf.of(node as IfInternals) as unknown as Template | null;
  if (ctor === ForTag) return FastFor.of(node as unknown as ForInternals) as unknown as Template | null;
  return null;
}

/**
 * In `list` (in place): tags inside are visited first, then replaced by their fast node, and runs of two or more
 * HTML and fast-output nodes are joined.
 */
function coalesce(list: unknown[], seen: Set<object>): void {
  for (let i = 0; i < list.length; i++) {
    const node = list[i];
    if (isTemplate(node) && !isFast(node) && !isHtml(node) && !(node instanceof Output)) {
      visitTag(node, seen);
      const fast = fastTag(node);
      if (fast) list[i] = fast;
    }
  }
  for (let i = 0; i < list.length; i++) {
    const start = i;
    while (i < list.length && (isHtml(list[i]) || list[i] instanceof FastOutput)) i++;
    if (i - start >= 2) {
      list.splice(start, i - start, new FastRun(list.slice(start, i) as (HtmlNode | FastOutput)[]));
      i = start;
    }
  }
}

/** A tag's child templates sit in arrays on it (for: templates, elseTemplates; if: branches[].templates...). */
function* childLists(tag: object): Generator<unknown[]> {
  for (const value of Object.values(tag)) {
    if (!Array.isArray(value) || value.length === 0) continue;
    if (value.every(isTemplate)) yield value;
    else {
      for (const item of value) {
        const templates = (item as { templates?: unknown } | null)?.templates;
        if (Array.isArray(templates) && templates.every(isTemplate)) yield templates;
      }
    }
  }
}

function visitTag(tag: object, seen: Set<object>): void {
  if (seen.has(tag)) return;
  seen.add(tag);
  for (const list of childLists(tag)) coalesce(list, seen);
}

const enabled = new WeakSet<Liquid>();
let patched = false;
let switchedOff = false;

/** Runs `fn` with engines made meanwhile rendering through liquidjs alone: the reference in tests. */
export async function withLiquidOnly<T>(fn: () => Promise<T>): Promise<T> {
  switchedOff = true;
  try {
    return await fn();
  } finally {
    switchedOff = false;
  }
}

/**
 * Makes `liquid` parse into the fast nodes; call before its first template is parsed. liquidjs makes a new Parser for
 * every file it parses, so the hook is on Parser's prototype, and only engines passed here use it. Engines whose
 * options change what the fast nodes would have to do (lenient conditions, a render time limit, collected errors)
 * keep liquidjs's nodes.
 */
export function useFastPaths(liquid: Liquid): void {
  const o = liquid.options as { lenientIf?: boolean; renderLimit?: number; catchAllErrors?: boolean };
  if (o.lenientIf || o.catchAllErrors || (o.renderLimit ?? Infinity) !== Infinity || switchedOff) return;
  enabled.add(liquid);
  if (patched) return;
  patched = true;
  const proto = Parser.prototype as unknown as ParserInternals;
  const parseToken = proto.parseToken;
  proto.parseToken = function (this: ParserInternals, token: TopLevelToken, remain: TopLevelToken[]) {
    const node = parseToken.call(this, token, remain);
    if (!(node instanceof Output) || !enabled.has(this.liquid)) return node;
    return (FastOutput.of(node) as unknown as Template | null) ?? node;
  };
  // Tags and runs are replaced once a whole file is parsed (a tag's children are complete only then).
  const parse = proto.parse;
  proto.parse = function (this: ParserInternals, html: string, file?: string) {
    const templates = parse.call(this, html, file);
    if (enabled.has(this.liquid)) coalesce(templates, new Set());
    return templates;
  };
}

/** The fast nodes in parsed templates, in document order ('output', 'run', 'if', 'for'): what the tests check. */
export function fastNodes(templates: readonly unknown[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly unknown[]) => {
    for (const node of list) {
      if (node instanceof FastOutput) out.push('output');
      else if (node instanceof FastRun) out.push('run');
      else if (isTemplate(node) && !isHtml(node)) {
        if (node instanceof FastIf) out.push('if');
        else if (node instanceof FastFor) out.push('for');
        for (const list of childLists(node instanceof FastTag ? (node as unknown as { tag: object }).tag : node)) walk(list);
      }
    }
  };
  walk(templates);
  return out;
}
