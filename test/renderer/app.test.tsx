// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import { ClientContext } from '../../renderer/src/api.ts';
import { createQueryClient } from '../../renderer/src/lib/useCall.ts';
import { App } from '../../renderer/src/app/App.tsx';
import { Dialog } from '../../renderer/src/components/Dialog.tsx';
import { menuEvent } from '../../electron/shared/menu.ts';
import { browserInfo, fakeTransport } from './helpers.tsx';
import type { FakeHandlers } from './helpers.tsx';

// `getBy…` and `findBy…` queries fail the test when the element is not there (`findBy…` after waiting for it);
// `expect(…).toBeTruthy()` around them only marks the line as one of the things checked.

afterEach(cleanup);
beforeEach(() => {
  window.history.replaceState(null, '', '#/');
  delete document.documentElement.dataset.theme;
});

const ws = { dir: '/ws/acme', name: 'Acme Ltd', createdAt: '2026-01-01T00:00:00Z', schemaVersion: 10, recoveredFromCrash: false, threads: 0 };

function boot(open: boolean, theme: 'system' | 'light' | 'dark' = 'system', extra: FakeHandlers = {}) {
  let current: typeof ws | null = open ? ws : null;
  const fake = fakeTransport({
    'app.info': () => ({ ...browserInfo, shell: 'electron', dialogs: true, openPaths: true, previewBase: 'candor://preview/' }),
    'workspace.current': () => current,
    'workspace.close': () => { current = null; return { closed: true }; },
    'workspace.open': ({ dir }) => { current = { ...ws, dir }; return current; },
    'app.preferences.get': () => ({ theme }),
    'app.preferences.set': (p) => ({ theme: p.theme ?? theme }),
    'app.recent.list': () => ({ workspaces: [] }),
    'app.recent.add': () => ({ workspaces: [] }),
    'app.pick': () => ({ paths: ['/ws/other'] }),
    'curation.search': () => ({ total: 0, threads: [] }),
    'curation.settings.get': () => ({ topicRules: {} } as never),
    'imports.formats': () => ({ formats: [] }),
    ...extra,
  });
  render(<ClientContext.Provider value={fake.client}><QueryClientProvider client={createQueryClient()}><App /></QueryClientProvider></ClientContext.Provider>);
  return fake;
}

describe('the app', () => {
  it('starts on Welcome without a workspace and applies the saved theme', async () => {
    boot(false, 'dark');
    expect(await screen.findByRole('heading', { name: 'Welcome to Candor' })).toBeTruthy();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('opens the workspace screens when one is open, with labelled navigation', async () => {
    boot(true);
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Conversations/ }).getAttribute('aria-current')).toBe('page');
    await userEvent.click(screen.getByRole('link', { name: /Audit log/ }));
    expect(window.location.hash).toBe('#/audit');
  });

  it('opens a screen after a change with the new answer, never with one from before the change', async () => {
    // Seen on CI: back in the inbox after an import, it said "0 shown" until its refresh came in.
    let total = 0;
    let gate = Promise.resolve();
    const fake = boot(true, 'system', {
      'curation.search': async () => {
        await gate;
        return { total, threads: [] };
      },
      'curation.undo': () => ({ label: 'Import of 6 conversations', reversed: 6, next: null }),
    });
    expect(await screen.findByText('0 shown')).toBeTruthy();
    fake.emit(menuEvent('import'));
    await waitFor(() => expect(window.location.hash).toBe('#/import'));
    total = 6;
    let open: () => void = () => undefined;
    gate = new Promise((resolve) => {
      open = resolve;
    });
    await userEvent.keyboard('z');
    await waitFor(() => expect(fake.callsTo('curation.undo')).toHaveLength(1));
    await userEvent.click(screen.getByRole('link', { name: /^Conversations/ }));
    expect(await screen.findByRole('heading', { name: 'Conversations' })).toBeTruthy();
    expect(screen.queryByText('0 shown')).toBeNull();
    open();
    expect(await screen.findByText('6 shown')).toBeTruthy();
  });

  it('follows the application menu: Import…, Export Site…, Open Workspace… (native dialog), Close', async () => {
    const fake = boot(true);
    await screen.findByRole('navigation', { name: 'Main' });
    fake.emit(menuEvent('import'));
    await waitFor(() => expect(window.location.hash).toBe('#/import'));
    fake.emit(menuEvent('export-site'));
    await waitFor(() => expect(window.location.hash).toBe('#/site/export'));
    fake.emit(menuEvent('open-workspace'));
    await waitFor(() => expect(fake.callsTo('workspace.open')).toEqual([{ dir: '/ws/other' }]));
    expect(fake.callsTo('app.pick')).toEqual([{ purpose: 'workspace-open' }]);
    fake.emit(menuEvent('close-workspace'));
    expect(await screen.findByRole('heading', { name: 'Welcome to Candor' })).toBeTruthy();
    fake.emit(menuEvent('shortcuts'));
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    fake.emit(menuEvent('set-theme', 'dark'));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });

  it('shows the keyboard help with ? and cycles the theme from the sidebar', async () => {
    const fake = boot(true);
    await screen.findByRole('navigation', { name: 'Main' });
    await userEvent.keyboard('?');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await userEvent.click(screen.getByRole('button', { name: /Theme:/ }));
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(fake.callsTo('app.preferences.set')).toEqual([{ theme: 'light' }]);
  });
});

describe('Dialog', () => {
  it('keeps focus inside, closes on Escape, and gives focus back', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    let closed = 0;
    const { unmount } = render(<Dialog title="Test" onClose={() => { closed++; }}><input aria-label="first" data-autofocus /><button type="button">last</button></Dialog>);
    expect(document.activeElement).toBe(screen.getByLabelText('first'));
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(closed).toBe(1);
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});
