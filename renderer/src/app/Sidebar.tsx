import type { ThemePreference } from '../../../electron/shared/contract/app.ts';
import { useApp } from './context.ts';
import type { Route, View } from './route.ts';
import { routeHash } from './route.ts';
import { THEME_LABEL } from './theme.ts';
import { formatCount } from '../lib/format.ts';

const NAV: { view: View; label: string; route: Route; hint: string }[] = [
  { view: 'inbox', label: 'Conversations', route: { view: 'inbox' }, hint: 'Review, redact and decide' },
  { view: 'import', label: 'Import', route: { view: 'import' }, hint: 'Bring in exports' },
  { view: 'claims', label: 'Claims', route: { view: 'claims' }, hint: 'Sustainability claims' },
  { view: 'site', label: 'Site', route: { view: 'site' }, hint: 'Settings, preview, export' },
  { view: 'audit', label: 'Audit log', route: { view: 'audit' }, hint: 'Every change, who and when' },
  { view: 'settings', label: 'Workspace settings', route: { view: 'settings' }, hint: 'Names, personal data, topics' },
  { view: 'help', label: 'Help', route: { view: 'help' }, hint: 'Workflow, words, exports' },
];

export function Sidebar({ current, theme, onTheme, onHelp, onClose }: { current: View; theme: ThemePreference; onTheme: () => void; onHelp: () => void; onClose: () => void }) {
  const { workspace, navigate } = useApp();
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="sidebar-workspace">
        <img src="./icon.png" alt="" width={28} height={28} />
        <div className="sidebar-ws-text">
          <span className="sidebar-ws-name" title={workspace?.dir}>{workspace?.name ?? 'Candor'}</span>
          {workspace ? <span className="sidebar-ws-meta">{formatCount(workspace.threads)} conversations</span> : null}
        </div>
      </div>
      <ul className="nav-list">
        {NAV.map((item) => (
          <li key={item.view}>
            <a
              href={routeHash(item.route)}
              className={`nav-link${current === item.view ? ' nav-link-active' : ''}`}
              aria-current={current === item.view ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(item.route);
              }}
            >
              <span className="nav-label">{item.label}</span>
              <span className="nav-hint">{item.hint}</span>
            </a>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">
        <button type="button" className="btn btn-ghost btn-small" onClick={onHelp} aria-keyshortcuts="?">Keyboard shortcuts</button>
        <button type="button" className="btn btn-ghost btn-small" onClick={onTheme} title="Change appearance">{THEME_LABEL[theme]}</button>
        <button type="button" className="btn btn-ghost btn-small" onClick={onClose}>Close workspace</button>
      </div>
    </nav>
  );
}
