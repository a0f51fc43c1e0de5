import { Context, Drop, toValueSync } from 'liquidjs';
import type { Liquid, RenderOptions } from 'liquidjs';

// A variable's value without liquidjs's generators. liquidjs looks a name up in the scopes tags have pushed (loops,
// blocks, includes; the newest first), then in the bottom scope (assign, capture), then in what the page was rendered
// with, then in the globals; the scope stack itself is private. The engine renders every page with this Context,
// which keeps its own copy of that stack through the public push and pop, so a compiled node can take the same steps
// as plain calls. A partial rendered by `{% render %}` gets its context from the page's (`spawn`), so it is one of
// these too; a Context made any other way is looked up by getSync.

type Limits = ConstructorParameters<typeof Context>[3];

export class ScopedContext extends Context {
  private readonly pushed: object[] = [];

  constructor(scope: object, liquid: Liquid);
  constructor(scope: object, opts: Context['opts'], renderOptions: RenderOptions, limits: Limits);
  constructor(scope: object, from: Liquid | Context['opts'], renderOptions?: RenderOptions, limits?: Limits) {
    if (renderOptions) super(scope, from as Context['opts'], renderOptions, limits);
    else super(scope, (from as Liquid).options, { sync: true }, { liquid: from });
  }

  /**
   * liquidjs's `spawn` (what `{% render %}` gives the partial): an empty scope over the same options, globals,
   * strictness, property rule, limits and engine, as a ScopedContext so the partial's lookups are plain calls too.
   */
  override spawn(scope: object = {}): ScopedContext {
    const renderOptions: RenderOptions = { sync: this.sync, globals: this.globals, strictVariables: this.strictVariables, ownPropertyOnly: this.ownPropertyOnly };
    return new ScopedContext(scope, this.opts, renderOptions, { renderLimit: this.renderLimit, memoryLimit: this.memoryLimit, liquid: this.liquid as unknown });
  }

  override push(scope: object): number {
    this.pushed.push(scope);
    return super.push(scope);
  }

  override pop(): ReturnType<Context['pop']> {
    this.pushed.pop();
    return super.pop();
  }

  /** The scope that holds `name`, as liquidjs finds it. */
  scopeOf(name: string): object {
    for (let i = this.pushed.length - 1; i >= 0; i--) if (name in this.pushed[i]!) return this.pushed[i]!;
    const bottom = this.bottom();
    if (name in bottom) return bottom;
    if (name in this.environments) return this.environments;
    return this.globals;
  }
}

/** What a lookup returns when liquidjs must do it (an undefined variable under strict variables: its error). */
export const UNDECIDED: unique symbol = Symbol('undecided');


/**
 * `ctx.readProperty(obj, key)` for what pages mostly read, a plain object's own data property, without liquidjs's
 * checks for drops, lists, toLiquid and methods: anything else, or a function, goes through liquidjs.
 */
function readProperty(ctx: Context, obj: unknown, key: string | number): unknown {
  // size, first and last: keys liquidjs reads its own way whatever the object holds (a list's size, first and last).
  if (ctx.ownPropertyOnly && typeof key === 'string' && typeof obj === 'object' && obj !== null && key !== 'size' && key !== 'first' && key !== 'last'
    && !Array.isArray(obj) && !(obj instanceof Drop) && typeof (obj as { toLiquid?: unknown }).toLiquid !== 'function') {
    if (!Object.hasOwn(obj, key)) return undefined;
    const value = (obj as Record<string, unknown>)[key];
    if (typeof value !== 'object' || value === null) {
      if (typeof value !== 'function') return value;
    } else {
      // toValueSync's own test, first step: only something with a `next` method can be an iterator to run.
      return typeof (value as { next?: unknown }).next === 'function' ? toValueSync(value) : value;
    }
  }
  return toValueSync(ctx.readProperty(obj as never, key));
}

/** The value at `path` (its first part a name), or UNDECIDED. */
export function lookup(ctx: Context, path: readonly (string | number)[]): unknown {
  if (!(ctx instanceof ScopedContext)) {
    try {
      return ctx.getSync(path as (string | number)[]);
    } catch {
      return UNDECIDED;
    }
  }
  let value: unknown = ctx.scopeOf(path[0] as string);
  for (const key of path) {
    value = readProperty(ctx, value, key);
    if (value === undefined && ctx.strictVariables) return UNDECIDED;
  }
  return value;
}
