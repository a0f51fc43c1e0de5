import { BlockTag, CaptureTag, CaseTag, ForTag, IfTag, LayoutTag, Output, UnlessTag } from 'liquidjs';
import type { Liquid, LiquidOptions, Template } from 'liquidjs';
import { htmlOf, PlainOutput, PlainRun } from './plain-output.ts';
import { PlainBlock, PlainLayout } from './plain-layout.ts';
import { PlainFor, PlainIf, PlainList, PlainTag } from './plain-tags.ts';

// liquidjs renders through generators: every `{{ ... }}` goes through a dozen nested ones, every `{% if %}` condition
// through as many, every tag's body through one more. On a 100,000-page site that costs more than everything else
// on the page. A theme's templates are parsed once per build, by liquidjs; this compiles each parsed file, once,
// into nodes that take the same steps as plain calls (plain-output.ts, plain-tags.ts, plain-layout.ts): outputs of a
// literal path, runs of HTML and such outputs, `if` / `unless` / `for` over literal paths, layouts and blocks.
// Everything else stays liquidjs's node. It uses liquidjs's public API only: the parsed templates arrive through the engine's `cache` option (a
// LiquidCache, which liquidjs hands every file it parses, layouts and partials included), and the nodes are read
// through their public fields. test/site/liquid-compile.test.ts renders templates and whole sites both ways.

/** Replaces, in place, the nodes of `list` and of the tags inside it by plain nodes where there is one. */
export function compileTemplates(list: Template[], escaping: boolean, constants: ReadonlySet<string> = NONE, whole = true): Template[] {
  for (let i = 0; i < list.length; i++) {
    const node = list[i]!;
    const lists = childLists(node);
    for (const children of lists) compileTemplates(children, escaping, constants, false);
    const plain = plainNode(node, escaping, constants);
    if (plain) list[i] = plain;
    // A tag liquidjs keeps renders its lists through its renderer (plain tags render theirs as plain calls).
    else for (const children of lists) asOneNode(children);
  }
  // Runs of two or more HTML nodes and plain outputs become one node, and so does HTML alone between tags (liquidjs
  // renders it through a generator).
  for (let i = 0; i < list.length; i++) {
    const start = i;
    while (i < list.length && (list[i] instanceof PlainOutput || htmlOf(list[i]!) !== null)) i++;
    if (i - start >= 2 || (i - start === 1 && !(list[start] instanceof PlainOutput))) {
      list.splice(start, i - start, new PlainRun(list.slice(start, i)));
      i = start;
    }
  }
  // `whole`: the list is a file's, which liquidjs renders.
  if (whole) asOneNode(list);
  return list;
}

/** Replaces, in place, a list of two or more nodes by one PlainList of them. */
function asOneNode(list: Template[]): void {
  if (list.length >= 2) list.splice(0, list.length, new PlainList(list.slice()));
}

const NONE: ReadonlySet<string> = new Set();

function plainNode(node: Template, escaping: boolean, constants: ReadonlySet<string>): Template | null {
  // Exact classes: a subclass registered in their place may render differently.
  const ctor = (node as { constructor?: unknown }).constructor;
  if (node instanceof Output) return PlainOutput.of(node, escaping, constants);
  if (ctor === IfTag || ctor === UnlessTag) return PlainIf.of(node as IfTag | UnlessTag);
  if (ctor === ForTag) return PlainFor.of(node as ForTag);
  if (ctor === LayoutTag) return PlainLayout.of(node as LayoutTag);
  if (ctor === BlockTag) return PlainBlock.of(node as BlockTag);
  return null;
}

/** The lists of child templates the tags themes use keep in their public fields. */
function childLists(node: Template): Template[][] {
  if (node instanceof IfTag || node instanceof UnlessTag || node instanceof CaseTag) {
    return [...node.branches.map((b) => b.templates), ...(node.elseTemplates ? [node.elseTemplates] : [])];
  }
  if (node instanceof ForTag) return [node.templates, node.elseTemplates];
  if (node instanceof BlockTag || node instanceof LayoutTag || node instanceof CaptureTag) return [node.templates];
  return [];
}

let compiling = true;

/** Runs `fn` with engines made meanwhile rendering through liquidjs's own nodes only: the reference in tests. */
export async function withLiquidOnly<T>(fn: () => Promise<T>): Promise<T> {
  compiling = false;
  try {
    return await fn();
  } finally {
    compiling = true;
  }
}

/**
 * The engine's template cache: every file liquidjs parses is compiled as it is stored. Engines whose options change
 * what the plain nodes would have to do (lenient conditions, a render time limit, collected errors, other
 * operators) store liquidjs's nodes as they are.
 */
export class CompilingCache {
  private readonly files = new Map<string, Template[]>();
  /** Whether the files are compiled (then a page can be rendered by plain-layout.ts's renderText). */
  readonly compile: boolean;
  private escaping = false;
  private constants: ReadonlySet<string> = NONE;

  constructor(options: LiquidOptions) {
    this.compile = compiling && !options.lenientIf && !options.catchAllErrors && options.renderLimit === undefined && options.operators === undefined;
  }

  /**
   * Call once the engine exists: whether its outputs end with an escape (liquidjs appends one to every output), and
   * the engine's filters that, given a quoted string and no arguments, always give the same text (see PlainOutput).
   */
  attach(liquid: Liquid, constants: ReadonlySet<string> = NONE): void {
    this.escaping = Boolean(liquid.options.outputEscape);
    this.constants = constants;
  }

  read(key: string): Template[] | undefined {
    return this.files.get(key);
  }

  write(key: string, value: Template[] | Promise<Template[]>): void {
    // Sync rendering hands over parsed files; a promise would mean async rendering, which the builder never uses.
    if (Array.isArray(value)) this.files.set(key, this.compile ? compileTemplates(value, this.escaping, this.constants) : value);
  }

  remove(key: string): void {
    this.files.delete(key);
  }
}

/** The plain nodes in compiled templates, in document order ('output', 'run', 'if', 'for', 'layout', 'block'): what the tests check. */
export function plainNodes(templates: readonly Template[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly Template[]) => {
    for (const node of list) {
      if (node instanceof PlainList) walk(node.nodes);
      else if (node instanceof PlainOutput) out.push('output');
      else if (node instanceof PlainRun) out.push('run');
      else {
        const tag = node instanceof PlainTag ? (node.tag as Template) : node;
        if (node instanceof PlainIf) out.push('if');
        if (node instanceof PlainFor) out.push('for');
        if (node instanceof PlainLayout) out.push('layout');
        if (node instanceof PlainBlock) out.push('block');
        for (const children of childLists(tag)) walk(children);
      }
    }
  };
  walk(templates);
  return out;
}
