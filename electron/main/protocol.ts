import { readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { contentType, joinInside, resolveStatic } from '../core/static-files.ts';

// The app's own scheme. The renderer is served from candor://app/ (not file://, per Electron's checklist) and the
// last built site from candor://preview/, a different origin, so the preview can never reach the app.
export const SCHEME = 'candor';
export const APP_ORIGIN = `${SCHEME}://app`;
export const PREVIEW_ORIGIN = `${SCHEME}://preview`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when the address is on candor://<host>/. Compared by scheme and host, not URL.origin: Node's URL gives
 * custom schemes the origin "null" (Chromium knows the scheme is standard; Node does not).
 */
export function isOnHost(url: string, host: 'app' | 'preview'): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${SCHEME}:` && u.host === host && u.username === '' && u.password === '' && u.port === '';
  } catch {
    return false;
  }
}

export type ProtocolRoots = {
  /** The built renderer (dist/renderer). */
  app: string;
  /** The folder of the site last built or exported, if any. */
  preview: () => string | null;
};

/**
 * `strictRoot`: the folder a preview file must be read from with no symbolic link on the way (resolveStatic); the
 * site folder is the person's to change, the app's own bundle is not.
 */
export type ProtocolAnswer = { status: number; file?: string; headers: Record<string, string>; body?: string; strictRoot?: { root: string; path: string } };

/** Decides what a candor:// request gets, without touching the disk: which file, which headers. */
export function resolveProtocolRequest(rawUrl: string, roots: ProtocolRoots, csp: { app: string; preview: string }): ProtocolAnswer {
  const notFound = (body = 'Not found'): ProtocolAnswer => ({ status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body });
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return notFound();
  }
  if (url.protocol !== `${SCHEME}:`) return notFound();
  const root = url.host === 'app' ? roots.app : url.host === 'preview' ? roots.preview() : null;
  if (!root) return notFound(url.host === 'preview' ? 'No site has been built yet.' : 'Not found');
  const path = url.pathname === '/' || url.pathname === '' ? '/index.html' : url.pathname;
  const file = joinInside(root, path);
  if (!file) return notFound();
  return {
    status: 200,
    file,
    ...(url.host === 'preview' ? { strictRoot: { root, path } } : {}),
    headers: {
      'content-type': contentType(file),
      'content-security-policy': url.host === 'app' ? csp.app : csp.preview,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  };
}

/** Reads the answer's file; a folder serves its index.html (site pages are folders). */
export async function protocolResponse(answer: ProtocolAnswer): Promise<Response> {
  if (!answer.file) return new Response(answer.body ?? '', { status: answer.status, headers: answer.headers });
  try {
    let file = answer.file;
    if (answer.strictRoot) {
      const checked = resolveStatic(await realpath(answer.strictRoot.root), answer.strictRoot.path);
      if (!checked) throw new Error('not servable');
      file = checked;
    } else if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    return new Response(new Uint8Array(await readFile(file)), { status: 200, headers: { ...answer.headers, 'content-type': contentType(file) } });
  } catch {
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}
