import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Signing in to `npm run web` from a test, the way a browser does: open the one-time link (which sets the cookie),
// then load the app page (which holds a new tab session's id).

export type WebTab = { cookie: string; token: string; headers: Record<string, string> };

/** A folder holding a minimal built renderer: an index.html the server can put a tab session into. */
export function minimalRenderer(): string {
  const dir = mkdtempSync(join(tmpdir(), 'candor-static-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; frame-src \'self\' candor://preview"><title>t</title></head><body></body></html>');
  return dir;
}

export async function signIn(loginUrl: string): Promise<string> {
  const res = await fetch(loginUrl, { redirect: 'manual' });
  if (res.status !== 303) throw new Error(`sign-in link answered ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (!cookie.includes('=')) throw new Error('sign-in link set no cookie');
  return cookie;
}

export async function openTab(baseUrl: string, cookie: string): Promise<WebTab> {
  const page = await (await fetch(`${baseUrl}/`, { headers: { cookie } })).text();
  const token = /name="candor-api-token" content="([^"]+)"/.exec(page)?.[1];
  if (!token) throw new Error(`the app page held no tab session: ${page.slice(0, 200)}`);
  return { cookie, token, headers: { cookie } };
}
