import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeFork } from './fake-utility.ts';
import type { FakeUtility } from './fake-utility.ts';

// What electron-builder packages is the bundle, not the sources: build it (as `npm run build` does, into a
// temporary folder), then load it the way Electron would — against a fake electron module, since the runtime is not
// installed here — and check the parts that bundling can break: one self-contained main, the core's files found
// from dist/ (themes, the render worker), and a preload that is a single CommonJS file.

const REPO = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'candor-bundle-'));
const handlers = new Map<string, (...args: unknown[]) => unknown>();
let ready!: () => void;
const forked: FakeUtility[] = [];

beforeAll(async () => {
  await build({ configFile: join(REPO, 'vite.config.ts'), root: REPO, mode: 'main', logLevel: 'silent', build: { outDir: join(out, 'main'), emptyOutDir: true } });
  await build({ configFile: join(REPO, 'vite.config.ts'), root: REPO, mode: 'preload', logLevel: 'silent', build: { outDir: join(out, 'preload'), emptyOutDir: true } });
}, 120_000);

afterAll(async () => {
  for (const child of forked) await child.worker.terminate();
  vi.doUnmock('electron');
});

describe('the packaged bundles', () => {
  it('has a preload that is one CommonJS file needing only electron', () => {
    const preload = readFileSync(join(out, 'preload/preload.cjs'), 'utf8');
    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload.match(/require\(/g)).toHaveLength(1);
    expect(preload).not.toMatch(/^import /m);
    expect(preload).toContain('exposeInMainWorld("candor"');
  });

  it('keeps the core’s process and workers beside main.js and points the core at them', () => {
    const bundled = readdirSync(join(out, 'main')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(out, 'main', f), 'utf8')).join('\n');
    expect(existsSync(join(out, 'main/host-process.js'))).toBe(true);
    for (const worker of ['render-worker', 'read-worker']) {
      expect(existsSync(join(out, `main/${worker}.js`))).toBe(true);
      expect(bundled).toContain(`new URL("./${worker}.js", import.meta.url)`);
    }
    expect(bundled).not.toMatch(/new URL\("[^"]+\.ts", import\.meta\.url\)/);
    expect(bundled).not.toMatch(/from "(zod|liquidjs|marked|csv-parse)"/);
    // The core (SQLite) is not in the main process's own module graph: main only forwards to the core process.
    const main = readFileSync(join(out, 'main/main.js'), 'utf8');
    const imported = [...main.matchAll(/from "\.\/([^"]+)"/g)].map((m) => readFileSync(join(out, 'main', m[1]!), 'utf8')).join('\n');
    expect(main + imported).not.toContain('node:sqlite');
  });

  it('starts against Electron’s API and answers the window from the bundled core', async () => {
    const whenReady = new Promise<void>((r) => { ready = r; });
    const electron = {
      app: { setName: vi.fn(), setPath: vi.fn(), getPath: () => join(out, 'user-data'), getName: () => 'Candor', getVersion: () => '0.1.0', isPackaged: true, requestSingleInstanceLock: () => true, quit: vi.fn(), whenReady: () => whenReady, on: vi.fn() },
      BrowserWindow: class {
        webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn(), send: vi.fn() };
        static getAllWindows = () => [];
        loadURL = async () => undefined;
        once() {} on() {} show() {} maximize() {}
        isDestroyed() { return false; }
      },
      dialog: {}, shell: {},
      ipcMain: { handle: (name: string, h: (...args: unknown[]) => unknown) => handlers.set(name, h), on: vi.fn() },
      Menu: { buildFromTemplate: () => ({}), setApplicationMenu: vi.fn() },
      nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      screen: { getAllDisplays: () => [] },
      session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn(), on: vi.fn(), webRequest: { onBeforeRequest: vi.fn() } } },
      safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'gnome_libsecret', encryptString: (t: string) => Buffer.from(t).reverse(), decryptString: (b: Buffer) => Buffer.from(b).reverse().toString() },
      // The bundled host-process.js runs for real, on a worker thread standing in for the utility process.
      utilityProcess: { fork: (modulePath: string, args: string[]) => {
        const child = fakeFork(modulePath, args);
        forked.push(child);
        return child;
      } },
    };
    vi.doMock('electron', () => ({ ...electron, default: electron }));
    await import(/* @vite-ignore */ pathToFileURL(join(out, 'main/main.js')).href);
    ready();
    await new Promise((r) => setTimeout(r, 20));
    const invoke = handlers.get('candor:invoke')!;
    const trusted = { senderFrame: { url: 'candor://app/index.html', parent: null } };
    // The themes are found from dist/main (static-templates sits two folders up in the app, as in the repository).
    const themes = await invoke(trusted, 'site.themes', {}) as { ok: boolean; value: { themes: { name: string }[] } };
    expect(themes.ok).toBe(true);
    expect(themes.value.themes.map((t) => t.name)).toContain('default');
    const dir = join(out, 'ws');
    expect(await invoke(trusted, 'workspace.init', { dir, name: 'Bundle' })).toMatchObject({ ok: true });
    const built = await invoke(trusted, 'site.preview', {}) as { ok: boolean; value: { pages: number } };
    expect(built).toMatchObject({ ok: true });
    expect(built.value.pages).toBeGreaterThan(3);
  }, 60_000);

  it('keeps publish credentials with safeStorage, and loads the bundled S3, SSH and git clients when publishing', async () => {
    const invoke = handlers.get('candor:invoke')!;
    const trusted = { senderFrame: { url: 'candor://app/index.html', parent: null } };
    const call = (channel: string, req: unknown) => invoke(trusted, channel, req) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
    const site = join(out, 'ws', '.site-preview', 'default');
    const targets = [
      { name: 'r2', kind: 's3', settings: { bucket: 'site-bucket', endpoint: 'http://127.0.0.1:1' }, secrets: { accessKeyId: 'AKIA-BUNDLE', secretAccessKey: 'bundle-secret' }, error: /ECONNREFUSED/ },
      { name: 'host', kind: 'sftp', settings: { host: '127.0.0.1', port: 1, username: 'u', dir: 'www' }, secrets: { password: 'bundle-password' }, error: /Could not connect to 127\.0\.1:1|Could not connect to 127\.0\.0\.1:1/ },
      { name: 'pages', kind: 'git', settings: { url: join(out, 'no-such-repo.git') }, secrets: {}, error: /Could not reach|git command is not installed/ },
    ];
    for (const t of targets) {
      expect(await call('publish.targets.save', { name: t.name, kind: t.kind, settings: t.settings })).toMatchObject({ ok: true });
      if (Object.keys(t.secrets).length) expect(await call('publish.credentials.set', { target: t.name, values: t.secrets })).toMatchObject({ ok: true });
      const r = await call('publish.run', { target: t.name, dir: site });
      expect(r.ok, JSON.stringify(r)).toBe(false);
      expect(r.error?.message).toMatch(t.error);
    }
    const stored = readFileSync(join(out, 'user-data', 'publish-credentials.json'), 'utf8');
    expect(stored).not.toContain('bundle-secret');
    expect(stored).not.toContain('bundle-password');
    expect(Object.keys((JSON.parse(stored) as { targets: object }).targets)).toHaveLength(2);
  }, 60_000);
});
