import { readFileSync } from 'node:fs';
import { Liquid, LookupType, Parser, Tag } from 'liquidjs';
import type { Context, Emitter, TagToken, Template, TopLevelToken } from 'liquidjs';
import { CandorError } from '../../errors.ts';
import { SiteText, siteMessages } from '../i18n.ts';
import type { PluralForms } from '../i18n.ts';
import { themeFiles } from '../themes.ts';
import { escapeHtml, TrustedHtml } from '../trusted.ts';
import { CompilingCache } from './compile.ts';
import { renderText } from './plain-layout.ts';
import { escapeOutput } from './plain-output.ts';
import { lookup, ScopedContext, UNDECIDED } from './scoped-context.ts';

// The one place that owns the Liquid engine's settings. Every page, in the main thread and in the render workers,
// is rendered by an engine made here, so escaping, strictness and the filter set cannot drift apart.

/** Whether some line ends in a space or tab, or two blank lines follow each other: found line end by line end. */
function untidy(html: string): boolean {
  for (let i = html.indexOf('\n'); i !== -1; i = html.indexOf('\n', i + 1)) {
    const before = html.charCodeAt(i - 1);
    if (before === 32 || before === 9 || (html.charCodeAt(i + 1) === 10 && html.charCodeAt(i + 2) === 10)) return true;
  }
  return false;
}

/**
 * Template indentation leaves trailing spaces and runs of blank lines; they are removed outside <pre>, where
 * whitespace is content. Applied to the templates once, when they are read, and to each page (where it usually
 * finds nothing left to do: the bundled themes' pages come out tidy).
 */
export function tidyWhitespace(html: string): string {
  // Most pages need nothing done: looking for the three patterns is much cheaper than replacing with regexes, and
  // going from line end to line end cheaper than a regex for either pattern.
  const last = html.charCodeAt(html.length - 1);
  if (!untidy(html) && last !== 32 && last !== 9) return html;
  const tidy = (part: string) => {
    const t = part.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
    let end = t.length;
    while (end > 0 && (t.charCodeAt(end - 1) === 32 || t.charCodeAt(end - 1) === 9)) end--;
    return end === t.length ? t : t.slice(0, end);
  };
  if (!html.includes('<pre')) return tidy(html);
  return html.split(/(<pre[\s>][\s\S]*?<\/pre>)/).map((part, i) => (i % 2 === 1 ? part : tidy(part))).join('');
}

function trustedOrEscaped(value: unknown): string {
  if (value instanceof TrustedHtml) return value.html;
  if (value === null || value === undefined) return '';
  return escapeHtml(String(value));
}

/** `ctx.getSync(path)` as plain calls where it can be (scoped-context.ts); liquidjs's own lookup reports a failure. */
function read(ctx: Context, path: string[]): unknown {
  const value = lookup(ctx, path);
  return value === UNDECIDED ? ctx.getSync(path) : value;
}

/**
 * `{% chrome 'partials/header' %}` renders a partial that depends only on the site and on where the page is (its
 * root and its section): the header, the navigation, the footer. It is rendered once per root and section and then
 * reused, because on a site of 100,000 pages the chrome would otherwise cost as much as the content. The partial
 * sees `site` and `page.root`, `page.section` only (anything else is an error, strict variables being on).
 */
class ChromeTag extends Tag {
  private readonly file: string;
  private readonly cache = new Map<string, string>();

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.file = token.args.trim().replace(/^(['"])(.*)\1$/, '$2');
  }

  render(ctx: Context, emitter: Emitter): void {
    const site = read(ctx, ['site']);
    const root = read(ctx, ['page', 'root']);
    const section = read(ctx, ['page', 'section']);
    const key = `${String(root)}\u0000${String(section)}`;
    let html = this.cache.get(key);
    if (html === undefined) {
      html = tidyWhitespace(this.liquid.renderSync(this.liquid.parseFileSync(this.file), { site, page: { root, section } }) as string);
      this.cache.set(key, html);
    }
    emitter.write(html);
  }
}

export type SiteEngine = {
  /** Renders a page template (path relative to the theme, without .liquid, e.g. "pages/thread"). */
  render: (template: string, scope: object) => string;
  roots: readonly string[];
};

/** The engine's filters whose text depends only on their input and arguments (the engine's SiteText is fixed). */
const CONSTANT_FILTERS: ReadonlySet<string> = new Set(['t']);

/** Named filter arguments (`t: count: n`) arrive as [name, value] pairs. */
function named(args: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of args) if (Array.isArray(a) && a.length === 2 && typeof a[0] === 'string') out[a[0]] = a[1];
  return out;
}

/** The filters that put the site's own words, numbers and dates on a page, in the site's language. */
function registerTextFilters(liquid: Liquid, text: SiteText): void {
  // `{{ 'home.title' | t: name: site.name }}`: the message, escaped, with dates as <time> and tags as links.
  liquid.registerFilter('t', { handler: (key: unknown, ...args: unknown[]) => text.html(String(key), named(args)).html, raw: true });
  // `{{ thread.status | label: 'status' }}`: a code's word (kind, status, role, progress...).
  liquid.registerFilter('label', (code: unknown, group: unknown) => text.text(`${String(group)}.${String(code)}`));
  liquid.registerFilter('date_label', (v: unknown) => (typeof v === 'string' ? text.date(v) : ''));
  liquid.registerFilter('datetime_label', (v: unknown) => (typeof v === 'string' ? text.dateTime(v) : ''));
  liquid.registerFilter('month_label', (v: unknown, long: unknown) => (typeof v === 'string' ? text.month(v, long === true || long === 'long') : ''));
  liquid.registerFilter('duration', (v: unknown) => text.duration(typeof v === 'number' ? v : null));
  liquid.registerFilter('percent', (v: unknown) => (typeof v === 'number' ? text.percent(v) : '—'));
  // List pages repeat the same tab counts on every page: each number is worded once (-0, which Intl words "-0", apart).
  const counts = new Map<number, string>();
  liquid.registerFilter('count', (v: unknown) => {
    const n = typeof v === 'number' ? v : 0;
    if (Object.is(n, -0)) return text.count(n);
    let out = counts.get(n);
    if (out === undefined) {
      if (counts.size >= 10_000) counts.clear();
      counts.set(n, (out = text.count(n)));
    }
    return out;
  });
  // Kept for workspaces' own templates written before the locale files (the bundled themes use `t` and ICU plurals).
  // `n | plural: one, other[, few, many, two, zero]`: the form the site language's plural rules choose.
  liquid.registerFilter('plural', (n: unknown, one: unknown, other: unknown, few?: unknown, many?: unknown, two?: unknown, zero?: unknown) => {
    const forms: PluralForms = { one: String(one), other: String(other) };
    for (const [k, v] of [['few', few], ['many', many], ['two', two], ['zero', zero]] as const) if (v !== undefined) forms[k] = String(v);
    return `${text.count(Number(n))} ${text.pluralForm(Number(n), forms)}`;
  });
}

export function createEngine(roots: readonly string[], text: SiteText = new SiteText('en', siteMessages('en'))): SiteEngine {
  // Every template is read once, here, after overrides are resolved: rendering a page then never touches the disk
  // (looking templates up on disk for each page's layout and partials cost more than rendering them).
  const templates: Record<string, string> = {};
  for (const [rel, file] of themeFiles(roots)) if (rel.endsWith('.liquid')) templates[rel] = tidyWhitespace(readFileSync(file, 'utf8'));
  const options = {
    templates,
    extname: '.liquid',
    outputEscape: escapeOutput,
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    jsTruthy: false,
    timezoneOffset: 0,
    locale: text.lang === 'en' ? 'en-GB' : text.lang,
    dynamicPartials: true,
    greedy: false,
  };
  const cache = new CompilingCache(options);
  const liquid = new Liquid({ ...options, cache });
  // liquidjs makes a new Parser (a file loader and bound file-system functions) each time a page looks up its layout
  // or a partial, on every page: one parser, made here, finds them all in the same cache.
  const parser = new Parser(liquid);
  liquid._parseLayoutFile = (file, sync, currentFile) => parser.parseFile(file, sync, LookupType.Layouts, currentFile);
  liquid._parsePartialFile = (file, sync, currentFile) => parser.parseFile(file, sync, LookupType.Partials, currentFile);
  // `t` without arguments words a key the same way for the whole build: its outputs are made once (CONSTANT_FILTERS).
  cache.attach(liquid, CONSTANT_FILTERS);
  liquid.registerTag('chrome', ChromeTag);
  // `raw` is the one way past output escaping; here it lets through only HTML Candor made itself.
  liquid.registerFilter('trusted', { handler: trustedOrEscaped, raw: true });
  liquid.registerFilter('raw', { handler: trustedOrEscaped, raw: true });
  registerTextFilters(liquid, text);

  // keepOutputType would make liquidjs's loop keep values, not text.
  const plainText = cache.compile && !liquid.options.keepOutputType;
  const parsed = new Map<string, Template[]>();
  return {
    roots,
    render(template, scope) {
      let tpl = parsed.get(template);
      if (!tpl) {
        try {
          tpl = liquid.parseFileSync(template);
        } catch (err) {
          throw new CandorError('TEMPLATE_ERROR', `Template ${template}.liquid could not be read: ${(err as Error).message}`, { file: `${template}.liquid` });
        }
        parsed.set(template, tpl);
      }
      try {
        const ctx = new ScopedContext(scope, liquid);
        return tidyWhitespace(plainText ? renderText(tpl, ctx) : (liquid.renderSync(tpl, ctx) as string));
      } catch (err) {
        throw new CandorError('TEMPLATE_ERROR', `Template ${template}.liquid failed: ${(err as Error).message}`, { file: `${template}.liquid` });
      }
    },
  };
}
