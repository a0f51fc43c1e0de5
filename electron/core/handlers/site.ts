import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { siteChannels } from '../../shared/contract/site.ts';
import type { BuildResult, SiteSettingsInfo } from '../../shared/contract/site.ts';
import { CandorError } from '../errors.ts';
import { buildSite } from '../site/build.ts';
import type { BuildOptions, BuildReport } from '../site/build.ts';
import { SiteLanguage, siteMessages } from '../site/i18n.ts';
import { initSigningKey, readSigningKey } from '../site/keys.ts';
import { listThemes } from '../site/themes.ts';
import { verifySite } from '../site/manifest.ts';
import { readBranding } from '../site/branding.ts';
import { clearSiteLogo, readSiteSettings, setSiteLogo, siteLogoFile, updateSiteSettings } from '../site/settings.ts';
import type { SiteSettingsView } from '../site/settings.ts';
import type { Workspace } from '../workspace.ts';
import type { CoreContext, HandlersFor } from './context.ts';
import { userPath } from './context.ts';

/** Where the app's preview builds go: inside the workspace, one folder per theme. */
const PREVIEW_DIR = '.site-preview';

function result(r: BuildReport): BuildResult {
  return {
    out: r.out, pages: r.pages, threads: r.threads, withheld: r.withheld, claims: r.claims, bytes: r.bytes, ms: r.ms,
    incremental: r.incremental, rendered: r.rendered, reused: r.reused, signed: r.signed, search: r.search, warnings: r.warnings,
  };
}

async function build(ctx: CoreContext, options: Omit<BuildOptions, 'workspace' | 'onProgress'>): Promise<BuildResult> {
  const ws = ctx.workspace();
  const r = await buildSite({
    ...options,
    workspace: ws,
    onProgress: (p) => ctx.emitProgress({ job: 'site.build', phase: p.phase, done: p.done, total: p.total, unit: p.phase === 'threads' ? 'pages' : 'files' }),
  });
  await r.cleanup;
  return result(r);
}

/**
 * A refused shrinking build in the app's words: the builder's message tells the command line which option builds
 * anyway; the app asks instead (its own "Build anyway"), with the figures in the error's details.
 */
function inAppWords(err: unknown): never {
  if (err instanceof CandorError && err.code === 'SITE_WOULD_SHRINK' && err.details) {
    const { published, wouldPublish } = err.details;
    throw new CandorError(err.code, `This build would publish ${String(wouldPublish)} of the ${String(published)} conversations the site has now: more than half would disappear from it. Nothing was changed.`, undefined, undefined, err.details);
  }
  throw err;
}

function settingsInfo(ws: Workspace, s: SiteSettingsView): SiteSettingsInfo {
  if (!s.logo) return { ...s, logo: null };
  let dataUrl = '';
  try {
    dataUrl = `data:${s.logo.type};base64,${readFileSync(siteLogoFile(ws, s.logo)).toString('base64')}`;
  } catch {
    // A missing file is reported by the build; the settings still show what was chosen.
  }
  return { ...s, logo: { ...s.logo, dataUrl } };
}

/**
 * The preview build running for each workspace. The Site screen builds a preview as it opens; an export asked for
 * meanwhile waits for it instead of being told "busy: building the site", which the person did not cause. A build by
 * another process is still refused as busy.
 */
const previews = new Map<string, Promise<unknown>>();

function trackPreview<T>(dir: string, running: Promise<T>): Promise<T> {
  previews.set(dir, running);
  running.then(() => undefined, () => undefined).finally(() => {
    if (previews.get(dir) === running) previews.delete(dir);
  });
  return running;
}

export const siteHandlers: HandlersFor<typeof siteChannels> = {
  'site.themes'() {
    return { themes: listThemes() };
  },
  async 'site.build'(req, ctx) {
    await previews.get(ctx.workspace().dir)?.catch(() => undefined);
    return build(ctx, { out: userPath(ctx, req.out), theme: req.theme, baseUrl: req.baseUrl, search: req.search, clean: req.clean, allowShrink: req.allowShrink }).catch(inAppWords);
  },
  'site.preview'(req, ctx) {
    const theme = req.theme ?? readBranding(ctx.workspace().db).theme ?? 'default';
    // The preview is no public site: it shows what withholding many conversations does instead of refusing it.
    const dir = ctx.workspace().dir;
    return trackPreview(dir, build(ctx, { out: join(dir, PREVIEW_DIR, theme), theme, baseUrl: req.baseUrl, search: req.search, clean: req.clean, record: false, allowShrink: true }));
  },
  'site.verify'(req) {
    return verifySite(req.dir, req.publicKey === undefined ? {} : { publicKeyPem: req.publicKey });
  },
  'site.keys.status'(_req, ctx) {
    const k = readSigningKey(ctx.workspace().dir);
    return { fingerprint: k?.fingerprint ?? null, publicKey: k?.publicKeyPem ?? null };
  },
  'site.keys.init'(req, ctx) {
    const k = initSigningKey(ctx.workspace(), { force: req.force });
    return { fingerprint: k.fingerprint, publicKey: k.publicKeyPem };
  },
  'site.texts'(req) {
    const parsed = SiteLanguage.safeParse(req.language.trim().toLowerCase());
    if (!parsed.success) throw new CandorError('UNKNOWN_LANGUAGE', `There is no site language "${req.language}". Candor has: ${SiteLanguage.options.join(', ')}.`, { field: 'language' });
    const messages = siteMessages(parsed.data);
    return { language: parsed.data, texts: Object.keys(messages).sort().map((key) => ({ key, text: messages[key]! })) };
  },
  'site.settings.get'(_req, ctx) {
    const ws = ctx.workspace();
    return settingsInfo(ws, readSiteSettings(ws));
  },
  'site.settings.set'(req, ctx) {
    const ws = ctx.workspace();
    return settingsInfo(ws, updateSiteSettings(ws, req));
  },
  'site.logo.set'(req, ctx) {
    const ws = ctx.workspace();
    return settingsInfo(ws, setSiteLogo(ws, req.path));
  },
  'site.logo.clear'(_req, ctx) {
    const ws = ctx.workspace();
    return settingsInfo(ws, clearSiteLogo(ws));
  },
};
