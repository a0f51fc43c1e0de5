// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Welcome } from '../../renderer/src/views/welcome/Welcome.tsx';
import { fakeTransport, Providers } from './helpers.tsx';

// `getBy…` and `findBy…` queries fail the test when the element is not there (`findBy…` after waiting for it);
// `expect(…).toBeTruthy()` around them only marks the line as one of the things checked.

afterEach(cleanup);

const ws = { dir: '/ws/acme', name: 'Acme Ltd', createdAt: '2026-01-01T00:00:00Z', schemaVersion: 10, recoveredFromCrash: false, threads: 0 };

describe('Welcome', () => {
  it('creates a workspace from a typed folder, remembers it and opens it', async () => {
    const fake = fakeTransport({
      'app.recent.list': () => ({ workspaces: [] }),
      'workspace.init': (req) => ({ ...ws, dir: req.dir, name: req.name }),
      'app.recent.add': (req) => ({ workspaces: [{ ...req, openedAt: '2026-01-01T00:00:00Z' }] }),
    });
    const workspaceChanged = vi.fn();
    const navigate = vi.fn();
    let dialog: 'create' | 'open' | null = null;
    const { rerender } = render(<Providers fake={fake} app={{ workspace: null, workspaceChanged, navigate }}><Welcome dialog={dialog} setDialog={(d) => { dialog = d; }} /></Providers>);
    expect(await screen.findByText('Workspaces you open will be listed here.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Create workspace…' }));
    expect(dialog).toBe('create');
    rerender(<Providers fake={fake} app={{ workspace: null, workspaceChanged, navigate }}><Welcome dialog={dialog} setDialog={(d) => { dialog = d; }} /></Providers>);
    const form = screen.getByRole('form', { name: 'Create a workspace' });
    expect(form).toBeTruthy();
    // In the browser there are no dialogs: the hint says to type the path.
    expect(screen.getByText(/Type the full path/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Organisation name'), 'Acme Ltd');
    await userEvent.type(screen.getByLabelText('Workspace folder'), '/ws/acme');
    await userEvent.click(screen.getByRole('button', { name: 'Create workspace' }));
    await waitFor(() => expect(workspaceChanged).toHaveBeenCalledWith(expect.objectContaining({ name: 'Acme Ltd' })));
    expect(fake.callsTo('workspace.init')).toEqual([{ dir: '/ws/acme', name: 'Acme Ltd' }]);
    expect(fake.callsTo('app.recent.add')).toEqual([{ dir: '/ws/acme', name: 'Acme Ltd' }]);
    expect(navigate).toHaveBeenCalledWith({ view: 'inbox' }, { replace: true });
  });

  it('shows the core’s message when the folder is not empty', async () => {
    const fake = fakeTransport({
      'app.recent.list': () => ({ workspaces: [] }),
      'workspace.init': () => { throw Object.assign(new Error('/tmp is not empty. Choose a new or empty folder for the workspace.'), { code: 'FOLDER_NOT_EMPTY' }); },
    });
    render(<Providers fake={fake} app={{ workspace: null }}><Welcome dialog="create" setDialog={() => undefined} /></Providers>);
    await userEvent.type(screen.getByLabelText('Organisation name'), 'Acme');
    await userEvent.type(screen.getByLabelText('Workspace folder'), '/tmp');
    await userEvent.click(screen.getByRole('button', { name: 'Create workspace' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('is not empty');
  });

  it('lists recent workspaces and opens one with a click', async () => {
    const fake = fakeTransport({
      'app.recent.list': () => ({ workspaces: [{ dir: '/ws/acme', name: 'Acme Ltd', openedAt: '2026-01-02T10:00:00Z' }] }),
      'workspace.open': () => ws,
      'app.recent.add': () => ({ workspaces: [] }),
    });
    const workspaceChanged = vi.fn();
    render(<Providers fake={fake} app={{ workspace: null, workspaceChanged }}><Welcome dialog={null} setDialog={() => undefined} /></Providers>);
    await userEvent.click(await screen.findByRole('button', { name: /^Acme Ltd/ }));
    await waitFor(() => expect(workspaceChanged).toHaveBeenCalled());
    expect(fake.callsTo('workspace.open')).toEqual([{ dir: '/ws/acme' }]);
  });

  it('in the desktop app offers the native folder dialog', async () => {
    const fake = fakeTransport({ 'app.recent.list': () => ({ workspaces: [] }), 'app.pick': () => ({ paths: ['/chosen/folder'] }) });
    render(<Providers fake={fake} app={{ workspace: null, info: { shell: 'electron', version: '0.1.0', platform: 'linux', dialogs: true, openPaths: true, previewBase: 'candor://preview/' } }}><Welcome dialog="open" setDialog={() => undefined} /></Providers>);
    await userEvent.click(screen.getByRole('button', { name: 'Choose…' }));
    await waitFor(() => expect((screen.getByLabelText('Workspace folder') as HTMLInputElement).value).toBe('/chosen/folder'));
    expect(fake.callsTo('app.pick')).toEqual([{ purpose: 'workspace-open' }]);
  });
});
