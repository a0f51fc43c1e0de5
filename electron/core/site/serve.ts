import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { CandorError } from '../errors.ts';
import { staticFiles } from '../static-files.ts';
import { CSP, CSP_SEARCH, PATHS } from './pages.ts';

// `candor serve`: a built site on 127.0.0.1, for previewing it as a host would serve it: read-only, no directory
// listings, nothing outside the site folder (static-files.ts), and the site's own 404 page.

export type SiteServer = { url: string; port: number; server: Server; close: () => Promise<void> };

/** The search page and what it loads may run the site's own script and Pagefind's WebAssembly; nothing else runs any. */
export function cspFor(urlPath: string): string {
  return urlPath === `/${PATHS.search}` || urlPath.startsWith('/search/') || urlPath === '/assets/search.js' ? CSP_SEARCH : CSP;
}

const HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' };

export function serveSite(siteDir: string, options: { port?: number; host?: string } = {}): Promise<SiteServer> {
  const dir = resolve(siteDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CandorError('NOT_FOUND', `${dir} is not a folder. Build a site first: candor build <workspace> --out ${siteDir}`);
  const host = options.host ?? '127.0.0.1';
  const files = staticFiles(() => dir, {
    headers: HEADERS,
    notFound(req, res, root) {
      // The folder is swapped while a rebuild commits.
      if (root === null) {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The site is being rebuilt.');
        return;
      }
      const page = join(root, '404.html');
      res.writeHead(404, { ...HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
      if (req.method === 'HEAD' || !existsSync(page)) res.end();
      else createReadStream(page).pipe(res);
    },
  });
  const server = createServer((req, res) => {
    // The same Content-Security-Policy the pages carry in their <meta>: as a header it also covers what a meta tag
    // cannot (frame-ancestors aside, which a static page cannot set), and a file served without a page around it.
    res.setHeader('Content-Security-Policy', cspFor(new URL(req.url ?? '/', 'http://localhost').pathname));
    files(req, res);
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
