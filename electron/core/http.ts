import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Result } from '../shared/contract.ts';
import { PREVIEW_CSP } from '../shared/preview.ts';
import type { HostClient } from './host-client.ts';
import { contentType, resolveStatic, staticFiles } from './static-files.ts';
import { BROWSER_COOKIE, webSessions } from './web-sessions.ts';
import type { TabSession, WebSessions } from './web-sessions.ts';

/**
 * The same contract as Electron IPC, over HTTP on 127.0.0.1, for `npm run web` and the e2e tests. Guarded like a
 * local API must be: loopback only, the Host header checked (DNS rebinding), request bodies capped, and no secret
 * handed to whoever asks: the browser signs in once with the link printed on the terminal (an HttpOnly,
 * SameSite=Strict cookie), and each page load then gets a tab session of its own, with its own workspace. The built
 * site is previewed from a second origin (another port) under the site's script-free CSP.
 */
export type HttpServerOptions = {
  host: HostClient;
  port?: number;
  /** The preview origin's port (default: any free port). */
  previewPort?: number;
  /** The one-time sign-in key (default: random). */
  loginKey?: string;
  /** The built renderer (index.html gets the tab's session id put in). */
  staticDir?: string;
  /** How long a tab with no progress stream is kept (closed or reloaded tab). */
  tabGraceMs?: number;
};

export type HttpServer = { url: string; port: number; loginUrl: string; previewUrl: string; close: () => Promise<void> };

const MAX_BODY = 64 * 1024 * 1024;
export const WORKSPACE_HEADER = 'x-candor-workspace';

export function rendererCsp(previewOrigin: string): string {
  return `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src ${previewOrigin}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}
/** For the pages that are not the app (sign-in, errors): nothing runs, nothing frames them. */
const PLAIN_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const BASE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' };

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, ...BASE_HEADERS, ...headers });
  res.end(body);
}
const refuse = (res: ServerResponse, status: number, code: string, message: string) => send(res, status, JSON.stringify({ ok: false, error: { code, message } }));
const page = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) =>
  send(res, status, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Candor</title></head><body><p>${text}</p></body></html>`, 'text/html; charset=utf-8', { 'content-security-policy': PLAIN_CSP, ...headers });

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

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  return (server.address() as AddressInfo).port;
}

const loopbackHosts = (port: number) => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

/** One call for one tab: the workspace it was made for is checked by the host; the preview follows the builds. */
async function callCore(host: HostClient, tab: TabSession, channel: string, payload: unknown, made: string | undefined, previewUrl: string): Promise<Result<unknown>> {
  const result = await tab.preview.wrap(async (c, p) => {
    const answer = await host.call(tab.id, c, p, made === undefined ? {} : { workspace: made });
    tab.workspace = answer.workspace?.id ?? '';
    return answer.result;
  })(channel, payload);
  if (channel === 'app.info' && result.ok) return { ok: true, value: { ...(result.value as object), previewBase: `${previewUrl}/${tab.previewKey}/` } };
  return result;
}

type Ctx = { host: HostClient; sessions: WebSessions; previewUrl: string; appHosts: () => Set<string> };

async function api(ctx: Ctx, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const browser = ctx.sessions.browserOf(req.headers.cookie);
  const tabId = url.pathname === '/api/progress' ? url.searchParams.get('token') ?? '' : (req.headers.authorization ?? '').replace(/^Bearer /, '');
  const tab = browser ? ctx.sessions.tab(browser, tabId) : null;
  if (!tab) return refuse(res, 401, 'UNAUTHORIZED', 'Not signed in: open the link printed where npm run web runs, then reload.');
  if (url.pathname === '/api/progress' && req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    ctx.sessions.streamOpened(tab);
    const off = ctx.host.onProgress((session, e) => {
      if (session === tab.id) res.write(`data: ${JSON.stringify(e)}\n\n`);
    });
    req.on('close', () => {
      off();
      ctx.sessions.streamClosed(tab);
    });
    return;
  }
  if (req.method !== 'POST') return refuse(res, 405, 'METHOD', 'Use POST.');
  const origin = req.headers.origin;
  if (origin && !ctx.appHosts().has(origin.replace(/^http:\/\//, ''))) return refuse(res, 403, 'BAD_ORIGIN', 'Cross-origin calls are refused.');
  let payload: unknown;
  try {
    const text = await readBody(req);
    payload = text ? JSON.parse(text) : {};
  } catch (err) {
    return refuse(res, 400, 'BAD_REQUEST', `Request body is not JSON: ${(err as Error).message}`);
  }
  const made = req.headers[WORKSPACE_HEADER];
  const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
  const result = await callCore(ctx.host, tab, channel, payload, typeof made === 'string' ? made : undefined, ctx.previewUrl);
  send(res, 200, JSON.stringify(result), undefined, { [WORKSPACE_HEADER]: tab.workspace });
}

/** The built renderer: index.html with a new tab session put in (for a signed-in browser only); the rest as it is. */
function rendererFiles(dir: string, csp: string, previewOrigin: string, sessions: WebSessions): (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void> {
  const files = staticFiles(() => dir, { headers: { ...BASE_HEADERS, 'content-security-policy': csp } });
  return async (req, res, path) => {
    let file: string | null;
    try {
      file = resolveStatic(realpathSync(dir), path);
    } catch {
      file = null;
    }
    if (!file || !contentType(file).startsWith('text/html')) return files(req, res, path);
    const browser = sessions.browserOf(req.headers.cookie);
    if (!browser) return page(res, 401, 'This browser is not signed in to Candor. Open the sign-in link printed in the terminal where <code>npm run web</code> runs.');
    const tab = sessions.newTab(browser);
    // The page's own <meta> CSP names the desktop app's preview origin; here the preview is on the second port.
    const html = (await readFile(file, 'utf8'))
      .replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*frame-src )/, `$1${previewOrigin} `)
      .replace('</head>', `<meta name="candor-api-token" content="${tab.id}"></head>`);
    send(res, 200, html, contentType(file), { 'content-security-policy': csp });
  };
}

/** The preview origin: /<tab's preview key>/… is the site that tab last built, under the site's own CSP. */
function previewServer(sessions: WebSessions, hosts: () => Set<string>, headers: Record<string, string>): Server {
  const handlers = new WeakMap<TabSession, ReturnType<typeof staticFiles>>();
  return createServer((req, res) => {
    if (!hosts().has(req.headers.host ?? '')) return send(res, 421, 'Unexpected Host header.', 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, key = '', ...rest] = url.pathname.split('/');
    const tab = sessions.byPreviewKey(key);
    if (!tab) return send(res, 404, 'Not found', 'text/plain; charset=utf-8', headers);
    let serve = handlers.get(tab);
    if (!serve) {
      serve = staticFiles(() => tab.preview.dir(), { headers, notFound: (_q, r, root) => send(r, 404, root ? 'Not found' : 'No site has been built yet.', 'text/plain; charset=utf-8', headers) });
      handlers.set(tab, serve);
    }
    serve(req, res, `/${rest.join('/')}`);
  });
}

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const loginKey = options.loginKey ?? randomBytes(24).toString('base64url');
  const { host } = options;
  let port = 0;
  let previewPort = 0;
  const sessions = webSessions({ loginKey, graceMs: options.tabGraceMs, onEnd: (tab) => host.endSession(tab.id) });
  // Only the app's own page may frame the preview (set once the app's port is known).
  const { 'x-frame-options': _frames, ...base } = BASE_HEADERS;
  const previewHeaders: Record<string, string> = { ...base, 'content-security-policy': PREVIEW_CSP };
  const preview = previewServer(sessions, () => loopbackHosts(previewPort), previewHeaders);
  previewPort = await listen(preview, options.previewPort ?? 0);
  const previewUrl = `http://127.0.0.1:${previewPort}`;
  const ctx: Ctx = { host, sessions, previewUrl, appHosts: () => loopbackHosts(port) };
  const renderer = options.staticDir ? rendererFiles(options.staticDir, rendererCsp(previewUrl), previewUrl, sessions) : null;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!ctx.appHosts().has(req.headers.host ?? '')) return refuse(res, 421, 'BAD_HOST', 'Unexpected Host header.');
    if (url.pathname.startsWith('/api/')) return api(ctx, req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    if (url.pathname.startsWith('/login/')) {
      const browser = sessions.login(url.pathname.slice('/login/'.length));
      if (!browser) return page(res, 403, 'This sign-in link has been used already, or is not the one printed in the terminal. Stop <code>npm run web</code> and start it again for a new link.');
      return send(res, 303, '', 'text/plain; charset=utf-8', { location: '/', 'set-cookie': `${BROWSER_COOKIE}=${browser}; HttpOnly; SameSite=Strict; Path=/` });
    }
    if (renderer) return renderer(req, res, url.pathname);
    send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  });
  port = await listen(server, options.port ?? 0);
  previewHeaders['content-security-policy'] = `${PREVIEW_CSP}; frame-ancestors http://127.0.0.1:${port} http://localhost:${port}`;
  const close = (s: Server) => new Promise<void>((ok) => {
    s.closeAllConnections();
    s.close(() => ok());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    loginUrl: `http://127.0.0.1:${port}/login/${loginKey}`,
    previewUrl,
    close: async () => {
      await Promise.all([close(server), close(preview)]);
    },
  };
}
