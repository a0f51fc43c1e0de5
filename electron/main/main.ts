// Candor's main process: a thin shell. It owns the window, the menu, dialogs and the custom protocol, and passes
// every call from the window through one checked IPC channel to the core, which runs in a utility process of its
// own (core-host.ts), so nothing the core does can freeze the window. No workspace logic lives here.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, safeStorage, screen, session, shell, utilityProcess } from 'electron';
import { join } from 'node:path';
import Store from 'electron-store';
import type { HostClient } from '../core/host-client.ts';
import { shutdownCore, startCoreProcess } from './core-host.ts';
import type { ProgressEvent } from '../shared/contract.ts';
import { previewTracker } from '../shared/preview.ts';
import type { MenuCommand } from '../shared/menu.ts';
import { menuEvent } from '../shared/menu.ts';
import { CREDENTIALS_FILE, keychainSecretStore } from './credentials.ts';
import { createDispatcher, PROGRESS_CHANNEL, registerIpc } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { bundlePaths } from './paths.ts';
import { throttleProgress } from './progress.ts';
import { APP_URL, protocolResponse, resolveProtocolRequest, SCHEME } from './protocol.ts';
import { APP_CSP, hardenContents, hardenSession, PREVIEW_CSP } from './security.ts';
import { confirmAndOpenExternal, createShellHandlers, SHELL_DEFAULTS } from './shell-handlers.ts';
import type { ShellData } from './shell-handlers.ts';
import { MIN_SIZE, restoreBounds } from './window-state.ts';

const APP_NAME = 'Candor';
app.setName(APP_NAME);
// Tests and portable setups may keep settings elsewhere.
if (process.env.CANDOR_USER_DATA) app.setPath('userData', process.env.CANDOR_USER_DATA);

// Must run before "ready": the scheme is standard (relative URLs resolve) and secure (like https).
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const paths = bundlePaths(import.meta.url);
  const store = new Store<ShellData>({ name: 'candor-app', defaults: SHELL_DEFAULTS, clearInvalidConfig: true });
  // Publish targets' credentials: encrypted by the system keychain, in the user data folder, never in a workspace.
  // The core process asks main for them (safeStorage exists only here).
  const secrets = keychainSecretStore({ safeStorage, file: () => join(app.getPath('userData'), CREDENTIALS_FILE), platform: process.platform });
  // A utility process can only be started once the app is ready; calls wait for it.
  let coreClient: HostClient | null = null;
  let startCore: (core: HostClient) => void = () => undefined;
  const coreStarted = new Promise<HostClient>((resolve) => {
    startCore = (core) => {
      coreClient = core;
      resolve(core);
    };
  });
  const WINDOW_SESSION = 'window';
  const preview = previewTracker();
  let win: BrowserWindow | null = null;
  let workspaceOpen = false;
  let quitting = false;

  const send = (event: ProgressEvent) => {
    if (win && !win.isDestroyed()) win.webContents.send(PROGRESS_CHANNEL, event);
  };
  const command = (c: MenuCommand, detail?: string) => {
    if (!win) createWindow();
    win?.show();
    send(menuEvent(c, detail));
  };
  const deps = {
    dialog,
    shell,
    window: () => win,
  };

  const refreshMenu = () => {
    nativeTheme.themeSource = store.get('theme');
    const template = buildMenuTemplate(
      { appName: APP_NAME, platform: process.platform, recent: store.get('recent'), theme: store.get('theme'), workspaceOpen, isDev: !app.isPackaged },
      {
        command,
        setTheme: (theme) => {
          store.set('theme', theme);
          refreshMenu();
          send(menuEvent('set-theme', theme));
        },
        clearRecent: () => {
          store.set('recent', []);
          refreshMenu();
        },
        about: () => {
          void dialog.showMessageBox({ type: 'info', title: `About ${APP_NAME}`, message: `${APP_NAME} ${app.getVersion()}`, detail: 'Publish honest transparency sites: whole customer conversations, computed statistics and sustainability claims with their evidence.\n\nEverything stays on this computer until you export the site.', buttons: ['OK'] });
        },
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const shellHandlers = createShellHandlers({ ...deps, store, version: app.getVersion(), platform: process.platform, changed: refreshMenu });
  const coreDispatch = preview.wrap(async (channel, request) => (await coreStarted).dispatchFor(WINDOW_SESSION)(channel, request));
  const dispatch = createDispatcher(async (channel, request) => {
    const result = await coreDispatch(channel, request);
    if (result.ok && (channel === 'workspace.open' || channel === 'workspace.init' || channel === 'app.demo' || channel === 'workspace.close')) {
      workspaceOpen = channel !== 'workspace.close';
      refreshMenu();
    }
    return result;
  }, shellHandlers);
  const progress = throttleProgress(send);
  void coreStarted.then((core) => core.onProgress((_session, event) => progress(event)));

  function createWindow(): void {
    const bounds = restoreBounds(store.get('window'), screen.getAllDisplays().map((d) => d.workArea));
    win = new BrowserWindow({
      ...bounds,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      title: APP_NAME,
      icon: paths.icon,
      show: false,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f7f5',
      // Electron's security checklist, spelled out here (Electronegativity reads this literal): isolated, sandboxed,
      // no Node, web security on, no <webview>, no middle-click windows.
      webPreferences: {
        preload: paths.preload, /* eng-disable PRELOAD_JS_CHECK -- reviewed: the preload exposes only invoke() and onProgress() through contextBridge */
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    if (store.get('window').maximized) win.maximize();
    win.once('ready-to-show', () => win?.show());
    const saveBounds = () => {
      if (!win || win.isDestroyed()) return;
      const maximized = win.isMaximized();
      store.set('window', maximized ? { ...store.get('window'), maximized } : { ...win.getNormalBounds(), maximized });
    };
    win.on('resized', saveBounds);
    win.on('moved', saveBounds);
    win.on('close', saveBounds);
    win.on('closed', () => {
      win = null;
    });
    void win.loadURL(APP_URL);
  }

  app.on('second-instance', (_event, argv) => {
    if (!win) createWindow();
    if (win?.isMinimized()) win.restore();
    win?.focus();
    // `candor-app <workspace folder>` from a second launch opens that workspace in the running window.
    const folder = argv.slice(app.isPackaged ? 1 : 2).find((a) => !a.startsWith('-'));
    if (folder) send(menuEvent('open-recent', folder));
  });

  // Every web contents, the window's and any frame's, gets the same rules the moment it exists.
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, (url) => void confirmAndOpenExternal(url, deps));
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    startCore(startCoreProcess((modulePath, args, options) => utilityProcess.fork(modulePath, args, options), paths.coreProcess, { secrets: 'parent', documentsDir: app.getPath('documents') }, secrets));
    protocol.handle(SCHEME, (request) => protocolResponse(resolveProtocolRequest(request.url, { app: paths.renderer, preview: preview.dir }, { app: APP_CSP, preview: PREVIEW_CSP })));
    registerIpc(ipcMain, dispatch);
    refreshMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Orderly shutdown: the core closes the database (WAL checkpointed, session marker removed), then the app quits.
  app.on('before-quit', (event?: { preventDefault: () => void }) => {
    if (quitting || !coreClient) return;
    quitting = true;
    event?.preventDefault();
    void shutdownCore(coreClient).finally(() => app.quit());
  });
}
