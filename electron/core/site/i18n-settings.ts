import type { DatabaseSync } from 'node:sqlite';
import { CandorError } from '../errors.ts';
import { checkOverrides, SiteLanguage } from './i18n.ts';
import type { StringOverrides } from './i18n.ts';

// The site's language and the workspace's own wording, as saved in site settings (the meta table). Both are read
// by the build (an explicit --lang still wins) and checked again there: a saved replacement that a newer Candor no
// longer has a text for is named, never silently dropped.

const KEYS = { language: 'site.language', strings: 'site.strings' } as const;

export function languageKey(name: keyof typeof KEYS): string {
  return KEYS[name];
}

export type SavedLanguage = { language: SiteLanguage; strings: StringOverrides };

export function readSiteLanguage(db: DatabaseSync): SavedLanguage {
  const get = (key: string) => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  const rawLang = get(KEYS.language);
  const lang = rawLang === null ? 'en' : SiteLanguage.safeParse(rawLang);
  if (typeof lang !== 'string' && !lang.success) throw new CandorError('INVALID_SETTING', `The saved site language "${rawLang}" is not one Candor has (${SiteLanguage.options.join(', ')}). Choose one with candor site-settings --lang.`, { field: 'language' });
  const language = typeof lang === 'string' ? lang : lang.data;
  const rawStrings = get(KEYS.strings);
  let strings: StringOverrides = {};
  if (rawStrings !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawStrings);
    } catch {
      throw new CandorError('INVALID_SETTING', 'The saved site texts are not valid JSON. Replace them with candor site-settings --strings <file>.', { field: 'strings' });
    }
    strings = checkOverrides(parsed, language);
  }
  return { language, strings };
}
