import { basename } from 'node:path';
import { z } from 'zod';
import { transaction } from '../db/transaction.ts';
import { CandorError } from '../errors.ts';
import { SiteSettingsPatch } from '../../shared/model/site-settings.ts';
import type { LogoRecord, SiteSettingsView } from '../../shared/model/site-settings.ts';
import { appendAudit } from '../store/audit.ts';
import { readWorkspaceMeta, writeWorkspaceMeta } from '../workspace.ts';
import type { Workspace } from '../workspace.ts';
import { brandColorProblem, COLOR_FIELDS, COLOR_LABELS, HexColor } from '../../shared/brand-colors.ts';
import type { SiteColors } from '../../shared/brand-colors.ts';
import { brandingKey, readBranding } from './branding.ts';
import { checkOverrides, SiteLanguage } from './i18n.ts';
import { checkByLanguage, isByLanguage, languageKey, readSiteLanguage } from './i18n-settings.ts';
import type { StringsByLanguage } from './i18n-settings.ts';
import { normalizeBaseUrl } from './pages.ts';
import { readSiteTexts, siteTextKey } from './site-data.ts';
import { PLACEHOLDERS_KEY, placeholdersEnabled } from './moderation-view.ts';
import { listThemes } from './themes.ts';
import { logoPath, readLogoFile, removeOtherLogos, storeLogoFile } from './logo.ts';

// The site's settings: the organisation's name, its texts (home page introduction, moderation policy, website), and
// how the site looks and where it lives (theme, address, colours, logo). Stored in the workspace (workspace.json for
// the name, the meta table for the rest, the logo file under branding/); every change is one transaction and is
// audited. A change re-renders every page at the next build.

export { SiteSettingsPatch };
export type { SiteSettingsView };

type SettingsWorkspace = Pick<Workspace, 'db' | 'dir'>;

export function readSiteSettings(ws: SettingsWorkspace): SiteSettingsView {
  const texts = readSiteTexts(ws.db);
  const branding = readBranding(ws.db);
  const language = readSiteLanguage(ws.db);
  return {
    organisation: readWorkspaceMeta(ws.dir).name,
    intro: texts.intro,
    policy: texts.policy,
    url: texts.url,
    theme: branding.theme ?? 'default',
    baseUrl: branding.baseUrl,
    colors: branding.colors,
    logo: branding.logo,
    verification: texts.verification,
    withheldPlaceholders: placeholdersEnabled(ws.db),
    language: language.language,
    strings: language.strings,
    stringsByLanguage: language.byLanguage,
  };
}

/** Where the logo's file is kept in the workspace (for the CLI and the app's preview of it). */
export function siteLogoFile(ws: Pick<Workspace, 'dir'>, logo: LogoRecord): string {
  return logoPath(ws.dir, logo);
}

function invalid(field: string, message: string): CandorError {
  return new CandorError('INVALID_SETTING', message, { field });
}

/** Blank means "none". */
function blank(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

const WebAddress = z.url({ protocol: /^https?$/ });

type Checked = {
  organisation?: string;
  intro?: string | null;
  policy?: string | null;
  url?: string | null;
  theme?: string | null;
  baseUrl?: string | null;
  colors?: SiteColors;
  language?: SiteLanguage | null;
  strings?: StringsByLanguage | null;
  verification?: string | null;
  withheldPlaceholders?: boolean;
};

/** Every value checked and normalised before anything is written; the first problem is the error. */
function check(patch: SiteSettingsPatch, current: SiteSettingsView): Checked {
  const out: Checked = {};
  if (patch.organisation !== undefined) {
    const name = patch.organisation.trim();
    if (!name) throw invalid('organisation', 'The organisation’s name must not be empty: it heads every page of the site.');
    out.organisation = name;
  }
  if (patch.intro !== undefined) out.intro = blank(patch.intro);
  if (patch.policy !== undefined) out.policy = blank(patch.policy);
  if (patch.verification !== undefined) out.verification = blank(patch.verification);
  if (patch.withheldPlaceholders !== undefined) out.withheldPlaceholders = patch.withheldPlaceholders;
  if (patch.url !== undefined) {
    const url = blank(patch.url)?.trim() ?? null;
    if (url !== null && !WebAddress.safeParse(url).success) throw invalid('url', `Your website "${url}" is not a web address starting with https:// or http:// (for example https://www.example.com).`);
    out.url = url;
  }
  if (patch.theme !== undefined) {
    const theme = blank(patch.theme)?.trim() ?? null;
    if (theme !== null && !listThemes().some((t) => t.name === theme)) {
      throw new CandorError('UNKNOWN_THEME', `There is no theme "${theme}". Candor has: ${listThemes().map((t) => t.name).join(', ')}.`, { field: 'theme' });
    }
    out.theme = theme === 'default' ? null : theme;
  }
  if (patch.baseUrl !== undefined) {
    const raw = blank(patch.baseUrl);
    try {
      out.baseUrl = normalizeBaseUrl(raw);
    } catch {
      throw invalid('baseUrl', `The site's address "${raw}" is not a web address starting with https:// or http:// (for example https://transparency.example.com/).`);
    }
  }
  if (patch.colors !== undefined) {
    const colors: SiteColors = { ...current.colors };
    for (const field of COLOR_FIELDS) {
      const given = patch.colors[field];
      if (given === undefined) continue;
      const value = blank(given);
      if (value === null) {
        colors[field] = null;
        continue;
      }
      const parsed = HexColor.safeParse(value);
      if (!parsed.success) throw invalid(`colors.${field}`, `${COLOR_LABELS[field]} "${value}" is not a colour: write it as #rrggbb, for example #0e5a57.`);
      colors[field] = parsed.data;
    }
    const problem = brandColorProblem(colors);
    if (problem) throw new CandorError(problem.code, problem.message, { field: `colors.${problem.field}` });
    out.colors = colors;
  }
  checkLanguage(patch, current, out);
  return out;
}

/** The language and the wording: a replacement is checked against the language it will be shown in. */
function checkLanguage(patch: SiteSettingsPatch, current: SiteSettingsView, out: Checked): void {
  if (patch.language !== undefined) {
    const code = blank(patch.language)?.trim().toLowerCase() ?? null;
    if (code !== null && !SiteLanguage.safeParse(code).success) {
      throw new CandorError('UNKNOWN_LANGUAGE', `There is no site language "${code}". Candor has: ${SiteLanguage.options.join(', ')}.`, { field: 'language' });
    }
    out.language = code === 'en' ? null : (code as SiteLanguage | null);
  }
  const lang = out.language === undefined ? SiteLanguage.parse(current.language ?? 'en') : out.language ?? 'en';
  if (patch.strings === undefined && out.language === undefined) return;
  // Each language keeps its own wording: a set without a language is the site's language's, and replaces only that.
  const all: StringsByLanguage = patch.strings === null ? {} : { ...(current.stringsByLanguage as StringsByLanguage | undefined) };
  if (patch.strings && isByLanguage(patch.strings)) {
    const given = checkByLanguage(patch.strings);
    for (const l of Object.keys(patch.strings) as SiteLanguage[]) {
      if (given[l]) all[l] = given[l];
      else delete all[l];
    }
  } else if (patch.strings) {
    const set = checkOverrides(patch.strings, lang);
    if (Object.keys(set).length) all[lang] = set;
    else delete all[lang];
  }
  const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : 1)));
  out.strings = Object.keys(sorted).length ? sorted : null;
}

function parsePatch(patch: unknown): SiteSettingsPatch {
  const parsed = SiteSettingsPatch.safeParse(patch);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw invalid(issue.path.join('.'), `Site setting ${issue.path.join('.') || '(settings)'}: ${issue.message}.`);
}

/** What the audit log records of the settings (the logo has entries of its own). */
function audited(s: SiteSettingsView): Omit<SiteSettingsView, 'logo'> {
  const { logo: _logo, ...rest } = s;
  return rest;
}

export function updateSiteSettings(ws: Workspace, patch: SiteSettingsPatch): SiteSettingsView {
  const parsed = parsePatch(patch);
  return transaction(ws.db, () => {
    const before = readSiteSettings(ws);
    const v = check(parsed, before);
    const set = ws.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    const del = ws.db.prepare('DELETE FROM meta WHERE key = ?');
    const put = (key: string, value: string | null | undefined) => {
      if (value === undefined) return;
      if (value === null) del.run(key);
      else set.run(key, value);
    };
    put(siteTextKey('intro'), v.intro);
    put(siteTextKey('policy'), v.policy);
    put(siteTextKey('url'), v.url);
    put(siteTextKey('verification'), v.verification);
    // On is the default: only "off" is stored.
    if (v.withheldPlaceholders !== undefined) put(PLACEHOLDERS_KEY, v.withheldPlaceholders ? null : 'off');
    put(brandingKey('theme'), v.theme);
    put(brandingKey('baseUrl'), v.baseUrl);
    if (v.colors) for (const field of COLOR_FIELDS) put(brandingKey(field), v.colors[field]);
    put(languageKey('language'), v.language);
    put(languageKey('strings'), v.strings === undefined || v.strings === null ? v.strings : JSON.stringify(v.strings));
    const after: SiteSettingsView = { ...readSiteSettings(ws), organisation: v.organisation ?? before.organisation };
    if (JSON.stringify(audited(before)) !== JSON.stringify(audited(after))) {
      appendAudit(ws.db, { actor: ws.actor, action: 'site.settings', entityType: 'site', entityId: 'settings', before: audited(before), after: audited(after) });
    }
    // The name lives in workspace.json; written last, once everything else in this change has been accepted.
    if (after.organisation !== before.organisation) {
      const meta = { ...readWorkspaceMeta(ws.dir), name: after.organisation };
      writeWorkspaceMeta(ws.dir, meta);
      ws.meta = meta;
    }
    return after;
  });
}

/** Records the logo change inside the caller's transaction (nothing when it is the same logo). */
function recordLogo(ws: Workspace, logo: { record: LogoRecord; name: string } | null): void {
  const before = readBranding(ws.db).logo;
  if (logo === null) {
    if (!before) return;
    ws.db.prepare('DELETE FROM meta WHERE key = ?').run(brandingKey('logo'));
    appendAudit(ws.db, { actor: ws.actor, action: 'site.logo.clear', entityType: 'site', entityId: 'logo', before, after: null });
    return;
  }
  if (before?.sha256 === logo.record.sha256 && before.type === logo.record.type) return;
  ws.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(brandingKey('logo'), JSON.stringify(logo.record));
  appendAudit(ws.db, { actor: ws.actor, action: 'site.logo.set', entityType: 'site', entityId: 'logo', before, after: { ...logo.record, name: logo.name } });
}

/**
 * Settings and the logo in one transaction (the CLI's one command): the logo file is checked and stored under its
 * hash first, so a refused image changes nothing; a refused setting removes the file again.
 * `logo`: a file to use, null to remove it, undefined to leave it.
 */
export function changeSiteSettings(ws: Workspace, patch: SiteSettingsPatch, logo?: string | null): SiteSettingsView {
  const picked = typeof logo === 'string' ? { ...readLogoFile(logo), name: basename(logo) } : null;
  if (picked) storeLogoFile(ws.dir, picked.record, picked.bytes);
  let result: SiteSettingsView;
  try {
    result = transaction(ws.db, () => {
      if (logo !== undefined) recordLogo(ws, picked ? { record: picked.record, name: picked.name } : null);
      return updateSiteSettings(ws, patch);
    });
  } catch (err) {
    // The refused change's new file is not named by the settings: it goes (the saved logo stays).
    if (picked) removeOtherLogos(ws.dir, readBranding(ws.db).logo);
    throw err;
  }
  if (logo !== undefined) removeOtherLogos(ws.dir, result.logo);
  return result;
}

/** Checks the image, keeps a copy in the workspace, and makes it the site's logo. */
export function setSiteLogo(ws: Workspace, file: string): SiteSettingsView {
  return changeSiteSettings(ws, {}, file);
}

export function clearSiteLogo(ws: Workspace): SiteSettingsView {
  return changeSiteSettings(ws, {}, null);
}
