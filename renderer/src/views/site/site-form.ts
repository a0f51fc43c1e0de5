import { brandColorProblem, brandContrastChecks, COLOR_FIELDS, HEX_COLOR } from '../../../../electron/shared/brand.ts';
import type { ColorField, ContrastCheck, SiteColors } from '../../../../electron/shared/brand.ts';
import type { Req, Res } from '../../../../electron/shared/contract.ts';

// The site settings form: what the person typed (plain strings, blank meaning "none") and what is sent to the core.

export type SiteSettings = Res<'site.settings.get'>;
export type SiteForm = {
  organisation: string;
  url: string;
  intro: string;
  policy: string;
  theme: string;
  baseUrl: string;
  colors: Record<ColorField, string>;
  /** How the organisation checks that conversations come from real customers (the reviews policy page). */
  verification: string;
  /** A public line (month, kind, rating, reason; no text) for each held-back conversation. */
  withheldPlaceholders: boolean;
  language: SiteLanguageCode;
  /** The organisation's own wording per site language: text key -> message; a blank one is dropped. Each language
   * keeps its own, so choosing another language shows (and saves) that language's wording, never moves it. */
  wording: Partial<Record<SiteLanguageCode, Record<string, string>>>;
};

/** The site's languages, each named in itself (a German speaker looks for "Deutsch"). */
export const SITE_LANGUAGE_NAMES = { en: 'English', de: 'Deutsch', fr: 'Français', nl: 'Nederlands', es: 'Español', it: 'Italiano' } as const;
export type SiteLanguageCode = keyof typeof SITE_LANGUAGE_NAMES;

function languageOf(code: string | undefined): SiteLanguageCode {
  return code && code in SITE_LANGUAGE_NAMES ? (code as SiteLanguageCode) : 'en';
}

/** What the colour pickers show while the theme's own colour is in use (the default theme's). */
export const THEME_COLORS: Record<ColorField, string> = { accent: '#0e5a57', header: '#ffffff', headerText: '#1c232b' };

export function formFromSettings(s: SiteSettings): SiteForm {
  return {
    organisation: s.organisation,
    url: s.url ?? '',
    intro: s.intro ?? '',
    policy: s.policy ?? '',
    theme: s.theme,
    baseUrl: s.baseUrl ?? '',
    colors: { accent: s.colors.accent ?? '', header: s.colors.header ?? '', headerText: s.colors.headerText ?? '' },
    verification: s.verification ?? '',
    withheldPlaceholders: s.withheldPlaceholders !== false,
    language: languageOf(s.language),
    wording: wordingOf(s),
  };
}

function wordingOf(s: SiteSettings): SiteForm['wording'] {
  const out: SiteForm['wording'] = {};
  for (const [code, set] of Object.entries(s.stringsByLanguage ?? {})) out[languageOf(code)] = { ...set };
  // A core that answers only the site language's set (older settings): that set is the site language's.
  if (!s.stringsByLanguage && s.strings) out[languageOf(s.language)] = { ...s.strings };
  return out;
}

/** The wording the form shows for its chosen language. */
export function wordingFor(f: SiteForm): Record<string, string> {
  return f.wording[f.language] ?? {};
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function patchFromForm(f: SiteForm): Req<'site.settings.set'> {
  return {
    organisation: f.organisation.trim(),
    url: orNull(f.url),
    intro: orNull(f.intro),
    policy: orNull(f.policy),
    theme: f.theme,
    baseUrl: orNull(f.baseUrl),
    colors: { accent: orNull(f.colors.accent), header: orNull(f.colors.header), headerText: orNull(f.colors.headerText) },
    verification: orNull(f.verification),
    withheldPlaceholders: f.withheldPlaceholders,
    language: f.language,
    // By language, each replacing only its own set; sorted, so the same wording typed in another order is the same
    // form. The chosen language is always named, so clearing its last text removes its set.
    strings: Object.fromEntries(
      [...new Set([f.language, ...(Object.keys(f.wording) as SiteLanguageCode[])])].sort().map((code) => [
        code,
        Object.fromEntries(Object.entries(f.wording[code] ?? {}).filter(([, v]) => v.trim() !== '').sort(([a], [b]) => a.localeCompare(b))),
      ]),
    ),
  };
}

export function sameForm(a: SiteForm, b: SiteForm): boolean {
  return JSON.stringify(patchFromForm(a)) === JSON.stringify(patchFromForm(b));
}

export type ColorReview = {
  /** Fields whose text is not #rrggbb. */
  malformed: ColorField[];
  checks: ContrastCheck[];
  /** The first reason the core would refuse these colours, in its words. */
  problem: { field: ColorField; message: string } | null;
};

/** The same checks the core makes on save, over the well-formed colours typed so far. */
export function reviewColors(colors: Record<ColorField, string>): ColorReview {
  const malformed = COLOR_FIELDS.filter((f) => colors[f].trim() !== '' && !HEX_COLOR.test(colors[f].trim()));
  const parsed: SiteColors = { accent: null, header: null, headerText: null };
  for (const f of COLOR_FIELDS) if (!malformed.includes(f) && colors[f].trim()) parsed[f] = colors[f].trim().toLowerCase();
  const problem = brandColorProblem(parsed);
  return { malformed, checks: brandContrastChecks(parsed), problem: problem ? { field: problem.field, message: problem.message } : null };
}
