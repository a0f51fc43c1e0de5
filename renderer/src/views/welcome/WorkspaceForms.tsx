import { useState } from 'react';
import type { FormEvent } from 'react';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { Field } from '../../components/Field.tsx';
import { PathInput } from '../../components/PathInput.tsx';
import { ErrorNotice } from '../../components/States.tsx';
import { useAction } from '../../lib/useCall.ts';
import type { WorkspaceInfo } from '../../../../electron/shared/contract/workspace.ts';

/** Opens a workspace through the core and makes it the app's current one (recent list, menu, screens). */
export function useOpenWorkspace(): { open: (dir: string) => Promise<WorkspaceInfo | undefined>; create: (dir: string, name: string) => Promise<WorkspaceInfo | undefined>; pending: boolean; error: ReturnType<typeof useAction>['error']; clearError: () => void } {
  const client = useClient();
  const app = useApp();
  const action = useAction();
  const finish = async (ws: WorkspaceInfo) => {
    await client.invoke('app.recent.add', { dir: ws.dir, name: ws.name });
    app.workspaceChanged(ws);
    app.navigate({ view: 'inbox' }, { replace: true });
    return ws;
  };
  return {
    open: (dir) => action.run(async () => finish(await client.call('workspace.open', { dir: dir.trim() }))),
    create: (dir, name) => action.run(async () => finish(await client.call('workspace.init', { dir: dir.trim(), name: name.trim() }))),
    pending: action.pending,
    error: action.error,
    clearError: action.clearError,
  };
}

export function CreateWorkspaceForm({ onDone, autoFocus }: { onDone?: () => void; autoFocus?: boolean }) {
  const [name, setName] = useState('');
  const [dir, setDir] = useState('');
  const { create, pending, error } = useOpenWorkspace();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await create(dir, name)) onDone?.();
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label="Create a workspace">
      <Field label="Organisation name" hint="Shown on the public site, e.g. “Northwind Outdoor Ltd”.">
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} required autoFocus={autoFocus} data-autofocus={autoFocus || undefined} />
      </Field>
      <PathInput label="Workspace folder" purpose="workspace-new" value={dir} onChange={setDir} hint="A new or empty folder. Everything Candor keeps for this organisation lives there. A name without a full path (Candor/Acme) goes in your Documents folder." />
      {error ? <ErrorNotice error={error} title="The workspace was not created" /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending || !name.trim() || !dir.trim()}>
          {pending ? 'Creating…' : 'Create workspace'}
        </button>
      </div>
    </form>
  );
}

export function OpenWorkspaceForm({ onDone, autoFocus }: { onDone?: () => void; autoFocus?: boolean }) {
  const [dir, setDir] = useState('');
  const { open, pending, error } = useOpenWorkspace();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await open(dir)) onDone?.();
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label="Open a workspace">
      <div data-autofocus={autoFocus || undefined} />
      <PathInput label="Workspace folder" purpose="workspace-open" value={dir} onChange={setDir} hint="The folder that holds workspace.json." />
      {error ? <ErrorNotice error={error} title="The workspace could not be opened" /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending || !dir.trim()}>
          {pending ? 'Opening…' : 'Open workspace'}
        </button>
      </div>
    </form>
  );
}
