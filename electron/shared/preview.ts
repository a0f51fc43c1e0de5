import type { Result } from './contract.ts';

/**
 * Remembers the folder of the last site built or exported, so the app can preview it (the browser harness under
 * /preview/, the desktop app through its candor://preview protocol). Only folders the core itself just wrote
 * are ever served: the window cannot point the preview at an arbitrary folder.
 */
/**
 * The preview's Content-Security-Policy (candor://preview in the app, the preview origin of npm run web). The built
 * site's own CSP still applies inside it; this one only adds that it may not run scripts in the app.
 */
export const PREVIEW_CSP = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

export const SITE_OUTPUT_CHANNELS: ReadonlySet<string> = new Set(['site.build', 'site.export', 'site.preview']);

export type PreviewTracker = {
  wrap: (dispatch: (channel: string, request: unknown) => Promise<Result<unknown>>) => (channel: string, request: unknown) => Promise<Result<unknown>>;
  dir: () => string | null;
  set: (dir: string | null) => void;
};

export function siteOutputDir(channel: string, result: Result<unknown>): string | null {
  if (!SITE_OUTPUT_CHANNELS.has(channel) || !result.ok) return null;
  const value = result.value as { out?: unknown; dir?: unknown } | null;
  if (value && typeof value.out === 'string') return value.out;
  if (value && typeof value.dir === 'string') return value.dir;
  return null;
}

export function previewTracker(): PreviewTracker {
  let current: string | null = null;
  return {
    wrap: (dispatch) => async (channel, request) => {
      const result = await dispatch(channel, request);
      const out = siteOutputDir(channel, result);
      if (out) current = out;
      if (channel === 'workspace.open' || channel === 'workspace.init' || channel === 'workspace.close' || channel === 'app.demo') {
        if (result.ok) current = null;
      }
      return result;
    },
    dir: () => current,
    set: (dir) => {
      current = dir;
    },
  };
}
