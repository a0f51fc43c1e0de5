import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { CandorError } from '../errors.ts';
import { brandCss, HexColor } from '../../shared/brand-colors.ts';
import type { SiteColors } from '../../shared/brand-colors.ts';
import { LOGO_EXT, LogoRecord } from '../../shared/model/site-settings.ts';
import { logoPath } from './logo.ts';

// How the workspace's site looks and where it lives, as saved in site settings: theme, address, colours, logo. The
// build reads them here (an explicit --theme or --base-url still wins) and publishes the colours and the logo as
// two files under assets/, listed in the manifest like every file.

const KEYS = {
  theme: 'site.theme',
  baseUrl: 'site.baseUrl',
  accent: 'site.color.accent',
  header: 'site.color.header',
  headerText: 'site.color.headerText',
  logo: 'site.logo',
} as const;
export type BrandingKey = keyof typeof KEYS;

export function brandingKey(name: BrandingKey): string {
  return KEYS[name];
}

export type SavedBranding = {
  /** null: none saved (builds use "default"). */
  theme: string | null;
  /** Normalised when saved (https://host/path/). */
  baseUrl: string | null;
  colors: SiteColors;
  logo: LogoRecord | null;
};

const Stored = z.object({
  theme: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).nullable(),
  baseUrl: z.url({ protocol: /^https?$/ }).nullable(),
  accent: HexColor.nullable(),
  header: HexColor.nullable(),
  headerText: HexColor.nullable(),
  logo: z.string().nullable().transform((s, ctx) => {
    if (s === null) return null;
    try {
      return LogoRecord.parse(JSON.parse(s));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not a logo record' });
      return z.NEVER;
    }
  }),
});

export function readBranding(db: DatabaseSync): SavedBranding {
  const stmt = db.prepare('SELECT value FROM meta WHERE key = ?');
  const raw = Object.fromEntries(Object.entries(KEYS).map(([name, key]) => {
    const row = stmt.get(key) as { value: string } | undefined;
    return [name, row && row.value.trim() ? row.value : null];
  }));
  const parsed = Stored.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'settings');
    throw new CandorError('BAD_SETTING', `The site setting ${field} holds an invalid value. Set it again on the Site screen.`, { field }, 'or with: candor site-settings <workspace>');
  }
  const s = parsed.data;
  return { theme: s.theme, baseUrl: s.baseUrl, colors: { accent: s.accent, header: s.header, headerText: s.headerText }, logo: s.logo };
}

export const BRAND_CSS_PATH = 'assets/brand.css';

/** What the templates read: site-relative addresses (with a content version, so a browser never keeps an old one). */
export type BrandingGlobals = { brandCss: string | null; logo: string | null };

export type SiteBranding = {
  globals: BrandingGlobals;
  files: { path: string; content: Buffer }[];
  warnings: string[];
};

function versioned(path: string, content: Buffer): string {
  return `${path}?v=${createHash('sha256').update(content).digest('hex').slice(0, 12)}`;
}

/** The files a build publishes for the saved colours and logo, and how pages link them. Same settings, same bytes. */
export function siteBranding(workspaceDir: string, saved: Pick<SavedBranding, 'colors' | 'logo'>): SiteBranding {
  const files: SiteBranding['files'] = [];
  const warnings: string[] = [];
  const globals: BrandingGlobals = { brandCss: null, logo: null };
  const css = brandCss(saved.colors);
  if (css !== null) {
    const content = Buffer.from(css, 'utf8');
    files.push({ path: BRAND_CSS_PATH, content });
    globals.brandCss = versioned(BRAND_CSS_PATH, content);
  }
  if (saved.logo) {
    const file = logoPath(workspaceDir, saved.logo);
    const content = existsSync(file) ? readFileSync(file) : null;
    if (content && createHash('sha256').update(content).digest('hex') === saved.logo.sha256) {
      const path = `assets/logo.${LOGO_EXT[saved.logo.type]}`;
      files.push({ path, content });
      globals.logo = versioned(path, content);
    } else {
      warnings.push(`The logo file is missing from the workspace or has changed (${file}); the site is built without a logo. Choose the logo again in the site settings.`);
    }
  }
  return { globals, files, warnings };
}
