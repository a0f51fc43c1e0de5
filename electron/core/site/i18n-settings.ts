import type { DatabaseSync } from 'node:sqlite';
import { CandorError } from '../errors.ts';
import { checkOverrides, SITE_LANGUAGES, SiteLanguage } from './i18n.ts';
import type { StringOverrides } from './i18n.ts';

// The site's language and the workspace's own wording, as saved in site settings (the meta table). Both are read
// by the build (an explicit --lang still wins) and checked again there: a saved replacement that a newer Candor no
// longer has a text for is named, never silently dropped. The wording is kept per language ({"de": {...}, "fr":
// {...}}), so a site built in French (--lang fr) gets the French wording; a set saved by an older Candor without a
// language is the wording of the site's language.

const KEYS = { language: 'site.language', strings: 'site.strings' } as const;

export function languageKey(name: keyof typeof KEYS): string {
  return KEYS[name];
}

export type StringsByLanguage = Partial<Record<SiteLanguage, StringOverrides>>;

export type SavedLanguage = {
  language: SiteLanguage;
  /** The wording of the site's language. */
  strings: StringOverrides;
  byLanguage: StringsByLanguage;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * True when a set of wording is keyed by language ({"de": {...}}) rather than by text ({"home.lede": "..."}): no
 * text key is a language code, so the two cannot be confused. A mix of both is refused.
 */
export function isByLanguage(raw: unknown): boolean {
  if (!isObject(raw)) return false;
  const keys = Object.keys(raw);
  const langs = keys.filter((k) => (SITE_LANGUAGES as readonly string[]).includes(k));
  if (langs.length === 0) return false;
  if (langs.length < keys.length) {
    throw new CandorError('INVALID_SETTING', `Site texts are either one set of key: text for the site's language, or sets by language such as {"de": {"home.eyebrow": "Unser Bericht"}}, not both: ${keys.filter((k) => !langs.includes(k)).map((k) => `"${k}"`).join(', ')} is not a language (${SITE_LANGUAGES.join(', ')}).`, { field: 'strings' });
  }
  return true;
}

/** Each language's set checked against that language's texts; an empty set is left out. */
export function checkByLanguage(raw: Record<string, unknown>): StringsByLanguage {
  const out: StringsByLanguage = {};
  for (const lang of SITE_LANGUAGES) {
    const set = raw[lang];
    if (set === undefined || set === null) continue;
    const checked = checkOverrides(set, lang, `strings.${lang}`);
    if (Object.keys(checked).length > 0) out[lang] = checked;
  }
  return out;
}

function readStrings(raw: string | null, language: SiteLanguage): StringsByLanguage {
  if (raw === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new CandorError('INVALID_SETTING', 'The saved site texts are not valid JSON. Replace them with candor site-settings --strings <file>.', { field: 'strings' });
  }
  if (isByLanguage(parsed)) return checkByLanguage(parsed as Record<string, unknown>);
  const flat = checkOverrides(parsed, language);
  return Object.keys(flat).length ? { [language]: flat } : {};
}

export function readSiteLanguage(db: DatabaseSync): SavedLanguage {
  const get = (key: string) => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  const rawLang = get(KEYS.language);
  const lang = rawLang === null ? 'en' : SiteLanguage.safeParse(rawLang);
  if (typeof lang !== 'string' && !lang.success) throw new CandorError('INVALID_SETTING', `The saved site language "${rawLang}" is not one Candor has (${SiteLanguage.options.join(', ')}). Choose one with candor site-settings --lang.`, { field: 'language' });
  const language = typeof lang === 'string' ? lang : lang.data;
  const byLanguage = readStrings(get(KEYS.strings), language);
  return { language, strings: byLanguage[language] ?? {}, byLanguage };
}
