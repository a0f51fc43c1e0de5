import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { CandorError } from '../errors.ts';

// `candor serve`: a built site on 127.0.0.1, for previewing it as a host would serve it. Read-only, no directory
// listings, nothing outside the site folder, and the same CSP the pages carry sent as a header too.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.pem': 'text/plain; charset=utf-8',
  '.sig': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export type SiteServer = { url: string; port: number; server: Server; close: () => Promise<void> };

/** The file for a request path, or null: only files inside the site folder, never dotfiles. */
export function resolveRequest(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const parts = path.split('/').filter(Boolean);
  if (parts.some((p) => p === '..' || p.startsWith('.'))) return null;
  let file = join(root, ...parts);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  const real = realpathSync(file);
  return real === root || real.startsWith(root + sep) ? real : null;
}

export function serveSite(siteDir: string, options: { port?: number; host?: string } = {}): Promise<SiteServer> {
  const dir = resolve(siteDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CandorError('NOT_FOUND', `${dir} is not a folder. Build a site first: candor build <workspace> --out ${siteDir}`);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    // Resolved per request: a rebuild swaps the folder underneath.
    let root: string;
    try {
      root = realpathSync(dir);
    } catch {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The site is being rebuilt.');
      return;
    }
    const file = resolveRequest(root, new URL(req.url ?? '/', 'http://localhost').pathname);
    const headers: Record<string, string> = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' };
    if (!file) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      if (req.method === 'HEAD' || !existsSync(notFound)) res.end();
      else createReadStream(notFound).pipe(res);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': String(statSync(file).size) });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new CandorError('PORT_IN_USE', `Port ${options.port} is already in use. Choose another with --port.`) : err);
    });
    server.listen(options.port ?? 0, host, () => {
      const port = (server.address() as AddressInfo).port;
      resolvePromise({
        url: `http://${host}:${port}/`,
        port,
        server,
        close: () => new Promise<void>((r) => {
          server.closeAllConnections();
          server.close(() => r());
        }),
      });
    });
  });
}
