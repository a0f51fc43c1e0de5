import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { hardenContents, hardenSession, isAppUrl, isPreviewUrl, isSafeExternalUrl, APP_CSP } = await import('../../electron/main/security.ts');

type Listener = (...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    open: (url: string) => openHandler!({ url }),
    emit(name: string, ...args: unknown[]) {
      listeners.get(name)!(...args);
    },
    contents: {
      setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => {
        openHandler = h;
      },
      on: (name: string, l: Listener) => listeners.set(name, l),
    },
  };
}

function event(extra: Record<string, unknown> = {}) {
  return { prevented: false, preventDefault() { this.prevented = true; }, ...extra };
}

describe('the renderer’s content security policy', () => {
  it('has a strict CSP: own scripts only, no objects, the preview only in a frame', () => {
    expect(APP_CSP).toContain("default-src 'self'");
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toMatch(/script-src[^;]*unsafe/);
    expect(APP_CSP).toContain("object-src 'none'");
    expect(APP_CSP).toContain('frame-src candor://preview');
  });
});

describe('which addresses are which', () => {
  it.each([
    ['candor://app/index.html', true, false],
    ['candor://preview/index.html', false, true],
    ['https://example.com/', false, false],
    ['file:///etc/passwd', false, false],
    ['not a url', false, false],
  ])('%s: app %s, preview %s', (url, app, preview) => {
    expect(isAppUrl(url)).toBe(app);
    expect(isPreviewUrl(url)).toBe(preview);
  });

  it.each([
    ['https://example.com/page', true],
    ['http://example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['mailto:someone@example.com', false],
    ['smb://server/share', false],
    ['https://user:pass@example.com', false],
    ['candor://app/index.html', false],
    ['', false],
  ])('openExternal allows %s: %s', (url, ok) => {
    expect(isSafeExternalUrl(url)).toBe(ok);
  });
});

describe('hardened web contents', () => {
  it('denies every new window, passing only web links on to be confirmed', () => {
    const f = fakeContents();
    const openExternal = vi.fn();
    hardenContents(f.contents as never, openExternal);
    expect(f.open('https://example.com')).toEqual({ action: 'deny' });
    expect(f.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://example.com');
  });

  it('stops navigation away from the app and frame navigation outside the preview', () => {
    const f = fakeContents();
    hardenContents(f.contents as never, vi.fn());
    const away = event();
    f.emit('will-navigate', away, 'https://evil.example/');
    expect(away.prevented).toBe(true);
    const inside = event();
    f.emit('will-navigate', inside, 'candor://app/index.html#/inbox');
    expect(inside.prevented).toBe(false);

    const frameOk = event({ isMainFrame: false, url: 'candor://preview/threads/' });
    f.emit('will-frame-navigate', frameOk);
    expect(frameOk.prevented).toBe(false);
    const frameBad = event({ isMainFrame: false, url: 'https://evil.example/' });
    f.emit('will-frame-navigate', frameBad);
    expect(frameBad.prevented).toBe(true);
    const frameToApp = event({ isMainFrame: false, url: 'candor://app/index.html' });
    f.emit('will-frame-navigate', frameToApp);
    expect(frameToApp.prevented).toBe(true);

    const webview = event();
    f.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
  });

  it('refuses every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => { request = h; },
      setPermissionCheckHandler: (h: typeof check) => { check = h; },
      setDevicePermissionHandler: vi.fn(),
      on: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
    };
    hardenSession(session as never);
    // Any remote request is cancelled.
    const [filter, block] = session.webRequest.onBeforeRequest.mock.calls[0]! as [{ urls: string[] }, (d: unknown, cb: (r: { cancel: boolean }) => void) => void];
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'wss://*/*']));
    const cb = vi.fn();
    block({ url: 'https://tracker.example/pixel.gif' }, cb);
    expect(cb).toHaveBeenCalledWith({ cancel: true });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      request!(null, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(check!()).toBe(false);
  });
});
