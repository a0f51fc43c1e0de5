import type { Session, WebContents } from 'electron';
import { isOnHost, PREVIEW_ORIGIN } from './protocol.ts';

// Electron's security checklist, in one place: https://www.electronjs.org/docs/latest/tutorial/security

/** The renderer's Content-Security-Policy in the desktop app: only its own files, the preview in a frame. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  `frame-src ${PREVIEW_ORIGIN}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export { PREVIEW_CSP } from '../shared/preview.ts';

export function isAppUrl(url: string): boolean {
  return isOnHost(url, 'app');
}

export function isPreviewUrl(url: string): boolean {
  return isOnHost(url, 'preview');
}

/** Only web addresses leave the app, and only after the person confirms. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export const REMOTE_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/** Every permission (camera, notifications, geolocation, ...) is refused: Candor needs none. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Nothing may be downloaded into the app by navigation.
  session.on('will-download', (event) => event.preventDefault());
  // No remote content: the app and the preview are candor:// only, so any network request is a mistake or an attack.
  session.webRequest.onBeforeRequest({ urls: REMOTE_URLS }, (_details, callback) => callback({ cancel: true }));
}

/**
 * No new windows, no navigation away from the app, no <webview>. The preview frame may move around inside the
 * built site only. Links the person wants to follow are opened through openExternal, which asks first.
 */
export function hardenContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) {
      if (!isAppUrl(event.url)) event.preventDefault();
    } else if (!isPreviewUrl(event.url)) {
      event.preventDefault();
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url) && !isPreviewUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
