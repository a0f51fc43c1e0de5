import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({}));

const { buildMenuTemplate } = await import('../../electron/main/menu.ts');

const recent = [{ dir: '/ws/acme', name: 'Acme', openedAt: '2026-01-01T00:00:00Z' }];

function build(platform: NodeJS.Platform, extra: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  const actions = { command: vi.fn(), setTheme: vi.fn(), clearRecent: vi.fn(), about: vi.fn() };
  const template = buildMenuTemplate({ appName: 'Candor', platform, recent, theme: 'system', workspaceOpen: true, isDev: false, ...extra }, actions);
  return { template, actions };
}

const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => (i.label ?? i.role ?? i.type ?? '').toString().replace('&', ''));
const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const find = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => (i.label ?? '').replace('&', '') === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

describe('the application menu', () => {
  it('on Linux and Windows: File, Edit, View, Help; Quit under File; About under Help', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const { template } = build(platform);
      expect(labels(template)).toEqual(['File', 'Edit', 'View', 'Help']);
      const file = labels(submenu(template[0]));
      expect(file).toEqual(expect.arrayContaining(['New Workspace…', 'Open Workspace…', 'Open Recent', 'Import…', 'Export Site…']));
      expect(submenu(template[0]).some((i) => i.role === 'quit')).toBe(true);
      expect(labels(submenu(template[3]))).toContain('About Candor');
    }
  });

  it('on macOS: the app menu first (About, Quit), File without Quit, and a Window menu', () => {
    const { template } = build('darwin');
    expect(labels(template)).toEqual(['Candor', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
    expect(submenu(template[0]).some((i) => i.role === 'quit')).toBe(true);
    expect(submenu(template[1]).some((i) => i.role === 'quit')).toBe(false);
    expect(labels(submenu(template[5]))).not.toContain('About Candor');
  });

  it('asks the window to start each workflow', () => {
    const { template, actions } = build('linux');
    const file = submenu(template[0]);
    click(find(file, 'New Workspace…'));
    click(find(file, 'Open Workspace…'));
    click(find(file, 'Import…'));
    click(find(file, 'Export Site…'));
    click(submenu(find(file, 'Open Recent'))[0]);
    expect(actions.command.mock.calls).toEqual([['new-workspace'], ['open-workspace'], ['import'], ['export-site'], ['open-recent', '/ws/acme']]);
    expect(find(file, 'New Workspace…')!.accelerator).toBe('CmdOrCtrl+N');
  });

  it('disables Import and Export without a workspace and says when there are no recent workspaces', () => {
    const { template } = build('linux', { workspaceOpen: false, recent: [] });
    const file = submenu(template[0]);
    expect(find(file, 'Import…')!.enabled).toBe(false);
    expect(find(file, 'Export Site…')!.enabled).toBe(false);
    expect(submenu(find(file, 'Open Recent'))).toEqual([{ label: 'No recent workspaces', enabled: false }]);
  });

  it('offers the appearance as radio items, checked by the saved theme', () => {
    const { template, actions } = build('linux', { theme: 'dark' });
    const appearance = submenu(find(submenu(template[2]), 'Appearance'));
    expect(appearance.map((i) => [i.label, i.checked])).toEqual([['Follow System', false], ['Light', false], ['Dark', true]]);
    click(appearance[1]);
    expect(actions.setTheme).toHaveBeenCalledWith('light');
  });

  it('has no developer tools in a packaged build', () => {
    const roles = (t: MenuItemConstructorOptions[]) => submenu(t[2]).map((i) => i.role);
    expect(roles(build('linux').template)).not.toContain('toggleDevTools');
    expect(roles(build('linux', { isDev: true }).template)).toContain('toggleDevTools');
  });

  it('Help opens the in-app help and About', () => {
    const { template, actions } = build('linux');
    const help = submenu(template[3]);
    click(find(help, 'Candor Help'));
    click(find(help, 'About Candor'));
    expect(actions.command).toHaveBeenCalledWith('help');
    expect(actions.about).toHaveBeenCalled();
  });
});
