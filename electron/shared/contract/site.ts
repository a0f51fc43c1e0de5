import { z } from 'zod';
import { channels } from './base.ts';

// The public site: themes, build (and preview builds), verification, signing key, and the site's own texts.

export const ThemeSummary = z.object({ name: z.string(), label: z.string(), description: z.string() });

export const BuildRequest = z.object({
  out: z.string().min(1),
  theme: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
  baseUrl: z.string().nullable().optional(),
  search: z.boolean().optional(),
  clean: z.boolean().optional(),
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

export const VerifyResult = z.union([
  z.object({ ok: z.literal(true), files: z.number().int(), signed: z.boolean(), fingerprint: z.string().nullable() }),
  z.object({ ok: z.literal(false), files: z.number().int(), problem: z.string(), path: z.string().nullable() }),
]);

export const KeyStatus = z.object({ fingerprint: z.string().nullable(), publicKey: z.string().nullable() });

export const SiteTexts = z.object({ intro: z.string().nullable(), policy: z.string().nullable(), url: z.string().nullable() });

export const siteChannels = channels({
  'site.themes': { req: z.object({}), res: z.object({ themes: z.array(ThemeSummary) }) },
  /** Build the site into a folder (new, empty, or a previous Candor site). */
  'site.build': { req: BuildRequest, res: BuildResult },
  /** Build into the workspace's own preview folder, for the app's preview. */
  'site.preview': { req: BuildRequest.omit({ out: true }), res: BuildResult },
  'site.verify': { req: z.object({ dir: z.string().min(1), publicKey: z.string().optional() }), res: VerifyResult },
  'site.keys.status': { req: z.object({}), res: KeyStatus },
  'site.keys.init': { req: z.object({ force: z.boolean().optional() }), res: KeyStatus },
  'site.settings.get': { req: z.object({}), res: SiteTexts },
  'site.settings.set': {
    req: z.object({ intro: z.string().max(20_000).nullable().optional(), policy: z.string().max(50_000).nullable().optional(), url: z.string().nullable().optional() }),
    res: SiteTexts,
  },
});
