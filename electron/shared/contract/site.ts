import { z } from 'zod';
import { LogoRecord, SiteSettingsPatch, SiteSettingsView } from '../model/site-settings.ts';
import { channels } from './base.ts';

// The public site: themes, build (and preview builds), verification, signing key, and the site's settings (name,
// texts, theme, address, colours, logo).

const ThemeSummary = z.object({ name: z.string(), label: z.string(), description: z.string() });

const BuildRequest = z.object({
  out: z.string().min(1),
  theme: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
  baseUrl: z.string().nullable().optional(),
  search: z.boolean().optional(),
  clean: z.boolean().optional(),
  /**
   * Build even when more than half of the conversations the site publishes would disappear from it. Without it such
   * a build is refused with SITE_WOULD_SHRINK (details: published, wouldPublish) and nothing changes.
   */
  allowShrink: z.boolean().optional(),
});

/** The CLI's --json fields, plus what the app shows about the build. */
export const BuildResult = z.object({
  out: z.string(),
  pages: z.number().int(),
  threads: z.number().int(),
  withheld: z.number().int(),
  claims: z.number().int(),
  bytes: z.number().int(),
  ms: z.number().int(),
  incremental: z.boolean(),
  rendered: z.number().int(),
  reused: z.number().int(),
  signed: z.boolean(),
  search: z.boolean(),
  warnings: z.array(z.string()),
});
export type BuildResult = z.infer<typeof BuildResult>;

const VerifyResult = z.union([
  z.object({ ok: z.literal(true), files: z.number().int(), signed: z.boolean(), fingerprint: z.string().nullable() }),
  z.object({ ok: z.literal(false), files: z.number().int(), problem: z.string(), path: z.string().nullable() }),
]);

const KeyStatus = z.object({ fingerprint: z.string().nullable(), publicKey: z.string().nullable() });

/** The saved settings; the logo with its bytes as a data: address, so the window can show it (its CSP allows data:). */
export const SiteSettingsInfo = SiteSettingsView.extend({ logo: LogoRecord.extend({ dataUrl: z.string() }).nullable() });
export type SiteSettingsInfo = z.infer<typeof SiteSettingsInfo>;

export const siteChannels = channels({
  'site.themes': { req: z.object({}), res: z.object({ themes: z.array(ThemeSummary) }) },
  /** Build the site into a folder (new, empty, or a previous Candor site). Without theme or baseUrl: the saved ones. */
  'site.build': { req: BuildRequest, res: BuildResult },
  /** Build into the workspace's own preview folder, for the app's preview. */
  'site.preview': { req: BuildRequest.omit({ out: true }), res: BuildResult },
  'site.verify': { req: z.object({ dir: z.string().min(1), publicKey: z.string().optional() }), res: VerifyResult },
  'site.keys.status': { req: z.object({}), res: KeyStatus },
  'site.keys.init': { req: z.object({ force: z.boolean().optional() }), res: KeyStatus },
  'site.settings.get': { req: z.object({}), res: SiteSettingsInfo },
  /** Changes the fields given (blank or null: back to none / the theme's own); checked, one transaction, audited. */
  'site.settings.set': { req: SiteSettingsPatch, res: SiteSettingsInfo },
  /**
   * The site's texts in a language as the themes show them (its locale over English), for the app's "your wording"
   * table: key, the shipped text; a replacement may use the same placeholders ({name}).
   */
  'site.texts': {
    req: z.object({ language: z.string().min(1).max(8) }),
    res: z.object({ language: z.string(), texts: z.array(z.object({ key: z.string(), text: z.string() })) }),
  },
  /** Makes a PNG, JPEG or WebP file (at most 1 MB; never SVG) the site's logo; a copy is kept in the workspace. */
  'site.logo.set': { req: z.object({ path: z.string().min(1) }), res: SiteSettingsInfo },
  'site.logo.clear': { req: z.object({}), res: SiteSettingsInfo },
});
