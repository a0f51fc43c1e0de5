import { join } from 'node:path';
import type { siteChannels } from '../../shared/contract/site.ts';
import type { BuildResult } from '../../shared/contract/site.ts';
import { buildSite } from '../site/build.ts';
import type { BuildOptions, BuildReport } from '../site/build.ts';
import { initSigningKey, readSigningKey } from '../site/keys.ts';
import { listThemes } from '../site/liquid.ts';
import { verifySite } from '../site/manifest.ts';
import { readSiteSettings, updateSiteSettings } from '../site/settings.ts';
import type { CoreContext, HandlersFor } from './context.ts';

/** Where the app's preview builds go: inside the workspace, one folder per theme. */
export const PREVIEW_DIR = '.site-preview';

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

export const siteHandlers: HandlersFor<typeof siteChannels> = {
  'site.themes'() {
    return { themes: listThemes() };
  },
  'site.build'(req, ctx) {
    return build(ctx, { out: req.out, theme: req.theme, baseUrl: req.baseUrl ?? null, search: req.search, clean: req.clean });
  },
  'site.preview'(req, ctx) {
    const theme = req.theme ?? 'default';
    return build(ctx, { out: join(ctx.workspace().dir, PREVIEW_DIR, theme), theme, baseUrl: req.baseUrl ?? null, search: req.search, clean: req.clean });
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
  'site.settings.get'(_req, ctx) {
    return readSiteSettings(ctx.workspace());
  },
  'site.settings.set'(req, ctx) {
    return updateSiteSettings(ctx.workspace(), req);
  },
};
