import type { BrowserWindow, Dialog, OpenDialogOptions, Shell } from 'electron';
import { statSync } from 'node:fs';
import { addRecent } from '../shared/contract/app.ts';
import type { PickPurpose, Preferences, RecentWorkspace, ThemePreference } from '../shared/contract/app.ts';
import type { ShellHandlers } from './ipc.ts';
import { PREVIEW_ORIGIN } from './protocol.ts';
import { isSafeExternalUrl } from './security.ts';
import type { WindowState } from './window-state.ts';

/** What the shell keeps between runs (electron-store in the app; an in-memory fake in tests). */
export type ShellData = { window: WindowState; theme: ThemePreference; recent: RecentWorkspace[] };
type ShellStore = { get: <K extends keyof ShellData>(key: K) => ShellData[K]; set: <K extends keyof ShellData>(key: K, value: ShellData[K]) => void };

export const SHELL_DEFAULTS: ShellData = { window: {}, theme: 'system', recent: [] };

export type ShellDeps = {
  store: ShellStore;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox'>;
  shell: Pick<Shell, 'openExternal' | 'openPath' | 'showItemInFolder'>;
  window: () => BrowserWindow | null;
  version: string;
  platform: NodeJS.Platform;
  /** Called when recents or the theme change, so the menu and nativeTheme follow. */
  changed: () => void;
};

const IMPORT_EXTENSIONS = ['json', 'ndjson', 'jsonl', 'csv', 'tsv', 'txt', 'mbox', 'eml'];

/** The native dialog for each purpose: what can be chosen and what the dialog says. */
export function dialogOptions(purpose: PickPurpose, title?: string, defaultPath?: string): OpenDialogOptions {
  const base = (o: OpenDialogOptions): OpenDialogOptions => ({ ...o, ...(title ? { title } : {}), ...(defaultPath ? { defaultPath } : {}) });
  switch (purpose) {
    case 'workspace-new':
      return base({ title: 'Choose an empty folder for the new workspace', buttonLabel: 'Create Workspace Here', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] });
    case 'workspace-open':
      return base({ title: 'Open a Candor workspace', buttonLabel: 'Open Workspace', properties: ['openDirectory'] });
    case 'import-files':
      return base({ title: 'Choose files to import', buttonLabel: 'Import', properties: ['openFile', 'multiSelections'], filters: [{ name: 'Exports Candor can read', extensions: IMPORT_EXTENSIONS }, { name: 'All files', extensions: ['*'] }] });
    case 'evidence-file':
      return base({ title: 'Attach evidence', buttonLabel: 'Attach', properties: ['openFile'], filters: [{ name: 'Documents', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'csv', 'xlsx', 'docx', 'txt', 'json'] }, { name: 'All files', extensions: ['*'] }] });
    case 'logo-file':
      return base({ title: 'Choose a logo', buttonLabel: 'Use This Logo', properties: ['openFile'], filters: [{ name: 'Images (PNG, JPEG, WebP)', extensions: ['png', 'jpg', 'jpeg', 'webp'] }] });
    case 'export-folder':
      return base({ title: 'Choose where to export the site', buttonLabel: 'Export Here', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] });
  }
}

export function createShellHandlers(deps: ShellDeps): ShellHandlers {
  const recentList = () => ({ workspaces: deps.store.get('recent') });
  return {
    'app.info': () => ({ shell: 'electron', version: deps.version, platform: deps.platform, dialogs: true, openPaths: true, previewBase: `${PREVIEW_ORIGIN}/` }),
    'app.recent.list': () => recentList(),
    'app.recent.add': (req) => {
      deps.store.set('recent', addRecent(deps.store.get('recent'), { dir: req.dir, name: req.name, openedAt: new Date().toISOString() }));
      deps.changed();
      return recentList();
    },
    'app.recent.remove': (req) => {
      deps.store.set('recent', deps.store.get('recent').filter((w) => w.dir !== req.dir));
      deps.changed();
      return recentList();
    },
    'app.preferences.get': (): Preferences => ({ theme: deps.store.get('theme') }),
    'app.preferences.set': (req): Preferences => {
      if (req.theme) {
        deps.store.set('theme', req.theme);
        deps.changed();
      }
      return { theme: deps.store.get('theme') };
    },
    'app.pick': async (req) => {
      const options = dialogOptions(req.purpose, req.title, req.defaultPath);
      const win = deps.window();
      const result = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
      return { paths: result.canceled ? [] : result.filePaths };
    },
    'app.openPath': async (req) => {
      // Folders open in the file manager and web pages in the browser (an exported site); any other file is only
      // shown in its folder, never run.
      const st = statSync(req.path, { throwIfNoEntry: false });
      if (!st) throw Object.assign(new Error(`${req.path} does not exist.`), { code: 'NOT_FOUND' });
      if (st.isDirectory() || (st.isFile() && /\.html?$/i.test(req.path))) {
        const error = await deps.shell.openPath(req.path);
        if (error) throw Object.assign(new Error(`Could not open ${req.path}: ${error}`), { code: 'OPEN_FAILED' });
      } else {
        deps.shell.showItemInFolder(req.path);
      }
      return { opened: true };
    },
    'app.openExternal': async (req) => {
      const opened = await confirmAndOpenExternal(req.url, deps);
      return { opened };
    },
  };
}

/** http(s) only, and only after the person says yes in a native dialog that shows the address. */
export async function confirmAndOpenExternal(url: string, deps: Pick<ShellDeps, 'dialog' | 'shell' | 'window'>): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  const options = {
    type: 'question' as const,
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    title: 'Open in your browser?',
    message: 'Open this address in your web browser?',
    detail: url,
  };
  const win = deps.window();
  const { response } = win ? await deps.dialog.showMessageBox(win, options) : await deps.dialog.showMessageBox(options);
  if (response !== 0) return false;
  // Checked above: an http(s) address without credentials, shown to and confirmed by the person.
  await deps.shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  return true;
}
