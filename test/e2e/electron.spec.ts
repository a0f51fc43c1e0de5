import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import { FIXTURES, REPO, scratch, SCREENS } from './helpers.ts';

// The desktop shell itself: launch, menu, open a workspace, export. Runs wherever the Electron runtime is installed;
// the npm package alone has no runtime (it is downloaded by node_modules/electron/install.js).
//
// The runtime's path is worked out the way `require('electron')` does (path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH)
// but without requiring it: electron 45's index.js starts a download when the runtime is missing, and tests never
// use the network.
function electronBinary(): string | null {
  const pkg = join(REPO, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  const exe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const full = override ? join(override, exe ?? 'electron') : exe ? join(pkg, 'dist', exe) : null;
  return full && existsSync(full) ? full : null;
}

const binary = electronBinary();
const MISSING = 'SKIPPED: the Electron runtime is missing (node_modules/electron has no downloaded binary; `require("electron")` has no executable). '
  + 'Install it with `node node_modules/electron/install.js` on a machine with network access to run this test. '
  + 'The shell is covered meanwhile by test/shell (main process wiring against a mocked electron module).';

test.describe('the Electron shell', () => {
  test.skip(!binary, MISSING);
  if (!binary) console.warn(`\n${MISSING}\n`);

  let app: ElectronApplication;
  const root = scratch('electron');

  test.beforeAll(async () => {
    test.skip(!existsSync(join(REPO, 'dist/main/main.js')), 'Build first: npm run build');
    app = await electron.launch({
      executablePath: binary!,
      args: [join(REPO, 'dist/main/main.js'), '--no-sandbox'],
      env: { ...process.env, CANDOR_USER_DATA: join(root, 'user-data'), CANDOR_ACTOR: 'electron-e2e' },
    });
  });

  test.afterAll(async () => {
    await app?.close();
  });

  /** Clicks an application-menu item by its labels (File › Open Workspace…), as the person would. */
  async function menu(...path: string[]): Promise<void> {
    await app.evaluate(({ Menu }, labels) => {
      let items = Menu.getApplicationMenu()!.items;
      let item: Electron.MenuItem | undefined;
      for (const label of labels) {
        item = items.find((i) => i.label.replace('&', '') === label);
        if (!item) throw new Error(`No menu item "${label}"`);
        items = item.submenu?.items ?? [];
      }
      item!.click();
    }, path);
  }

  /** Answers the next native open dialog with these paths (the dialog itself cannot be driven). */
  async function answerDialog(paths: string[]): Promise<void> {
    await app.evaluate(({ dialog }, filePaths) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths })) as typeof dialog.showOpenDialog;
    }, paths);
  }

  test('launches one secure window with the application menu', async () => {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Welcome to Candor' })).toBeVisible();
    mkdirSync(SCREENS, { recursive: true });
    await window.screenshot({ path: join(SCREENS, 'electron-01-welcome.png') });
    const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.items.map((i) => i.label.replace('&', '')));
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    const prefs = await app.evaluate(({ BrowserWindow }) => (BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences: () => Record<string, unknown> }).getLastWebPreferences());
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(await window.evaluate(() => Object.keys((window as unknown as { candor: object }).candor).sort())).toEqual(['invoke', 'onProgress']);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(window.url()).toBe('candor://app/index.html');
  });

  test('opens a workspace from the File menu and exports its site', async () => {
    const window = await app.firstWindow();
    // Make a workspace with the app itself, through the same dialogs.
    const dir = join(root, 'acme');
    await answerDialog([dir]);
    await menu('File', 'New Workspace…');
    await window.getByLabel('Organisation name').fill('Acme Electron');
    await window.getByRole('button', { name: 'Choose…' }).click();
    await expect(window.getByLabel('Workspace folder')).toHaveValue(dir);
    await window.getByRole('button', { name: 'Create workspace', exact: true }).click();
    await expect(window.getByRole('heading', { name: 'Conversations' })).toBeVisible();
    await menu('File', 'Close Workspace');
    await expect(window.getByRole('heading', { name: 'Welcome to Candor' })).toBeVisible();

    await answerDialog([dir]);
    await menu('File', 'Open Workspace…');
    await expect(window.getByRole('heading', { name: 'Conversations' })).toBeVisible();

    await answerDialog([join(FIXTURES, 'import/zendesk/tickets.json')]);
    await menu('File', 'Import…');
    await window.getByRole('button', { name: 'Choose files…' }).click();
    await window.getByRole('button', { name: 'Import this file' }).click();
    await expect(window.getByText('Import finished')).toBeVisible();

    const out = join(root, 'site');
    await answerDialog([out]);
    await menu('File', 'Export Site…');
    await window.getByRole('button', { name: 'Choose…' }).click();
    await window.getByRole('button', { name: 'Export site' }).click();
    await expect(window.getByText('The site is ready').first()).toBeVisible({ timeout: 60_000 });
    await window.screenshot({ path: join(SCREENS, 'electron-02-exported.png') });
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);

    // The in-app preview is served by the candor://preview protocol.
    await window.getByRole('tab', { name: 'Settings & preview' }).click();
    const frame = window.frameLocator('iframe[title="Preview of the public site"]');
    await expect(frame.locator('body')).toContainText('Acme Electron');
  });
});
