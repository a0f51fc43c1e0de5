import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { z } from 'zod';
import { CandorError } from '../errors.ts';
import { formatDuration } from '../../shared/curation/stats.ts';
import { nearestKey } from './nearest-key.ts';
import { THEMES_DIR } from './themes.ts';
import { escapeHtml, TrustedHtml } from './trusted.ts';

// The site's own words in the language the workspace chose. Every text of the themes is an ICU message in
// static-templates/locales/<lang>.json (plurals through Intl.PluralRules, numbers and dates through Intl, both done
// by intl-messageformat); a workspace may replace any of them. Customer and staff text never passes through here.

export const SITE_LANGUAGES = ['en', 'de', 'fr', 'nl', 'es', 'it'] as const;
export const SiteLanguage = z.enum(SITE_LANGUAGES);
export type SiteLanguage = z.infer<typeof SiteLanguage>;

export const LOCALES_DIR = join(THEMES_DIR, 'locales');

export type Messages = Readonly<Record<string, string>>;

const LocaleFile = z.record(z.string().regex(/^[a-z0-9][a-zA-Z0-9_.-]*$/), z.string());
const files = new Map<SiteLanguage, Messages>();

/** A shipped locale file, as written (read once per process). */
export function readLocale(lang: SiteLanguage): Messages {
  let m = files.get(lang);
  if (!m) {
    const file = join(LOCALES_DIR, `${lang}.json`);
    const parsed = LocaleFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new CandorError('LOCALE_INVALID', `The locale file ${lang}.json is not a list of texts: ${parsed.error.issues[0]!.message}`, { file });
    m = parsed.data;
    files.set(lang, m);
  }
  return m;
}

type Ast = ReturnType<IntlMessageFormat['getAst']>;

/** The argument and tag names a message uses, which a replacement may not go beyond (the page would lack them). */
export function messageNames(ast: Ast, out = new Set<string>()): Set<string> {
  for (const el of ast) {
    if ('value' in el && typeof el.value === 'string' && el.type !== 0) out.add(el.value);
    if ('options' in el) for (const opt of Object.values(el.options as Record<string, { value: Ast }>)) messageNames(opt.value, out);
    if ('children' in el) messageNames(el.children as Ast, out);
  }
  return out;
}

/** A word, or a placeholder worded as given (or as a number, `{n, number}`). */
type JoinedPart = string | { arg: string; number: boolean };
function compile(message: string, lang: string): IntlMessageFormat {
  return new IntlMessageFormat(message, intlLocale(lang), undefined, { ignoreTag: false });
}

/** English dates read "3 March 2026", as British and EU English write them. */
export function intlLocale(lang: string): string {
  return lang === 'en' ? 'en-GB' : lang;
}

/** A workspace's replacements for the site's texts: key -> message. Unknown keys and broken messages are refused. */
export const StringOverrides = z.record(z.string(), z.string().max(5000));
export type StringOverrides = z.infer<typeof StringOverrides>;

/** `at`: where the set is in the settings, for the error's field (strings, or strings.de for a language's own). */
export function checkOverrides(raw: unknown, lang: SiteLanguage, at = 'strings'): StringOverrides {
  const parsed = StringOverrides.safeParse(raw);
  if (!parsed.success) throw new CandorError('INVALID_SETTING', `Site texts must be an object of key: text, for example {"home.eyebrow": "Our record"}: ${parsed.error.issues[0]!.message}.`, { field: at });
  const en = readLocale('en');
  for (const [key, text] of Object.entries(parsed.data)) {
    const field = `${at}.${key}`;
    if (!(key in en)) {
      const near = nearestKey(key, Object.keys(en));
      throw new CandorError('UNKNOWN_SITE_TEXT', `There is no site text "${key}".${near ? ` Did you mean "${near}"?` : ''} The texts are listed in static-templates/locales/en.json.`, { field });
    }
    let ast: Ast;
    try {
      ast = compile(text, lang).getAst();
    } catch (err) {
      throw new CandorError('INVALID_SETTING', `Site text "${key}" is not a valid message: ${(err as Error).message}. Placeholders are written {name}; a literal brace is written '{'.`, { field });
    }
    const allowed = messageNames(compile(en[key]!, 'en').getAst());
    const extra = [...messageNames(ast)].filter((n) => !allowed.has(n));
    if (extra.length) throw new CandorError('INVALID_SETTING', `Site text "${key}" uses ${extra.map((n) => `{${n}}`).join(', ')}, which this text does not have. It may use: ${[...allowed].map((n) => `{${n}}`).join(', ') || 'no placeholders'}.`, { field });
  }
  return parsed.data;
}

/** The texts a site is built with: the language's file over English (a key missing there falls back), then the workspace's own. */
export function siteMessages(lang: SiteLanguage, overrides: StringOverrides = {}): Messages {
  return { ...readLocale('en'), ...readLocale(lang), ...overrides };
}

// Node 24 has Intl.DurationFormat; TypeScript's bundled lib does not describe it yet.
const DurationFormat = (Intl as unknown as { DurationFormat: new (locale: string, options: { style: 'short' }) => { format: (d: Record<string, number>) => string } }).DurationFormat;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const INLINE_TAGS = new Set(['code', 'strong', 'em']);
type Part = string | { html: string };
/** A word's forms by plural category, for the `plural` filter of workspaces' own templates. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export type TextParams = Record<string, unknown>;

function partsHtml(parts: unknown): string {
  const list = Array.isArray(parts) ? parts : [parts];
  return list.map((p) => (typeof p === 'object' && p !== null && 'html' in p ? String((p as { html: string }).html) : escapeHtml(String(p ?? '')))).join('');
}

/** How many worded texts a SiteText remembers (memoKey) before it starts again. */
const MEMO_SIZE = 20_000;
const DAY_MS = 86_400_000;

/** Words, numbers and dates for one site language: messages by key, formatted as text or as escaped HTML. */
export class SiteText {
  readonly lang: SiteLanguage;
  private readonly messages: Messages;
  private readonly compiled = new Map<string, IntlMessageFormat>();
  private readonly dateFmt: Intl.DateTimeFormat;
  private readonly timeFmt: Intl.DateTimeFormat;
  private readonly monthFmt: Intl.DateTimeFormat;
  private readonly shortMonthFmt: Intl.DateTimeFormat;
  readonly numberFmt: Intl.NumberFormat;
  private pluralRules: Intl.PluralRules | undefined;
  /** Per site language, made once: a build words the same few hundred keys for every conversation and message. */
  private readonly tags = new Map<string, string[]>();
  private readonly memo = new Map<string, string | TrustedHtml>();
  private readonly formats = new Map<string, { format: (value: never) => string }>();
  private readonly joins = new Map<string, JoinedPart[] | null>();

  constructor(lang: SiteLanguage, messages: Messages) {
    this.lang = lang;
    this.messages = messages;
    const loc = intlLocale(lang);
    this.dateFmt = new Intl.DateTimeFormat(loc, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    this.timeFmt = new Intl.DateTimeFormat(loc, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
    this.monthFmt = new Intl.DateTimeFormat(loc, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    this.shortMonthFmt = new Intl.DateTimeFormat(loc, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    this.numberFmt = new Intl.NumberFormat(loc);
  }

  has(key: string): boolean {
    return key in this.messages;
  }

  private message(key: string): IntlMessageFormat {
    let mf = this.compiled.get(key);
    if (!mf) {
      const message = this.messages[key];
      if (message === undefined) throw new CandorError('UNKNOWN_SITE_TEXT', `A template asks for the site text "${key}", which no locale has.`, { field: key });
      mf = compile(message, this.lang);
      this.compiled.set(key, mf);
    }
    return mf;
  }

  private format(key: string, values: Record<string, unknown>): unknown {
    return this.message(key).format(values as Record<string, never>);
  }

  /** Plain text (for titles, attributes, search metadata): tags keep only their words. */
  text(key: string, params: TextParams = {}): string {
    // Joined, not remembered: an author, a thread's id, a date and time would fill the memo with texts used once.
    const direct = this.direct(key, params);
    if (direct !== null) return direct;
    const memoKey = this.memoKey('text', key, params);
    const known = memoKey === null ? undefined : this.memo.get(memoKey);
    if (typeof known === 'string') return known;
    const out = this.formatText(key, params);
    if (memoKey !== null) this.remember(memoKey, out);
    return out;
  }

  private formatText(key: string, params: TextParams): string {
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(params)) values[k] = typeof v === 'string' && ISO_DATE.test(v) ? this.date(v) : v instanceof TrustedHtml ? v.html : v;
    const joined = this.joined(key, values);
    if (joined !== null) return joined;
    for (const tag of this.tagsOf(key)) values[tag] ??= (chunks: unknown[]) => chunks.join('');
    const out = this.format(key, values);
    return Array.isArray(out) ? out.join('') : String(out);
  }

  /** `joined` when every parameter is a number or a string that is not a date (which both forms take as it is). */
  private direct(key: string, params: TextParams): string | null {
    if (this.joinedParts(key) === null) return null;
    for (const name in params) {
      const v = params[name];
      if (typeof v === 'string' ? ISO_DATE.test(v) : typeof v !== 'number') return null;
    }
    return this.joined(key, params);
  }

  /**
   * Where a text is remembered: its key and parameters, when they are numbers and short strings (counts, ratings,
   * labels, links), which word the same way every time. Null: worded afresh (excerpts, HTML).
   */
  private memoKey(form: 'text' | 'html', key: string, params: TextParams): string | null {
    let k = `${form}\u0000${key}`;
    for (const name in params) {
      const v = params[name];
      if (typeof v === 'number' && !Object.is(v, -0)) k += `\u0000${name}\u0001n${v}`;
      else if (typeof v === 'string' && v.length <= 64) k += `\u0000${name}\u0001s${v}`;
      else return null;
    }
    return k;
  }

  private remember(memoKey: string, value: string | TrustedHtml): void {
    // Bounded: a site's labels and counts number in the hundreds; anything beyond is forgotten wholesale.
    if (this.memo.size >= MEMO_SIZE) this.memo.clear();
    this.memo.set(memoKey, value);
  }

  /** Escaped HTML: a date becomes <time>, a tag named like a string parameter a link to it, TrustedHtml stays as is. */
  html(key: string, params: TextParams = {}): TrustedHtml {
    const direct = this.direct(key, params);
    if (direct !== null) return new TrustedHtml(escapeHtml(direct));
    const memoKey = this.memoKey('html', key, params);
    const known = memoKey === null ? undefined : this.memo.get(memoKey);
    if (known instanceof TrustedHtml) return known;
    const out = this.formatHtml(key, params);
    if (memoKey !== null) this.remember(memoKey, out);
    return out;
  }

  private formatHtml(key: string, params: TextParams): TrustedHtml {
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(params)) {
      if (typeof v === 'string' && ISO_DATE.test(v)) values[k] = { html: `<time datetime="${escapeHtml(v)}">${escapeHtml(this.date(v))}</time>` };
      else if (v instanceof TrustedHtml) values[k] = { html: v.html };
      else values[k] = v;
    }
    const joined = this.joined(key, values);
    if (joined !== null) return new TrustedHtml(escapeHtml(joined));
    // Links are written relative to the page's root when the template gives one (`root: page.root`).
    const root = typeof params.root === 'string' ? params.root : '';
    for (const tag of this.tagsOf(key)) {
      const given = params[tag];
      const href = typeof given === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(given) ? `${root}${given}` : given;
      if (INLINE_TAGS.has(tag)) values[tag] = (chunks: unknown[]) => ({ html: `<${tag}>${partsHtml(chunks)}</${tag}>` });
      else if (typeof href === 'string') values[tag] = (chunks: unknown[]) => ({ html: `<a href="${escapeHtml(href)}">${partsHtml(chunks)}</a>` });
      else values[tag] = (chunks: unknown[]) => ({ html: partsHtml(chunks) });
    }
    return new TrustedHtml(partsHtml(this.format(key, values) as Part | Part[]));
  }

  private tagsOf(key: string): string[] {
    const cached = this.tags.get(key);
    if (cached) return cached;
    const ast = this.message(key).getAst();
    const tags: string[] = [];
    const walk = (els: Ast) => {
      for (const el of els) {
        if (el.type === 8) tags.push(el.value);
        if ('children' in el) walk(el.children as Ast);
        if ('options' in el) for (const o of Object.values(el.options as Record<string, { value: Ast }>)) walk(o.value);
      }
    };
    walk(ast);
    this.tags.set(key, tags);
    return tags;
  }

  /** Words, {placeholders} and {n, number}, given strings and numbers: what intl-messageformat makes of it, or null. */
  private joined(key: string, values: Record<string, unknown>): string | null {
    const parts = this.joinedParts(key);
    if (parts === null) return null;
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') out += part;
      else {
        const v = values[part.arg];
        if (part.number ? typeof v !== 'number' : typeof v !== 'string' && typeof v !== 'number') return null;
        out += part.number ? this.numberFmt.format(v as number) : String(v);
      }
    }
    return out;
  }

  /** A message's words, plain placeholders and plain numbers, or null when it has anything else (plurals, tags). */
  private joinedParts(key: string): JoinedPart[] | null {
    let parts = this.joins.get(key);
    if (parts === undefined) {
      const ast = this.message(key).getAst();
      const plain = ast.every((el) => el.type === 0 || el.type === 1 || (el.type === 2 && el.style === null));
      parts = plain ? ast.map((el) => (el.type === 0 ? el.value : { arg: (el as { value: string }).value, number: el.type === 2 })) : null;
      this.joins.set(key, parts);
    }
    return parts;
  }

  /** An Intl formatter for these options, made once per SiteText. */
  private formatter<T extends { format: (value: never) => string }>(name: string, make: () => T): T {
    let f = this.formats.get(name);
    if (!f) this.formats.set(name, (f = make()));
    return f as T;
  }

  // Intl formats a date slower than a page renders around it: each UTC day's date and each minute's time is formatted once.
  private readonly days = new Map<number, string>();
  private readonly minutes = new Map<number, string>();
  private once(cache: Map<number, string>, key: number, t: number, fmt: Intl.DateTimeFormat): string {
    let s = cache.get(key);
    if (s === undefined) {
      if (cache.size >= MEMO_SIZE) cache.clear();
      cache.set(key, (s = fmt.format(t)));
    }
    return s;
  }

  date(iso: string): string {
    const t = Date.parse(iso);
    return Number.isFinite(t) ? this.once(this.days, Math.floor(t / DAY_MS), t, this.dateFmt) : '';
  }

  dateTime(iso: string): string {
    const t = Date.parse(iso);
    if (!Number.isFinite(t)) return '';
    const day = Math.floor(t / DAY_MS);
    const time = this.once(this.minutes, Math.floor((t - day * DAY_MS) / 60_000), t, this.timeFmt);
    return this.text('format.datetime', { date: this.once(this.days, day, t, this.dateFmt), time });
  }

  /** "2026-03" -> "March 2026" (long) or "Mar 2026". */
  month(month: string, long = false): string {
    const m = /^(\d{4})-(\d{2})$/.exec(month);
    if (!m) return month;
    const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, 15);
    return (long ? this.monthFmt : this.shortMonthFmt).format(at);
  }

  /**
   * A time span in its two largest units. English keeps Candor's established short form ("2 h 5 min"); the other
   * languages use Intl.DurationFormat's own short units ("2 Std., 5 Min.").
   */
  duration(totalSeconds: number | null): string {
    if (totalSeconds === null || !Number.isFinite(totalSeconds)) return '—';
    if (this.lang === 'en') return formatDuration(totalSeconds);
    const s = Math.round(totalSeconds);
    const m = Math.round(s / 60);
    const h = Math.floor(m / 60);
    let parts: Record<string, number>;
    if (s < 60) parts = { seconds: s };
    else if (m < 60) parts = { minutes: m };
    else if (h < 48) parts = m % 60 ? { hours: h, minutes: m % 60 } : { hours: h };
    else parts = h % 24 ? { days: Math.floor(h / 24), hours: h % 24 } : { days: Math.floor(h / 24) };
    return this.formatter('duration', () => new DurationFormat(intlLocale(this.lang), { style: 'short' })).format(parts);
  }

  /** The form of a word for `n` under the language's plural rules (Intl.PluralRules, as ICU plurals choose). */
  pluralForm(n: number, forms: PluralForms): string {
    this.pluralRules ??= new Intl.PluralRules(intlLocale(this.lang));
    return forms[this.pluralRules.select(n)] ?? forms.other;
  }

  count(n: number): string {
    return Number.isFinite(n) ? this.numberFmt.format(n) : '0';
  }

  /** A measured value with its unit: "13.1 g", "62%" in English, "62 %" in German (a percent sign spaced as the language spaces it). */
  withUnit(n: number, unit: string | null): string {
    const value = Number(n.toFixed(2));
    if (unit === '%') return this.formatter('unit-percent', () => new Intl.NumberFormat(intlLocale(this.lang), { style: 'unit', unit: 'percent', maximumFractionDigits: 2 })).format(value);
    return unit ? `${this.count(value)} ${unit}` : this.count(value);
  }

  /** 0.8123 -> "81 %"; small non-zero shares keep one decimal so they do not read as zero. */
  percent(ratio: number): string {
    const pct = ratio * 100;
    const digits = pct > 0 && pct < 1 ? 1 : 0;
    return this.formatter(`percent-${digits}`, () => new Intl.NumberFormat(intlLocale(this.lang), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits })).format(digits ? ratio : Math.round(pct) / 100);
  }
}

let english: SiteText | null = null;
/** The shipped English texts, for callers that word something outside a build (and as every default). */
export function englishText(): SiteText {
  english ??= new SiteText('en', siteMessages('en'));
  return english;
}

/** The SiteText of a site's globals (its language and texts). */
export function textOf(globals: { lang: SiteLanguage; messages: Messages }): SiteText {
  return globals.lang === 'en' && globals.messages === english?.['messages'] ? english : new SiteText(globals.lang, globals.messages);
}

/** A source system's name: products keep theirs; the generic ones (e-mail, spreadsheet, web form) are translated. */
export function sourceText(text: SiteText, source: string, fallback: string): string {
  const key = `source.${source.toLowerCase().replace(/^(mbox|eml)$/, 'email').replace(/^google-reviews$/, 'google').replace(/^web-form$/, 'web')}`;
  return text.has(key) ? text.text(key) : fallback;
}

/** A star rating in words ("4 stars", "No rating"), as the search page's filter and the moderation report show it. */
export function ratingLabel(text: SiteText, rating: number | null): string {
  return rating === null ? text.text('rating.none') : text.text('rating.stars', { n: rating });
}
