import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFork } from './fake-utility.ts';
import type { FakeUtility } from './fake-utility.ts';

// The main process wired to a fake Electron: what the real runtime would be asked to do, in the order it happens.
// (The runtime itself cannot be downloaded here; test/e2e/electron.spec.ts drives it where it is installed.)

type Handler = (...args: unknown[]) => unknown;

function fakeElectron(lock: boolean) {
  const appListeners = new Map<string, Handler>();
  let ready!: () => void;
  const whenReady = new Promise<void>((r) => { ready = r; });
  const windows: { options: Record<string, unknown>; loaded: string[]; contents: { listeners: Map<string, Handler>; send: ReturnType<typeof vi.fn>; openHandler: Handler | null } }[] = [];
  const ipcHandlers = new Map<string, Handler>();
  const protocolHandlers = new Map<string, Handler>();
  const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn(), on: vi.fn(), webRequest: { onBeforeRequest: vi.fn() } };
  class BrowserWindow {
    static getAllWindows = () => windows;
    webContents: { on: (n: string, h: Handler) => void; setWindowOpenHandler: (h: Handler) => void; send: ReturnType<typeof vi.fn> };
    constructor(options: Record<string, unknown>) {
      const rec = { options, loaded: [] as string[], contents: { listeners: new Map<string, Handler>(), send: vi.fn(), openHandler: null as Handler | null } };
      windows.push(rec);
      this.webContents = { on: (n, h) => rec.contents.listeners.set(n, h), setWindowOpenHandler: (h) => { rec.contents.openHandler = h; }, send: rec.contents.send };
      this.loadURL = (url: string) => { rec.loaded.push(url); return Promise.resolve(); };
      // Like Electron: a new window's web contents is announced to the app.
      appListeners.get('web-contents-created')?.({}, this.webContents);
    }
    loadURL: (url: string) => Promise<void>;
    once() {}
    on() {}
    show() {}
    maximize() {}
    isDestroyed() { return false; }
    isMaximized() { return false; }
    isMinimized() { return false; }
    getNormalBounds() { return { x: 0, y: 0, width: 1200, height: 800 }; }
  }
  const electron = {
    app: {
      setName: vi.fn(), setPath: vi.fn(), getPath: () => process.env.CANDOR_USER_DATA!, getVersion: () => '0.1.0', isPackaged: true,
      requestSingleInstanceLock: vi.fn(() => lock),
      quit: vi.fn(),
      whenReady: () => whenReady,
      on: (name: string, h: Handler) => { appListeners.set(name, h); },
    },
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 1, checkboxChecked: false })) },
    shell: { openExternal: vi.fn(), openPath: vi.fn(), showItemInFolder: vi.fn() },
    ipcMain: { handle: (name: string, h: Handler) => { ipcHandlers.set(name, h); } },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: (scheme: string, h: Handler) => { protocolHandlers.set(scheme, h); } },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: { defaultSession: session },
    safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'gnome_libsecret', encryptString: (s: string) => Buffer.from(s).reverse(), decryptString: (b: Buffer) => Buffer.from(b).reverse().toString() },
    utilityProcess: { fork: vi.fn((modulePath: string, args: string[]) => {
      const child = fakeFork(modulePath, args);
      forked.push(child);
      return child;
    }) },
  };
  return { electron, appListeners, ready: () => ready(), windows, ipcHandlers, protocolHandlers, session };
}

let fake: ReturnType<typeof fakeElectron>;
const forked: FakeUtility[] = [];

beforeEach(() => {
  vi.resetModules();
  process.env.CANDOR_USER_DATA = mkdtempSync(join(tmpdir(), 'candor-shell-'));
});
afterEach(async () => {
  for (const child of forked.splice(0)) await child.worker.terminate();
  vi.doUnmock('electron');
  vi.doUnmock('electron-store');
});

async function start(lock = true) {
  fake = fakeElectron(lock);
  vi.doMock('electron', () => ({ ...fake.electron, default: fake.electron }));
  vi.doMock('electron-store', () => ({
    default: class {
      data: Record<string, unknown>;
      constructor(o: { defaults: Record<string, unknown> }) { this.data = structuredClone(o.defaults); }
      get(k: string) { return this.data[k]; }
      set(k: string, v: unknown) { this.data[k] = v; }
    },
  }));
  await import('../../electron/main/main.ts');
  fake.ready();
  await new Promise((r) => setTimeout(r, 20));
}

describe('the main process', () => {
  it('quits at once when another instance holds the lock', async () => {
    await start(false);
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
  });

  it('registers its scheme as privileged before ready, then hardens the session, serves candor:// and opens one secure window', async () => {
    await start();
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'candor', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(fake.session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.protocolHandlers.has('candor')).toBe(true);
    expect(fake.ipcHandlers.has('candor:invoke')).toBe(true);
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(1);
    const w = fake.windows[0]!;
    expect(w.loaded).toEqual(['candor://app/index.html']);
    expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, disableBlinkFeatures: 'Auxclick' });
    expect(String((w.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]preload\.cjs$/);
    expect(w.contents.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('runs the core in a utility process, not in main, and passes its progress on to the window', async () => {
    await start();
    expect(fake.electron.utilityProcess.fork).toHaveBeenCalledTimes(1);
    const [modulePath, args] = fake.electron.utilityProcess.fork.mock.calls[0]!;
    expect(modulePath).toMatch(/host-process\.js$/);
    expect(JSON.parse(args.at(-1)!)).toMatchObject({ secrets: 'parent', documentsDir: process.env.CANDOR_USER_DATA });
    const invoke = fake.ipcHandlers.get('candor:invoke')!;
    const trusted = { senderFrame: { url: 'candor://app/index.html', parent: null } };
    const dir = join(mkdtempSync(join(tmpdir(), 'candor-ws-')), 'acme');
    expect(await invoke(trusted, 'workspace.init', { dir, name: 'Acme' })).toMatchObject({ ok: true });
    // The core's progress reaches the window on the progress channel.
    const imported = await invoke(trusted, 'imports.run', { files: [join(import.meta.dirname, '../fixtures/import/zendesk/tickets.json')] });
    expect(imported).toMatchObject({ ok: true });
    expect(fake.windows[0]!.contents.send).toHaveBeenCalledWith('candor:progress', expect.objectContaining({ job: 'import' }));
    // A core process that dies fails the window's calls with a message, instead of leaving them waiting.
    await forked[0]!.worker.terminate();
    expect(await invoke(trusted, 'workspace.current', {})).toMatchObject({ ok: false, error: { code: 'CORE_GONE' } });
  });

  it('answers the window through the core, refusing other senders', async () => {
    await start();
    const invoke = fake.ipcHandlers.get('candor:invoke')!;
    const trusted = { senderFrame: { url: 'candor://app/index.html', parent: null } };
    expect(await invoke(trusted, 'app.info', {})).toMatchObject({ ok: true, value: { shell: 'electron', dialogs: true } });
    expect(await invoke(trusted, 'workspace.current', {})).toEqual({ ok: true, value: null });
    expect(await invoke({ senderFrame: { url: 'candor://preview/index.html', parent: null } }, 'workspace.current', {})).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it('keeps recent workspaces, refreshes the menu, and closes the database on quit', async () => {
    await start();
    const invoke = fake.ipcHandlers.get('candor:invoke')!;
    const trusted = { senderFrame: { url: 'candor://app/index.html', parent: null } };
    const dir = join(mkdtempSync(join(tmpdir(), 'candor-ws-')), 'acme');
    expect(await invoke(trusted, 'workspace.init', { dir, name: 'Acme' })).toMatchObject({ ok: true });
    await invoke(trusted, 'app.recent.add', { dir, name: 'Acme' });
    expect(await invoke(trusted, 'app.recent.list', {})).toMatchObject({ ok: true, value: { workspaces: [{ dir, name: 'Acme' }] } });
    const menus = fake.electron.Menu.buildFromTemplate.mock.calls;
    const lastFile = (menus[menus.length - 1]![0] as { submenu: { label?: string; submenu?: { label?: string }[]; enabled?: boolean }[] }[])[0]!.submenu;
    expect(lastFile.find((i) => i.label === 'Open Recent')!.submenu![0]!.label).toContain('Acme');
    expect(lastFile.find((i) => i.label === 'Import…')!.enabled).toBe(true);
    expect(existsSync(join(dir, '.candor-session'))).toBe(true);
    // Quitting waits for the core process to close the database (the session marker goes with it), then quits.
    const preventDefault = vi.fn();
    fake.appListeners.get('before-quit')!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.electron.app.quit).toHaveBeenCalled(), { timeout: 10_000 });
    expect(existsSync(join(dir, '.candor-session'))).toBe(false);
  });

  it('sends menu commands to the window on the progress channel', async () => {
    await start();
    const template = fake.electron.Menu.buildFromTemplate.mock.calls.at(-1)![0] as { submenu: { label?: string; click?: () => void }[] }[];
    template[0]!.submenu.find((i) => i.label === 'Import…')!.click!();
    expect(fake.windows[0]!.contents.send).toHaveBeenCalledWith('candor:progress', { job: 'menu', phase: 'import', done: 0, total: 0, unit: 'records' });
  });
});
