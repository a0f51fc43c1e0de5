import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState, ErrorNotice, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useCall } from '../../lib/useCall.ts';
import { DemoWorkspaceButton } from './DemoWorkspace.tsx';
import { CreateWorkspaceForm, OpenWorkspaceForm, useOpenWorkspace } from './WorkspaceForms.tsx';

export type WorkspaceDialog = 'create' | 'open' | null;

export function WorkspaceDialogs({ which, onClose }: { which: WorkspaceDialog; onClose: () => void }) {
  if (which === 'create') {
    return (
      <Dialog title="Create a workspace" onClose={onClose}>
        <CreateWorkspaceForm onDone={onClose} autoFocus />
      </Dialog>
    );
  }
  if (which === 'open') {
    return (
      <Dialog title="Open a workspace" onClose={onClose}>
        <OpenWorkspaceForm onDone={onClose} autoFocus />
      </Dialog>
    );
  }
  return null;
}

function RecentWorkspaces() {
  const client = useClient();
  const recent = useCall('app.recent.list', {});
  const { open, pending, error } = useOpenWorkspace();
  if (recent.status === 'loading') return <Loading label="Loading recent workspaces…" />;
  if (recent.status === 'error') return <ErrorNotice error={recent.error} onRetry={recent.reload} />;
  if (recent.data.workspaces.length === 0) {
    return <p className="muted">Workspaces you open will be listed here.</p>;
  }
  return (
    <>
      {error ? <ErrorNotice error={error} title="That workspace could not be opened" /> : null}
      <ul className="recent-list">
        {recent.data.workspaces.map((w) => (
          <li key={w.dir} className="recent-item">
            <button type="button" className="recent-open" disabled={pending} onClick={() => void open(w.dir)}>
              <span className="recent-name">{w.name}</span>
              <span className="recent-dir">{w.dir}</span>
              <span className="recent-when">Opened {formatDateTime(w.openedAt)}</span>
            </button>
            <button
              type="button"
              className="btn-icon"
              aria-label={`Remove ${w.name} from recent workspaces`}
              title="Remove from this list (the folder is not deleted)"
              onClick={() => void client.invoke('app.recent.remove', { dir: w.dir }).then(recent.reload)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

export function Welcome({ dialog, setDialog }: { dialog: WorkspaceDialog; setDialog: (d: WorkspaceDialog) => void }) {
  const { info, navigate } = useApp();
  return (
    <main className="welcome" id="main">
      <div className="welcome-inner">
        <header className="welcome-header">
          <img src="./icon.png" alt="" className="welcome-logo" width={56} height={56} />
          <div>
            <h1 className="welcome-title">Welcome to Candor</h1>
            <p className="welcome-lede">Publish what customers really said — complaints and replies included — and the sustainability claims you can back up.</p>
          </div>
          <button type="button" className="btn btn-ghost welcome-help" onClick={() => navigate({ view: 'help' })}>Help: how Candor works</button>
        </header>

        <section aria-labelledby="start-heading" className="welcome-section">
          <h2 id="start-heading" className="section-title">Start</h2>
          <div className="welcome-cards">
            <div className="card welcome-card">
              <h3>New workspace</h3>
              <p className="muted">One workspace per organisation: its conversations, claims, evidence and site settings, in one folder on this computer.</p>
              <button type="button" className="btn btn-primary" onClick={() => setDialog('create')}>Create workspace…</button>
            </div>
            <div className="card welcome-card">
              <h3>Open a workspace</h3>
              <p className="muted">Continue where you or a colleague left off.</p>
              <button type="button" className="btn btn-secondary" onClick={() => setDialog('open')}>Open workspace…</button>
            </div>
            <div className="card welcome-card">
              <h3>Try the demo</h3>
              <p className="muted">A fictional company with a few hundred conversations and claims, to explore safely.</p>
              <DemoWorkspaceButton />
            </div>
          </div>
        </section>

        <section aria-labelledby="recent-heading" className="welcome-section">
          <h2 id="recent-heading" className="section-title">Recent workspaces</h2>
          <RecentWorkspaces />
        </section>

        <p className="welcome-foot muted">
          Everything stays on this computer until you export the site.{info.shell === 'browser' ? ' You are using Candor in a browser: type folder paths where the desktop app would show a dialog.' : null}
        </p>
      </div>
      <WorkspaceDialogs which={dialog} onClose={() => setDialog(null)} />
    </main>
  );
}

export function NoTransport() {
  return (
    <main className="welcome" id="main">
      <EmptyState title="Candor cannot reach its core">
        <p>This page was opened outside the Candor app, so it cannot reach your workspaces. Open Candor itself, or the address Candor printed when it started in a browser.</p>
      </EmptyState>
    </main>
  );
}
