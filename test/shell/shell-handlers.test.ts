import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ShellData } from '../../electron/main/shell-handlers.ts';

vi.mock('electron', () => ({}));

const { createShellHandlers, dialogOptions, SHELL_DEFAULTS } = await import('../../electron/main/shell-handlers.ts');

function setup(answers: { open?: { canceled: boolean; filePaths: string[] }; confirm?: number } = {}) {
  const data: ShellData = structuredClone(SHELL_DEFAULTS);
  const store = { get: <K extends keyof ShellData>(k: K) => data[k], set: <K extends keyof ShellData>(k: K, v: ShellData[K]) => { data[k] = v; } };
  const dialog = {
    showOpenDialog: vi.fn(async () => answers.open ?? { canceled: true, filePaths: [] }),
    showMessageBox: vi.fn(async () => ({ response: answers.confirm ?? 1, checkboxChecked: false })),
  };
  const shell = { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async () => ''), showItemInFolder: vi.fn() };
  const changed = vi.fn();
  const handlers = createShellHandlers({ store, dialog: dialog as never, shell: shell as never, window: () => null, version: '0.1.0', platform: 'linux', changed });
  return { handlers, data, dialog, shell, changed };
}

describe('what the shell answers itself', () => {
  it('says it is the desktop app with dialogs and the candor://preview origin', async () => {
    const { handlers } = setup();
    expect(await handlers['app.info']!({})).toEqual({ shell: 'electron', version: '0.1.0', platform: 'linux', dialogs: true, openPaths: true, previewBase: 'candor://preview/' });
  });

  it('keeps recent workspaces, newest first, once each, and refreshes the menu', async () => {
    const { handlers, data, changed } = setup();
    await handlers['app.recent.add']!({ dir: '/a', name: 'A' });
    await handlers['app.recent.add']!({ dir: '/b', name: 'B' });
    await handlers['app.recent.add']!({ dir: '/a', name: 'A again' });
    expect(data.recent.map((w) => [w.dir, w.name])).toEqual([['/a', 'A again'], ['/b', 'B']]);
    await handlers['app.recent.remove']!({ dir: '/b' });
    expect((await handlers['app.recent.list']!({})).workspaces.map((w) => w.dir)).toEqual(['/a']);
    expect(changed).toHaveBeenCalledTimes(4);
  });

  it('keeps the theme', async () => {
    const { handlers, data } = setup();
    expect(await handlers['app.preferences.set']!({ theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(data.theme).toBe('dark');
  });

  it('returns the chosen paths, or none when the dialog is cancelled', async () => {
    expect(await setup({ open: { canceled: false, filePaths: ['/x/a.json', '/x/b.csv'] } }).handlers['app.pick']!({ purpose: 'import-files' })).toEqual({ paths: ['/x/a.json', '/x/b.csv'] });
    expect(await setup().handlers['app.pick']!({ purpose: 'import-files' })).toEqual({ paths: [] });
  });

  it('uses the right dialog for each purpose', () => {
    expect(dialogOptions('import-files').properties).toEqual(['openFile', 'multiSelections']);
    expect(dialogOptions('workspace-new').properties).toContain('createDirectory');
    expect(dialogOptions('export-folder').properties).toContain('openDirectory');
    // SVG is refused by the core (an SVG opened on its own can run script): the dialog does not offer it.
    expect(dialogOptions('logo-file').filters?.[0]?.extensions).toEqual(['png', 'jpg', 'jpeg', 'webp']);
  });

  it('opens web addresses only after the person confirms', async () => {
    const yes = setup({ confirm: 0 });
    expect(await yes.handlers['app.openExternal']!({ url: 'https://example.com/' })).toEqual({ opened: true });
    expect(yes.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ detail: 'https://example.com/' }));
    expect(yes.shell.openExternal).toHaveBeenCalledWith('https://example.com/');

    const no = setup({ confirm: 1 });
    expect(await no.handlers['app.openExternal']!({ url: 'https://example.com/' })).toEqual({ opened: false });
    expect(no.shell.openExternal).not.toHaveBeenCalled();

    const file = setup({ confirm: 0 });
    expect(await file.handlers['app.openExternal']!({ url: 'file:///etc/passwd' })).toEqual({ opened: false });
    expect(file.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(file.shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens folders in the file manager and web pages in the browser, but only shows other files (never runs them)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-open-'));
    const file = join(dir, 'run-me.sh');
    writeFileSync(file, '#!/bin/sh\n');
    const { handlers, shell } = setup();
    await handlers['app.openPath']!({ path: dir });
    expect(shell.openPath).toHaveBeenCalledWith(dir);
    await handlers['app.openPath']!({ path: file });
    expect(shell.showItemInFolder).toHaveBeenCalledWith(file);
    expect(shell.openPath).toHaveBeenCalledTimes(1);
    writeFileSync(join(dir, 'index.html'), '<h1>site</h1>');
    await handlers['app.openPath']!({ path: join(dir, 'index.html') });
    expect(shell.openPath).toHaveBeenLastCalledWith(join(dir, 'index.html'));
    await expect(Promise.resolve().then(() => handlers['app.openPath']!({ path: join(dir, 'missing') }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
