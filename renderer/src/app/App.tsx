import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient } from '../api.ts';
import type { AppInfo, ThemePreference } from '../../../electron/shared/contract/app.ts';
import type { WorkspaceInfo } from '../../../electron/shared/contract/workspace.ts';
import type { ApiError } from '../../../electron/shared/contract.ts';
import { menuCommandOf } from '../../../electron/shared/menu.ts';
import type { MenuCommand } from '../../../electron/shared/menu.ts';
import { shortcutsBlocked } from '../components/Dialog.tsx';
import { ErrorNotice, Loading } from '../components/States.tsx';
import { AppContext } from './context.ts';
import type { AppContextValue, Toast, ToastAction } from './context.ts';
import { HelpOverlay, HelpPage } from './HelpOverlay.tsx';
import { useRoute } from './route.ts';
import { Sidebar } from './Sidebar.tsx';
import { applyTheme, nextTheme } from './theme.ts';
import { refreshAll } from '../lib/useCall.ts';
import { Welcome } from '../views/welcome/Welcome.tsx';
import type { WorkspaceDialog } from '../views/welcome/Welcome.tsx';
import { WorkspaceDialogs } from '../views/welcome/Welcome.tsx';
import { Inbox } from '../views/inbox/Inbox.tsx';
import { ImportView } from '../views/import/ImportView.tsx';
import { ClaimsView } from '../views/claims/ClaimsView.tsx';
import { SiteView } from '../views/site/SiteView.tsx';
import { AuditView } from '../views/audit/AuditView.tsx';
import { SettingsView } from '../views/settings/SettingsView.tsx';

let toastCounter = 0;

type Boot = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; info: AppInfo; workspace: WorkspaceInfo | null; theme: ThemePreference };

export function App() {
  const client = useClient();
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [theme, setTheme] = useState<ThemePreference>('system');
  const [route, navigate] = useRoute();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [help, setHelp] = useState(false);
  const [dialog, setDialog] = useState<WorkspaceDialog>(null);
  const [dataVersion, setDataVersion] = useState(0);

  const [bootTick, setBootTick] = useState(0);
  useEffect(() => {
    let live = true;
    void (async (): Promise<Boot> => {
      const [info, current, prefs] = await Promise.all([client.invoke('app.info', {}), client.invoke('workspace.current', {}), client.invoke('app.preferences.get', {})]);
      if (!info.ok) return { status: 'error', error: info.error };
      if (!current.ok) return { status: 'error', error: current.error };
      return { status: 'ready', info: info.value, workspace: current.value, theme: prefs.ok ? prefs.value.theme : 'system' };
    })().then((b) => {
      if (!live) return;
      if (b.status === 'ready') {
        setWorkspace(b.workspace);
        setTheme(b.theme);
        applyTheme(b.theme);
      }
      setBoot(b);
    });
    return () => {
      live = false;
    };
  }, [client, bootTick]);
  const retryBoot = () => {
    setBoot({ status: 'loading' });
    setBootTick((t) => t + 1);
  };

  const queryClient = useQueryClient();
  const toast = useCallback((text: string, tone: Toast['tone'] = 'success', action?: ToastAction) => {
    const id = ++toastCounter;
    setToasts((ts) => [...ts.slice(-2), { id, tone, text, ...(action ? { action } : {}) }]);
    window.setTimeout(() => setToasts((ts) => ts.filter((t) => t.id !== id)), tone === 'error' || action ? 9000 : 4500);
  }, []);
  const dismissToast = (id: number) => setToasts((ts) => ts.filter((t) => t.id !== id));

  const undo = useCallback(async () => {
    const r = await client.invoke('curation.undo', {});
    if (!r.ok) return toast(r.error.message, r.error.code === 'NOTHING_TO_UNDO' ? 'info' : 'error');
    setToasts((ts) => ts.filter((t) => !t.action));
    toast(`Undone: ${r.value.label}.`, 'info');
    setDataVersion((v) => v + 1);
    await refreshAll(queryClient);
  }, [client, toast, queryClient]);

  const afterChange = useCallback(async () => {
    setDataVersion((v) => v + 1);
    const [last] = await Promise.all([client.invoke('curation.undo.last', {}), refreshAll(queryClient)]);
    if (last.ok && last.value) toast(`${last.value.label}.`, 'success', { label: 'Undo', run: () => void undo() });
  }, [client, queryClient, toast, undo]);

  const refreshWorkspace = useCallback(() => {
    void client.invoke('workspace.current', {}).then((r) => {
      if (r.ok) setWorkspace(r.value);
    });
  }, [client]);

  const workspaceChanged = useCallback((ws: WorkspaceInfo | null) => {
    setWorkspace(ws);
    // Answers about the previous workspace must not show under the next one.
    queryClient.clear();
    setDataVersion((v) => v + 1);
    document.title = ws ? `${ws.name} — Candor` : 'Candor';
  }, [queryClient]);

  const closeWorkspace = useCallback(async () => {
    await client.invoke('workspace.close', {});
    workspaceChanged(null);
    navigate({ view: 'inbox' }, { replace: true });
  }, [client, workspaceChanged, navigate]);

  const changeTheme = useCallback(async (t: ThemePreference) => {
    setTheme(t);
    applyTheme(t);
    await client.invoke('app.preferences.set', { theme: t });
  }, [client]);

  const info = boot.status === 'ready' ? boot.info : null;

  const onMenu = useCallback(async (command: MenuCommand, detail?: string) => {
    switch (command) {
      case 'new-workspace':
        return setDialog('create');
      case 'open-workspace':
        if (info?.dialogs) {
          const picked = await client.invoke('app.pick', { purpose: 'workspace-open' });
          if (!picked.ok || !picked.value.paths[0]) return;
          const opened = await client.invoke('workspace.open', { dir: picked.value.paths[0] });
          if (!opened.ok) return toast(opened.error.message, 'error');
          await client.invoke('app.recent.add', { dir: opened.value.dir, name: opened.value.name });
          workspaceChanged(opened.value);
          return navigate({ view: 'inbox' });
        }
        return setDialog('open');
      case 'open-recent': {
        if (!detail) return;
        const opened = await client.invoke('workspace.open', { dir: detail });
        if (!opened.ok) return toast(opened.error.message, 'error');
        await client.invoke('app.recent.add', { dir: opened.value.dir, name: opened.value.name });
        workspaceChanged(opened.value);
        return navigate({ view: 'inbox' });
      }
      case 'close-workspace':
        return closeWorkspace();
      case 'import':
        return navigate({ view: 'import' });
      case 'export-site':
        return navigate({ view: 'site', tab: 'export' });
      case 'help':
        return navigate({ view: 'help' });
      case 'shortcuts':
        return setHelp(true);
      case 'set-theme':
        if (detail === 'system' || detail === 'light' || detail === 'dark') {
          setTheme(detail);
          applyTheme(detail);
        }
        return;
    }
  }, [client, info, navigate, toast, workspaceChanged, closeWorkspace]);

  useEffect(() => client.onProgress((event) => {
    const menu = menuCommandOf(event);
    if (menu) void onMenu(menu.command, menu.detail);
  }), [client, onMenu]);

  // "?" anywhere (outside text fields) shows the shortcuts.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !shortcutsBlocked(e.target)) {
        e.preventDefault();
        setHelp(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // z (or Ctrl/Cmd+Z) outside text fields undoes the person's last change, on every screen of a workspace.
  useEffect(() => {
    if (!workspace) return;
    const onKey = (e: KeyboardEvent) => {
      const plain = e.key === 'z' && !e.ctrlKey && !e.metaKey && !e.altKey;
      const chord = (e.key === 'z' || e.key === 'Z') && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey;
      if ((plain || chord) && !shortcutsBlocked(e.target)) {
        e.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [workspace, undo]);

  const ctx = useMemo<AppContextValue | null>(() => info ? ({
    info,
    workspace,
    workspaceChanged,
    refreshWorkspace,
    navigate,
    toast,
    afterChange,
    undo,
    dataVersion,
    dataChanged: () => {
      setDataVersion((v) => v + 1);
      void refreshAll(queryClient);
      refreshWorkspace();
    },
  }) : null, [info, workspace, workspaceChanged, refreshWorkspace, navigate, toast, afterChange, undo, dataVersion, queryClient]);

  if (boot.status === 'loading') return <main className="boot"><Loading label="Starting Candor…" /></main>;
  if (boot.status === 'error' || !ctx) {
    return (
      <main className="boot">
        {boot.status === 'error' ? <ErrorNotice title="Candor could not start" error={boot.error} onRetry={retryBoot} /> : null}
      </main>
    );
  }

  return (
    <AppContext.Provider value={ctx}>
      <a href="#main" className="skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      {workspace ? (
        <div className="layout">
          <Sidebar current={route.view} theme={theme} onTheme={() => void changeTheme(nextTheme(theme))} onHelp={() => setHelp(true)} onClose={() => void closeWorkspace()} />
          <div className="content">
            {route.view === 'inbox' ? <Inbox key={workspace.dir} threadId={route.threadId} preset={route.filter} /> : null}
            {route.view === 'import' ? <ImportView key={workspace.dir} /> : null}
            {route.view === 'claims' ? <ClaimsView key={workspace.dir} claimId={route.claimId} /> : null}
            {route.view === 'site' ? <SiteView key={workspace.dir} tab={route.tab ?? 'settings'} /> : null}
            {route.view === 'audit' ? <AuditView key={workspace.dir} /> : null}
            {route.view === 'settings' ? <SettingsView key={workspace.dir} /> : null}
            {route.view === 'help' ? <HelpPage /> : null}
          </div>
          <WorkspaceDialogs which={dialog} onClose={() => setDialog(null)} />
        </div>
      ) : (
        route.view === 'help' ? <HelpPage onBack={() => navigate({ view: 'inbox' })} /> : <Welcome dialog={dialog} setDialog={setDialog} />
      )}
      {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`}>
            <span>{t.text}</span>
            {t.action ? (
              <button type="button" className="btn btn-secondary btn-small toast-action" onClick={() => { dismissToast(t.id); t.action!.run(); }} aria-keyshortcuts="z">
                {t.action.label} <kbd aria-hidden="true">z</kbd>
              </button>
            ) : null}
          </div>
        ))}
      </div>
    </AppContext.Provider>
  );
}
