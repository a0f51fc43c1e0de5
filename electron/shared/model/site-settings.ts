import { z } from 'zod';

// The site settings' shapes, shared by the core, the contract and the CLI (pure: the app's window reads them too).
// The request is loose on purpose (strings, blank meaning "none"): the core checks every value and answers with an
// error that names the field in words people use.

export const LogoType = z.enum(['image/png', 'image/jpeg', 'image/webp']);
export type LogoType = z.infer<typeof LogoType>;
export const LOGO_EXT: Record<LogoType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** A logo is shown in a page header: 1 MB is plenty, and keeps every page's first load light. */
export const LOGO_MAX_BYTES = 1_048_576;

/** What the workspace records about its logo; the file itself is in the workspace, named by its SHA-256. */
export const LogoRecord = z.object({ type: LogoType, size: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type LogoRecord = z.infer<typeof LogoRecord>;

const optionalText = (max: number) => z.string().max(max).nullable().optional();

export const SiteSettingsPatch = z.object({
  /** The organisation's name (the workspace's name): every page's header and title. */
  organisation: z.string().max(200).optional(),
  /** Staff Markdown on the home page. */
  intro: optionalText(20_000),
  /** Staff Markdown: the moderation policy. */
  policy: optionalText(50_000),
  /** The organisation's own website. */
  url: optionalText(2_000),
  /** A theme under static-templates/; null goes back to "default". */
  theme: optionalText(64),
  /** The address the site will be published at. */
  baseUrl: optionalText(2_000),
  /** #rrggbb; null or blank: the theme's own. Fields not given stay as they are. */
  colors: z.object({ accent: optionalText(16), header: optionalText(16), headerText: optionalText(16) }).optional(),
  /** The site's language (en, de, fr, nl, es, it); null goes back to English. */
  language: optionalText(8),
  /**
   * The workspace's own wording: site text key -> message, for the site's language; or sets by language
   * ({"de": {key: message}, "fr": {...}}), each replacing that language's set (null or {} removes it). null removes all.
   */
  strings: z.record(z.string(), z.union([z.string().max(5000), z.record(z.string(), z.string().max(5000)).nullable()])).nullable().optional(),
  /** Staff Markdown: how the organisation checks that conversations come from real customers (reviews policy page). */
  verification: optionalText(20_000),
  /** A public placeholder (month, kind, rating, reason; no text) for each held-back conversation. On by default. */
  withheldPlaceholders: z.boolean().optional(),
});
export type SiteSettingsPatch = z.infer<typeof SiteSettingsPatch>;

const SiteColorsView = z.object({ accent: z.string().nullable(), header: z.string().nullable(), headerText: z.string().nullable() });

export const SiteSettingsView = z.object({
  organisation: z.string(),
  intro: z.string().nullable(),
  policy: z.string().nullable(),
  url: z.string().nullable(),
  /** The saved theme, "default" when none was chosen. */
  theme: z.string(),
  baseUrl: z.string().nullable(),
  colors: SiteColorsView,
  logo: LogoRecord.nullable(),
  /** The site's language, "en" when none was chosen (always given by the core; optional for older callers). */
  language: z.string().optional(),
  /** The workspace's replacements for the site's texts in the site's language (key -> message). */
  strings: z.record(z.string(), z.string()).optional(),
  /** Every language's replacements: language -> key -> message. */
  stringsByLanguage: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  /** Optional in the type only so older callers' values still parse; the core always fills them in. */
  verification: z.string().nullable().optional(),
  withheldPlaceholders: z.boolean().optional(),
});
export type SiteSettingsView = z.infer<typeof SiteSettingsView>;
