import { defaultOperators, Drop, isFalsy, isTruthy, LiquidError, RenderError, toValue, toValueSync, TypeGuards } from 'liquidjs';
import type { Arguments, Context, Emitter, ForTag, IfTag, Template, UnlessTag, Value } from 'liquidjs';
import { tokenEval } from './plain-filters.ts';
import type { Eval } from './plain-filters.ts';
import { UNDECIDED } from './scoped-context.ts';

// `if`, `unless` and `for` without liquidjs's generators, for the common forms: conditions made of literals, literal
// paths and operators, loops over an array without `limit`, `offset` or `reversed`. They take liquidjs's steps
// through its public API (the context's lookups, operators, isTruthy, push/pop, registers) as plain calls. When a
// condition or a collection cannot be read (an undefined variable under strict variables), liquidjs's own tag
// renders instead, so its error and position are the ones reported.

/**
 * What liquidjs's default operators (generators: `==` alone takes two, with four steps) give for two primitive
 * operands: toValue leaves a primitive as it is, a primitive is not a list, and it is not "comparable" (liquidjs's
 * test for values with their own equals, gt... methods) when it has no `equals` method (isPrimitive).
 */
const PRIMITIVE_OPERATORS: Record<string, ((l: unknown, r: unknown, ctx: Context) => boolean) | undefined> = {
  '==': (l, r) => l === r,
  '!=': (l, r) => l !== r,
  '>': (l, r) => (l as number) > (r as number),
  '<': (l, r) => (l as number) < (r as number),
  '>=': (l, r) => (l as number) >= (r as number),
  '<=': (l, r) => (l as number) <= (r as number),
  and: (l, r, ctx) => isTruthy(l, ctx) && isTruthy(r, ctx),
  or: (l, r, ctx) => isTruthy(l, ctx) || isTruthy(r, ctx),
  not: (l, _r, ctx) => isFalsy(l, ctx),
};

function isPrimitive(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  const type = typeof v;
  return (type === 'string' || type === 'number' || type === 'boolean') && typeof (v as { equals?: unknown }).equals !== 'function';
}

/** liquidjs's `Expression.evaluate` for a condition without filters; null when a part is not a literal or a path. */
function conditionEval(value: Value): Eval | null {
  if (value.filters.length > 0) return null;
  type Step = { op: string } | { value: Eval };
  const steps: Step[] = [];
  for (const token of value.initial.postfix) {
    if (TypeGuards.isOperatorToken(token)) steps.push({ op: token.operator });
    else {
      const ev = tokenEval(token);
      if (!ev) return null;
      steps.push({ value: ev });
    }
  }
  if (steps.length === 1 && 'value' in steps[0]!) return steps[0].value;
  return (ctx) => {
    const operands: unknown[] = [];
    for (const step of steps) {
      if ('value' in step) {
        const v = step.value(ctx);
        if (v === UNDECIDED) return UNDECIDED;
        operands.push(v);
        continue;
      }
      const operator = ctx.opts.operators[step.op]!;
      const r = operands.pop();
      const primitive = operator === defaultOperators[step.op] ? PRIMITIVE_OPERATORS[step.op] : undefined;
      // `not` is liquidjs's one unary operator.
      if (step.op === 'not') {
        operands.push(primitive && isPrimitive(r) ? isFalsy(r, ctx) : toValueSync((operator as (v: unknown, c: Context) => unknown)(r, ctx)));
        continue;
      }
      const l = operands.pop();
      operands.push(primitive && isPrimitive(l) && isPrimitive(r) ? primitive(l, r, ctx) : toValueSync(operator(l, r, ctx)));
    }
    return operands[0];
  };
}

/** liquidjs's `renderTemplates` without a generator (the engine sets no render time limit and collects no errors). */
export function renderList(templates: readonly Template[], ctx: Context, emitter: Emitter): void {
  for (const tpl of templates) {
    try {
      // Plain nodes write to the emitter and return nothing: only a generator needs liquidjs's toValueSync.
      const rendered = tpl.render(ctx, emitter);
      const html = rendered === undefined || typeof rendered === 'string' ? rendered : toValueSync(rendered);
      if (html) emitter.write(html);
      if (ctx.breakCalled || ctx.continueCalled) break;
    } catch (err) {
      throw LiquidError.is(err) ? err : new RenderError(err as Error, tpl);
    }
  }
}

/**
 * A whole list of nodes as one node, where liquidjs would render the list (a file, a block, a layout's body, the
 * branches of tags it keeps): liquidjs takes each node through a generator step and a clock read; this takes them
 * through renderList. Nothing else differs, since the engine sets no render time limit and collects no errors.
 */
export class PlainList implements Template {
  readonly token: Template['token'];
  readonly nodes: Template[];

  constructor(nodes: Template[]) {
    this.nodes = nodes;
    this.token = nodes[0]!.token;
  }

  render(ctx: Context, emitter: Emitter): undefined {
    renderList(this.nodes, ctx, emitter);
    return undefined;
  }

  // eslint-disable-next-line require-yield -- the Template interface's form: a generator that returns the children.
  *children(): Generator<unknown, Template[]> {
    return this.nodes;
  }
}

/** Stands in for a tag in its parent's list; static analysis sees the tag itself. */
export abstract class PlainTag<T extends Template> implements Template {
  readonly token: Template['token'];
  readonly tag: T;

  constructor(tag: T) {
    this.tag = tag;
    this.token = tag.token;
  }

  abstract render(ctx: Context, emitter: Emitter): unknown;

  children(partials: boolean, sync: boolean): Generator<unknown, Template[]> {
    return this.tag.children!(partials, sync);
  }

  arguments(): Arguments {
    return this.tag.arguments?.() ?? [];
  }

  blockScope(): Iterable<string> {
    return this.tag.blockScope?.() ?? [];
  }
}

type Branch = { condition: Eval; test: (value: unknown, ctx: Context) => boolean; templates: Template[] };

/** `if` and `unless`: the first branch whose test passes is rendered, else the `else` part. */
export class PlainIf extends PlainTag<IfTag | UnlessTag> {
  private readonly branches: Branch[];
  private readonly elseTemplates: Template[];

  private constructor(tag: IfTag | UnlessTag, branches: Branch[]) {
    super(tag);
    this.branches = branches;
    this.elseTemplates = tag.elseTemplates ?? [];
  }

  static of(tag: IfTag | UnlessTag): PlainIf | null {
    const branches: Branch[] = [];
    for (const b of tag.branches) {
      const condition = conditionEval(b.value);
      if (!condition) return null;
      branches.push({ condition, test: 'test' in b ? b.test : isTruthy, templates: b.templates });
    }
    return new PlainIf(tag, branches);
  }

  render(ctx: Context, emitter: Emitter): unknown {
    let chosen = this.elseTemplates;
    try {
      for (const b of this.branches) {
        const v = b.condition(ctx);
        if (v === UNDECIDED) return this.tag.render(ctx, emitter);
        if (b.test(toValue(v), ctx)) {
          chosen = b.templates;
          break;
        }
      }
    } catch {
      // Conditions only read: liquidjs's tag starts over and reports the problem its way.
      return this.tag.render(ctx, emitter);
    }
    renderList(chosen, ctx, emitter);
    return undefined;
  }
}

/** liquidjs's `forloop` (its class is not exported): the same fields, in the same order, and methods. */
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
export class PlainFor extends PlainTag<ForTag> {
  private readonly collection: Eval;
  private readonly collectionText: string;
  private readonly continueKey: string;

  private constructor(tag: ForTag, collection: Eval) {
    super(tag);
    this.collection = collection;
    this.collectionText = tag.collection.getText();
    this.continueKey = `continue-${tag.variable}-${this.collectionText}`;
  }

  static of(tag: ForTag): PlainFor | null {
    if (Object.keys(tag.hash.hash).length > 0) return null;
    const collection = tokenEval(tag.collection);
    return collection ? new PlainFor(tag, collection) : null;
  }

  render(ctx: Context, emitter: Emitter): unknown {
    let list: unknown;
    try {
      list = this.collection(ctx);
    } catch {
      return this.tag.render(ctx, emitter);
    }
    if (list === UNDECIDED) return this.tag.render(ctx, emitter);
    list = toValue(list);
    if (!Array.isArray(list)) return this.tag.render(ctx, emitter);
    const tag = this.tag;
    if (list.length === 0) {
      renderList(tag.elseTemplates, ctx, emitter);
      return undefined;
    }
    ctx.setRegister(this.continueKey, list.length);
    // Like liquidjs's scopes: no prototype, so `key in scope` finds only the loop's own names.
    const scope = Object.create(null) as Record<string, unknown> & { forloop: Forloop };
    scope.forloop = new Forloop(list.length, this.collectionText, tag.variable);
    ctx.push(scope);
    for (const item of list) {
      scope[tag.variable] = item;
      ctx.continueCalled = ctx.breakCalled = false;
      renderList(tag.templates, ctx, emitter);
      if (ctx.breakCalled) break;
      scope.forloop.next();
    }
    ctx.continueCalled = ctx.breakCalled = false;
    ctx.pop();
    return undefined;
  }
}
