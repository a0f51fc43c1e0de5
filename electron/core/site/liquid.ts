import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid, Tag } from 'liquidjs';
import type { Context, Emitter, TagToken, Template, TopLevelToken } from 'liquidjs';
import { z } from 'zod';
import { CandorError } from '../errors.ts';
import { formatDuration } from '../curation/stats.ts';
import { escapeHtml, TrustedHtml } from './trusted.ts';
import { dateLabel, dateTimeLabel, formatCount, formatPercent } from './format.ts';
import { useFastPaths } from './liquid-fast.ts';

// The one place that owns the Liquid engine's settings. Every page, in the main thread and in the render workers,
// is rendered by an engine made here, so escaping, strictness and the filter set cannot drift apart.

/** Where the bundled themes live (static-templates/ at the root of the project or the packaged app). */
export const THEMES_DIR = fileURLToPath(new URL('../../../static-templates/', import.meta.url));
/** A workspace may override any theme file by putting a file with the same path here. */
export const WORKSPACE_TEMPLATES_DIR = 'templates';
const THEME_NAME = /^[a-z0-9][a-z0-9-]{0,40}$/;
/** Files shared by all themes, looked up after the theme's own (it has no theme.json, so it is not a theme). */
const SHARED_THEME_DIR = 'shared';

export const ThemeInfo = z.object({ name: z.string(), label: z.string(), description: z.string() });
export type ThemeInfo = z.infer<typeof ThemeInfo>;

export function listThemes(): ThemeInfo[] {
  if (!existsSync(THEMES_DIR)) return [];
  return readdirSync(THEMES_DIR)
    .filter((name) => THEME_NAME.test(name) && existsSync(join(THEMES_DIR, name, 'theme.json')))
    .sort()
    .map((name) => {
      const raw = JSON.parse(readFileSync(join(THEMES_DIR, name, 'theme.json'), 'utf8')) as unknown;
      const parsed = ThemeInfo.omit({ name: true }).safeParse(raw);
      return parsed.success ? { name, ...parsed.data } : { name, label: name, description: '' };
    });
}

/** The folders templates are looked up in, first match wins: the workspace's overrides, the theme, the shared files. */
export function templateRoots(theme: string, workspaceDir: string | null): string[] {
  if (!THEME_NAME.test(theme) || !existsSync(join(THEMES_DIR, theme, 'theme.json'))) {
    const known = listThemes().map((t) => t.name).join(', ');
    throw new CandorError('UNKNOWN_THEME', `There is no theme "${theme}". Candor has: ${known}.`);
  }
  const roots: string[] = [];
  if (workspaceDir) {
    const own = join(resolve(workspaceDir), WORKSPACE_TEMPLATES_DIR);
    if (existsSync(own) && statSync(own).isDirectory()) roots.push(own);
  }
  roots.push(join(THEMES_DIR, theme));
  // What every theme uses the same (the search page's script): one copy, which a theme or workspace may override.
  const shared = join(THEMES_DIR, SHARED_THEME_DIR);
  if (existsSync(shared)) roots.push(shared);
  return roots;
}

function walk(dir: string, base = dir, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else if (entry.isFile()) out.push(relative(base, full).split(sep).join('/'));
  }
  return out;
}

/** Every file the theme provides after overrides: relative path -> absolute file. */
export function themeFiles(roots: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const root of [...roots].reverse()) for (const rel of walk(root)) files.set(rel, join(root, rel));
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Changes whenever any template, asset or override changes: part of every page's input hash. */
export function themeFingerprint(roots: readonly string[]): string {
  const h = createHash('sha256');
  for (const [rel, file] of themeFiles(roots)) {
    h.update(rel);
    h.update('\u0000');
    h.update(readFileSync(file));
    h.update('\u0000');
  }
  return h.digest('hex');
}

const UNTIDY = /[ \t]\n|\n\n\n/;

/**
 * Template indentation leaves trailing spaces and runs of blank lines; they are removed outside <pre>, where
 * whitespace is content. Applied to the templates once, when they are read, and to each page (where it usually
 * finds nothing left to do: the bundled themes' pages come out tidy).
 */
export function tidyWhitespace(html: string): string {
  // Most pages need nothing done: looking for the three patterns is much cheaper than replacing with regexes.
  const last = html.charCodeAt(html.length - 1);
  if (!UNTIDY.test(html) && last !== 32 && last !== 9) return html;
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
    const site = ctx.getSync(['site']);
    const root = ctx.getSync(['page', 'root']);
    const section = ctx.getSync(['page', 'section']);
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

export function createEngine(roots: readonly string[]): SiteEngine {
  // Every template is read once, here, after overrides are resolved: rendering a page then never touches the disk
  // (looking templates up on disk for each page's layout and partials cost more than rendering them).
  const templates: Record<string, string> = {};
  for (const [rel, file] of themeFiles(roots)) if (rel.endsWith('.liquid')) templates[rel] = tidyWhitespace(readFileSync(file, 'utf8'));
  const liquid = new Liquid({
    templates,
    extname: '.liquid',
    cache: true,
    outputEscape: 'escape',
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    jsTruthy: false,
    timezoneOffset: 0,
    locale: 'en-GB',
    dynamicPartials: true,
    greedy: false,
  });
  useFastPaths(liquid);
  liquid.registerTag('chrome', ChromeTag);
  // `raw` is the one way past output escaping; here it lets through only HTML Candor made itself.
  liquid.registerFilter('trusted', { handler: trustedOrEscaped, raw: true });
  liquid.registerFilter('raw', { handler: trustedOrEscaped, raw: true });
  liquid.registerFilter('date_label', (v: unknown) => (typeof v === 'string' ? dateLabel(v) : ''));
  liquid.registerFilter('datetime_label', (v: unknown) => (typeof v === 'string' ? dateTimeLabel(v) : ''));
  liquid.registerFilter('duration', (v: unknown) => formatDuration(typeof v === 'number' ? v : null));
  liquid.registerFilter('percent', (v: unknown) => (typeof v === 'number' ? formatPercent(v) : '—'));
  liquid.registerFilter('count', (v: unknown) => (typeof v === 'number' ? formatCount(v) : '0'));
  liquid.registerFilter('plural', (n: unknown, one: unknown, many: unknown) => `${formatCount(Number(n))} ${Number(n) === 1 ? String(one) : String(many)}`);

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
        return tidyWhitespace(liquid.renderSync(tpl, scope) as string);
      } catch (err) {
        throw new CandorError('TEMPLATE_ERROR', `Template ${template}.liquid failed: ${(err as Error).message}`, { file: `${template}.liquid` });
      }
    },
  };
}
