import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Core } from './index.ts';
import { contentType, resolveStatic, staticFiles } from './static-files.ts';

/**
 * The same contract as Electron IPC, over HTTP on 127.0.0.1, for the browser harness and e2e tests.
 * Guarded like a local API must be: loopback only, a random per-run token on every call, the Host header checked
 * (DNS rebinding), request bodies capped.
 */
export type HttpServerOptions = {
  core: Core;
  port?: number;
  token?: string;
  /** The built renderer (index.html gets the token injected). */
  staticDir?: string;
  /** A folder served under /preview/ (the built site), looked up per request. */
  previewDir?: () => string | null;
};

export type HttpServer = { url: string; port: number; token: string; close: () => Promise<void> };

const MAX_BODY = 64 * 1024 * 1024;

export const RENDERER_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The built renderer: index.html with the run's token put in; every other file as it is. */
function rendererFiles(dir: string, token: string): (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void> {
  const headers = { 'content-security-policy': RENDERER_CSP, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  const files = staticFiles(() => dir, { headers });
  return async (req, res, path) => {
    let file: string | null;
    try {
      file = resolveStatic(realpathSync(dir), path);
    } catch {
      file = null;
    }
    if (!file || !contentType(file).startsWith('text/html')) return files(req, res, path);
    const html = (await readFile(file, 'utf8')).replace('</head>', `<meta name="candor-api-token" content="${token}"></head>`);
    send(res, 200, html, contentType(file), { 'content-security-policy': RENDERER_CSP });
  };
}

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { core } = options;
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const preview = staticFiles(() => options.previewDir?.() ?? null, {
    headers: { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    notFound: (_req, res, root) => send(res, 404, root ? 'Not found' : 'No site has been built yet.', 'text/plain; charset=utf-8'),
  });
  const renderer = options.staticDir ? rendererFiles(options.staticDir, token) : null;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, JSON.stringify({ ok: false, error: { code: 'BAD_HOST', message: 'Unexpected Host header.' } }));

    if (url.pathname === '/api/progress' && req.method === 'GET') {
      if (!sameToken(url.searchParams.get('token') ?? '', token)) return send(res, 401, JSON.stringify({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Missing or wrong token.' } }));
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      const off = core.onProgress((e) => res.write(`data: ${JSON.stringify(e)}\n\n`));
      req.on('close', off);
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, JSON.stringify({ ok: false, error: { code: 'METHOD', message: 'Use POST.' } }));
      const auth = req.headers.authorization ?? '';
      if (!sameToken(auth.replace(/^Bearer /, ''), token)) return send(res, 401, JSON.stringify({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Missing or wrong token.' } }));
      const origin = req.headers.origin;
      if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return send(res, 403, JSON.stringify({ ok: false, error: { code: 'BAD_ORIGIN', message: 'Cross-origin calls are refused.' } }));
      let payload: unknown;
      try {
        const text = await readBody(req);
        payload = text ? JSON.parse(text) : {};
      } catch (err) {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'BAD_REQUEST', message: `Request body is not JSON: ${(err as Error).message}` } }));
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      const result = await core.dispatch(channel, payload);
      return send(res, 200, JSON.stringify(result));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');

    if (url.pathname.startsWith('/preview/') || url.pathname === '/preview') return preview(req, res, url.pathname.slice('/preview'.length) || '/');
    if (renderer) return renderer(req, res, url.pathname);
    send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}
