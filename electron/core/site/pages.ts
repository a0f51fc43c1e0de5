import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { CandorError } from '../errors.ts';
import type { ThreadKind } from '../../shared/model/thread.ts';
import { SiteText, siteMessages } from './i18n.ts';
import type { Messages, SiteLanguage } from './i18n.ts';
import { escapeHtml } from './trusted.ts';

// The site's address space and the values every page shares. Links are relative (with explicit index.html), so a
// site works from any folder, any sub-path of a host, and straight from the disk.

export const PATHS = {
  home: 'index.html',
  conversations: 'conversations/index.html',
  topics: 'topics/index.html',
  moderation: 'moderation.html',
  changes: 'changes.html',
  reviewsPolicy: 'reviews-policy.html',
  claims: 'claims/index.html',
  methodology: 'methodology.html',
  search: 'search.html',
  data: 'data/index.html',
  notFound: '404.html',
  feed: 'feed.xml',
} as const;

const KIND_SLUGS: Record<ThreadKind, string> = { complaint: 'complaints', praise: 'praise', question: 'questions', suggestion: 'suggestions', other: 'other' };

export const PAGE_SIZE = 50;

/** Claim ids are letters, digits, ".", "_" and "-"; a case-insensitive file system must not merge two of them. */
export function claimPath(id: string): string {
  const safe = id.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
  return safe === id && safe !== 'index' ? `claims/${safe}.html` : `claims/${safe}-${createHash('sha256').update(id).digest('hex').slice(0, 6)}.html`;
}

/**
 * Thread pages are spread over 256 folders by a hash of their id: no folder grows to 100,000 entries, and render
 * workers rarely write into the same folder at once (creating files in one folder is serialised by the disk).
 */
export function threadUrl(id: string): string {
  // FNV-1a: stable everywhere, and cheap enough to compute for 100,000 ids on every build.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return `threads/${((h >>> 0) & 0xff).toString(16).padStart(2, '0')}/${id}.html`;
}

const SAFE_EVIDENCE_EXT = new Set(['.pdf', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.txt', '.csv', '.json', '.xlsx', '.xls', '.ods', '.docx', '.doc', '.odt', '.zip']);

/** Evidence files are published under their hash with a harmless extension: an uploaded .html or .svg never runs. */
export function publishedEvidencePath(sha: string, name: string): string {
  const ext = extname(name).toLowerCase();
  return `evidence/${sha}${SAFE_EVIDENCE_EXT.has(ext) ? ext : '.bin'}`;
}

/** The site's published address as `https://host/path/`, or null for none. */
export function normalizeBaseUrl(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new CandorError('USAGE', `--base-url "${raw}" is not a web address (expected e.g. https://transparency.example.com/).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CandorError('USAGE', `--base-url must start with https:// or http:// (got "${raw}").`);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** "../" for each folder the page is in. */
export function rootFor(path: string): string {
  let depth = 0;
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) depth++;
  return depth === 0 ? '' : '../'.repeat(depth);
}

/** The list's first page is index.html, the next ones 2.html, 3.html... in the same folder. */
export function listPagePath(folder: string, page: number): string {
  return page <= 1 ? `${folder}index.html` : `${folder}${page}.html`;
}

export function kindFolder(kind: ThreadKind): string {
  return `conversations/${KIND_SLUGS[kind]}/`;
}

// Pages without search run no script at all; the search page may load the site's own scripts and Pagefind's
// WebAssembly. Nothing may come from elsewhere, and nothing may be inline.
const CSP_BASE = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; frame-src 'none'; manifest-src 'self'";
export const CSP = `${CSP_BASE}; script-src 'none'`;
export const CSP_SEARCH = `${CSP_BASE}; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; worker-src 'self'`;

type NavItem = { label: string; path: string; section: string };

export type SiteGlobals = {
  name: string;
  url: string | null;
  baseUrl: string | null;
  /** The site's language: <html lang>, the locale file, Intl's formats. */
  lang: SiteLanguage;
  /** The site's texts by key (the language's locale file with the workspace's own replacements). */
  messages: Messages;
  theme: string;
  generator: string;
  csp: string;
  cspSearch: string;
  hasClaims: boolean;
  hasSearch: boolean;
  signed: boolean;
  keyFingerprint: string | null;
  nav: NavItem[];
  /** The organisation's colours (assets/brand.css, versioned), linked after the theme's stylesheet; null: none chosen. */
  brandCss: string | null;
  /** The organisation's logo (assets/logo.*, versioned), shown in the header with its name as alt text; null: none. */
  logo: string | null;
};

export function siteGlobals(opts: { name: string; url: string | null; baseUrl: string | null; theme: string; generator: string; hasClaims: boolean; hasSearch: boolean; keyFingerprint: string | null; brandCss?: string | null; logo?: string | null; lang?: SiteLanguage; messages?: Messages }): SiteGlobals {
  const lang = opts.lang ?? 'en';
  const messages = opts.messages ?? siteMessages(lang);
  const text = new SiteText(lang, messages);
  const item = (section: string, path: string) => ({ label: text.text(`nav.${section}`), path, section });
  const nav: NavItem[] = [item('home', PATHS.home), item('conversations', PATHS.conversations), item('topics', PATHS.topics)];
  if (opts.hasClaims) nav.push(item('claims', PATHS.claims));
  nav.push(item('moderation', PATHS.moderation), item('changes', PATHS.changes), item('methodology', PATHS.methodology), item('data', PATHS.data));
  if (opts.hasSearch) nav.push(item('search', PATHS.search));
  return {
    name: opts.name,
    url: opts.url,
    baseUrl: opts.baseUrl,
    lang,
    messages,
    theme: opts.theme,
    generator: opts.generator,
    csp: CSP,
    cspSearch: CSP_SEARCH,
    hasClaims: opts.hasClaims,
    hasSearch: opts.hasSearch,
    signed: opts.keyFingerprint !== null,
    keyFingerprint: opts.keyFingerprint,
    nav,
    brandCss: opts.brandCss ?? null,
    logo: opts.logo ?? null,
  };
}

/** What every page template receives as `page`. */
export type PageMeta = {
  path: string;
  root: string;
  title: string;
  /** The <title>: the page's title and the organisation's name, at most 70 characters even once escaped. */
  fullTitle: string;
  description: string;
  section: string;
  canonical: string | null;
  scripts: string[];
  jsonLd: unknown;
};

const TITLE_MAX = 70;

/** Search engines and validators count the title as written in the HTML, entities included. */
function fitTitle(title: string): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  if (escapeHtml(flat).length <= TITLE_MAX) return flat;
  let cut = flat.slice(0, TITLE_MAX);
  while (cut.length > 0 && escapeHtml(`${cut}…`).length > TITLE_MAX) cut = cut.slice(0, -1);
  const code = cut.charCodeAt(cut.length - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

export function pageMeta(globals: SiteGlobals, path: string, section: string, title: string, description: string, extra: Partial<Pick<PageMeta, 'scripts' | 'jsonLd'>> = {}): PageMeta {
  return {
    path,
    root: rootFor(path),
    title,
    fullTitle: fitTitle(section === 'home' ? title : `${title} · ${globals.name}`),
    description,
    section,
    canonical: globals.baseUrl ? `${globals.baseUrl}${path}` : null,
    scripts: extra.scripts ?? [],
    jsonLd: extra.jsonLd ?? null,
  };
}
