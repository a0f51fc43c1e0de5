import { useState } from 'react';
import type { FormEvent } from 'react';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { PathInput } from '../../components/PathInput.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useAction } from '../../lib/useCall.ts';

/** Creates the demo workspace (Fernhill Outfitters, made up) in a folder and opens it. */
export function DemoWorkspaceButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-secondary" onClick={() => setOpen(true)}>Open the demo…</button>
      {open ? <DemoDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function DemoDialog({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const app = useApp();
  const [dir, setDir] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ws = await action.run(() => client.call('app.demo', dir.trim() ? { dir: dir.trim() } : {}));
    if (!ws) return;
    await client.invoke('app.recent.add', { dir: ws.dir, name: ws.name });
    onClose();
    app.workspaceChanged(ws);
    app.navigate({ view: 'inbox' }, { replace: true });
  };
  return (
    <Dialog title="Open the demo workspace" onClose={action.pending ? () => undefined : onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p>Fernhill Outfitters is a made-up outdoor clothing company: a few hundred conversations from its help desk and review sites, some already decided, with personal data to redact, and a dozen sustainability claims — some with problems to find.</p>
        <PathInput label="Folder for the demo (optional)" purpose="workspace-new" value={dir} onChange={setDir} hint="Leave empty to use a “Candor demo” folder in your home folder. A previous demo there is replaced." />
        {action.error ? <ErrorNotice error={action.error} title="The demo could not be created" /> : null}
        {action.pending ? <Loading label="Creating the demo workspace — this takes a few seconds…" /> : null}
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onClose} disabled={action.pending}>Cancel</button>
          <button type="submit" className="btn btn-primary" disabled={action.pending}>Create and open the demo</button>
        </div>
      </form>
    </Dialog>
  );
}
