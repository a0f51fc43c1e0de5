import { randomBytes, timingSafeEqual } from 'node:crypto';
import { previewTracker } from '../shared/preview.ts';
import type { PreviewTracker } from '../shared/preview.ts';

// Who may use `npm run web`, and which tab is which. The browser proves itself with a cookie that only the one-time
// link printed on the terminal sets (HttpOnly, SameSite=Strict): no page and no other local process can ask for it.
// Each page load of the app is then a tab session of its own, with its own core session (its own open workspace)
// and its own preview folder; its id is useless without the browser's cookie.

export const BROWSER_COOKIE = 'candor_browser';

export type TabSession = {
  id: string;
  browser: string;
  /** The path segment of this tab's preview on the preview origin (unguessable: the preview shows workspace data). */
  previewKey: string;
  preview: PreviewTracker;
  /** The id of the workspace the core says this tab has open ('' for none). */
  workspace: string;
  streams: number;
  endTimer: NodeJS.Timeout | null;
};

export type WebSessions = {
  /** The one-time link's key: a new browser cookie value the first time, null after (or for a wrong key). */
  login: (key: string) => string | null;
  /** The signed-in browser a request's Cookie header names, or null. */
  browserOf: (cookieHeader: string | undefined) => string | null;
  newTab: (browser: string) => TabSession;
  tab: (browser: string, id: string) => TabSession | null;
  byPreviewKey: (key: string) => TabSession | null;
  /** A tab's progress stream opened or closed: a tab with none for `graceMs` is over (closed or reloaded). */
  streamOpened: (tab: TabSession) => void;
  streamClosed: (tab: TabSession) => void;
  tabs: () => TabSession[];
};

const id = (bytes = 24) => randomBytes(bytes).toString('base64url');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function webSessions(options: { loginKey: string; onEnd: (tab: TabSession) => void; graceMs?: number }): WebSessions {
  let loginUsed = false;
  const browsers = new Set<string>();
  const tabs = new Map<string, TabSession>();
  const previews = new Map<string, TabSession>();
  const end = (tab: TabSession) => {
    tabs.delete(tab.id);
    previews.delete(tab.previewKey);
    options.onEnd(tab);
  };
  return {
    login(key) {
      if (loginUsed || !same(key, options.loginKey)) return null;
      loginUsed = true;
      const browser = id(32);
      browsers.add(browser);
      return browser;
    },
    browserOf(header) {
      const value = cookieValue(header, BROWSER_COOKIE);
      if (!value) return null;
      for (const b of browsers) if (same(b, value)) return b;
      return null;
    },
    newTab(browser) {
      const tab: TabSession = { id: id(), browser, previewKey: id(18), preview: previewTracker(), workspace: '', streams: 0, endTimer: null };
      tabs.set(tab.id, tab);
      previews.set(tab.previewKey, tab);
      return tab;
    },
    tab(browser, tabId) {
      const tab = tabs.get(tabId);
      return tab && tab.browser === browser ? tab : null;
    },
    byPreviewKey: (key) => previews.get(key) ?? null,
    streamOpened(tab) {
      tab.streams += 1;
      if (tab.endTimer) clearTimeout(tab.endTimer);
      tab.endTimer = null;
    },
    streamClosed(tab) {
      tab.streams -= 1;
      if (tab.streams > 0 || !tabs.has(tab.id)) return;
      tab.endTimer = setTimeout(() => end(tab), options.graceMs ?? 30_000);
      tab.endTimer.unref();
    },
    tabs: () => [...tabs.values()],
  };
}
