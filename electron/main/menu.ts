import type { MenuItemConstructorOptions } from 'electron';
import type { RecentWorkspace, ThemePreference } from '../shared/contract/app.ts';
import type { MenuCommand } from '../shared/menu.ts';

export type MenuActions = {
  /** Tells the window to start a workflow (the window owns dialogs' follow-up: wizard steps, errors). */
  command: (command: MenuCommand, detail?: string) => void;
  setTheme: (theme: ThemePreference) => void;
  clearRecent: () => void;
  about: () => void;
};

export type MenuState = { appName: string; platform: NodeJS.Platform; recent: readonly RecentWorkspace[]; theme: ThemePreference; workspaceOpen: boolean; isDev: boolean };

/**
 * The application menu, as data: File, Edit, View, (Window on macOS), Help, following each platform's conventions
 * (the app menu and "Close" on macOS; "Quit"/"Exit" under File elsewhere; About under Help outside macOS).
 */
export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = state.recent.length
    ? [
        ...state.recent.map((w): MenuItemConstructorOptions => ({ label: `${w.name} — ${w.dir}`, click: () => actions.command('open-recent', w.dir) })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No recent workspaces', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: mac ? 'File' : '&File',
    submenu: [
      { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => actions.command('new-workspace') },
      { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => actions.command('open-workspace') },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', enabled: state.workspaceOpen, click: () => actions.command('import') },
      { label: 'Export Site…', accelerator: 'CmdOrCtrl+E', enabled: state.workspaceOpen, click: () => actions.command('export-site') },
      { type: 'separator' },
      { label: 'Close Workspace', enabled: state.workspaceOpen, click: () => actions.command('close-workspace') },
      ...(mac ? [{ role: 'close' } as MenuItemConstructorOptions] : [{ type: 'separator' } as MenuItemConstructorOptions, { role: 'quit', label: state.platform === 'win32' ? 'E&xit' : '&Quit' } as MenuItemConstructorOptions]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' }, { role: 'redo' }, { type: 'separator' },
      { role: 'cut' }, { role: 'copy' }, { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as MenuItemConstructorOptions] : []),
      { role: 'selectAll' },
    ],
  };

  const themeItem = (label: string, theme: ThemePreference): MenuItemConstructorOptions => ({ label, type: 'radio', checked: state.theme === theme, click: () => actions.setTheme(theme) });
  const view: MenuItemConstructorOptions = {
    label: mac ? 'View' : '&View',
    submenu: [
      { label: 'Appearance', submenu: [themeItem('Follow System', 'system'), themeItem('Light', 'light'), themeItem('Dark', 'dark')] },
      { type: 'separator' },
      { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(state.isDev ? [{ type: 'separator' } as MenuItemConstructorOptions, { role: 'reload' } as MenuItemConstructorOptions, { role: 'toggleDevTools' } as MenuItemConstructorOptions] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: mac ? 'Help' : '&Help',
    submenu: [
      { label: `${state.appName} Help`, accelerator: 'F1', click: () => actions.command('help') },
      { label: 'Keyboard Shortcuts', click: () => actions.command('shortcuts') },
      ...(mac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, { label: `About ${state.appName}`, click: () => actions.about() }]),
    ],
  };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: state.appName,
      submenu: [
        { label: `About ${state.appName}`, click: () => actions.about() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(file, edit, view);
  if (mac) template.push({ role: 'windowMenu' });
  template.push(help);
  return template;
}
