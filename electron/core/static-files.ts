import { lstatSync, realpathSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { lookup } from 'mrmime';
import sirv from 'sirv';
import type { RequestHandler } from 'sirv';

// One way to serve a folder of static files, for `candor serve` (a built site), the browser harness (the renderer
// and the /preview/ of the last site built) and the app's candor:// scheme (types and paths only). sirv sends the
// files (streaming, HEAD, ranges); mrmime names their types. What is served is decided here first: only files
// inside the folder, never a dotfile, never through a link that leads out of it.

/** Candor's own text formats that the common type lists name otherwise (a signature is base64 text, a key PEM). */
const CANDOR_TYPES: Record<string, string> = { '.sig': 'text/plain', '.pem': 'text/plain' };
const TEXT_TYPE = /^(text\/|application\/(json|xml|javascript|manifest\+json)$)/;

/** The Content-Type for a file name: with a charset for text, application/octet-stream when unknown. */
export function contentType(file: string): string {
  const ext = extname(file).toLowerCase();
  const type = CANDOR_TYPES[ext] ?? lookup(ext) ?? 'application/octet-stream';
  return TEXT_TYPE.test(type) ? `${type}; charset=utf-8` : type;
}

/** A URL path as a path inside `root`, or null when it would leave it (without looking at the disk). */
export function joinInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(root, `.${sep}${normalize(decoded)}`);
  const base = resolve(root);
  return full === base || full.startsWith(base + sep) ? full : null;
}

/**
 * The file a request path names, or null: inside `root` (a real path), no part starting with a dot, a folder
 * meaning its index.html, and no symbolic link anywhere on the way: the file's real path must be the path asked
 * for. (A built site never holds links; one found there was put there by someone else, and may point anywhere.)
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  const inside = joinInside(root, urlPath);
  if (!inside) return null;
  if (relative(root, inside).split(sep).some((part) => part.startsWith('.'))) return null;
  return servableFile(root, inside);
}

/**
 * `candidate` (an absolute path inside the real folder `root`) as the file to send, or null: a folder means its
 * index.html; it must be a regular file reached through no symbolic link, so its real path is itself.
 */
export function servableFile(root: string, candidate: string): string | null {
  try {
    let file = candidate;
    if (lstatSync(file).isDirectory()) file = join(file, 'index.html');
    if (!lstatSync(file).isFile()) return null;
    const real = realpathSync(file);
    return real === file && real.startsWith(root + sep) ? real : null;
  } catch {
    return null;
  }
}

export type StaticOptions = {
  /** Headers sent with every file (security headers, a Content-Security-Policy). */
  headers?: Record<string, string>;
  /** Answers a request for nothing servable (default: 404 with no body). */
  notFound?: (req: IncomingMessage, res: ServerResponse, root: string | null) => void;
};

/**
 * A request handler serving the folder `folder()` names (asked again on every request: a site is rebuilt and
 * swapped in underneath, the preview moves from theme to theme). GET and HEAD only.
 */
export function staticFiles(folder: () => string | null, options: StaticOptions = {}): (req: IncomingMessage, res: ServerResponse, urlPath?: string) => void {
  const senders = new Map<string, RequestHandler>();
  const notFound = options.notFound ?? ((_req, res) => res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found'));
  const sender = (root: string): RequestHandler => {
    let s = senders.get(root);
    if (!s) {
      // dev: every request looks at the disk (the folder changes under the server); no extension guessing.
      s = sirv(root, { dev: true, etag: false, dotfiles: false, extensions: [], setHeaders: (res, pathname) => {
        for (const [k, v] of Object.entries(options.headers ?? {})) res.setHeader(k, v);
        res.setHeader('Content-Type', contentType(pathname));
      } });
      if (senders.size > 16) senders.clear();
      senders.set(root, s);
    }
    return s;
  };
  return (req, res, urlPath) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let root: string | null = null;
    try {
      const dir = folder();
      root = dir ? realpathSync(dir) : null;
    } catch {
      root = null;
    }
    const file = root ? resolveStatic(root, urlPath ?? new URL(req.url ?? '/', 'http://localhost').pathname) : null;
    if (!root || !file) {
      notFound(req, res, root);
      return;
    }
    // sirv is handed the file's own path inside the folder, already checked.
    req.url = encodeURI(`/${relative(root, file).split(sep).join('/')}`);
    sender(root)(req, res, () => notFound(req, res, root));
  };
}
