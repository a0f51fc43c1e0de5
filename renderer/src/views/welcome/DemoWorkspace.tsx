import { useState } from 'react';
import { useApp } from '../../app/context.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { PathInput } from '../../components/PathInput.tsx';
import { ErrorNotice } from '../../components/States.tsx';

/** Creates the demo workspace (the site issue's generator) in a folder and opens it. */
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
  const { info } = useApp();
  const [dir, setDir] = useState('');
  return (
    <Dialog title="Open the demo workspace" onClose={onClose}>
      <p>The demo is not available in this build yet.</p>
      <PathInput label="Folder for the demo" purpose="workspace-new" value={dir} onChange={setDir} />
      <ErrorNotice error={{ code: 'UNAVAILABLE', message: `The demo generator is not part of this build (${info.version}).` }} />
    </Dialog>
  );
}
