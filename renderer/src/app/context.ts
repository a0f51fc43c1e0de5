import { createContext, useContext } from 'react';
import type { AppInfo } from '../../../electron/shared/contract/app.ts';
import type { WorkspaceInfo } from '../../../electron/shared/contract/workspace.ts';
import type { Route } from './route.ts';

export type ToastAction = { label: string; run: () => void };
export type Toast = { id: number; tone: 'success' | 'info' | 'error'; text: string; action?: ToastAction };

export type AppContextValue = {
  info: AppInfo;
  workspace: WorkspaceInfo | null;
  /** After a workspace is opened, created or closed (also updates recents and the menu). */
  workspaceChanged: (ws: WorkspaceInfo | null) => void;
  refreshWorkspace: () => void;
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  toast: (text: string, tone?: Toast['tone'], action?: ToastAction) => void;
  /**
   * After a change the person made (a decision, personal data, tags, a setting): every screen is refreshed and a toast
   * says what was done, with Undo.
   */
  afterChange: () => Promise<void>;
  /** Undoes the person's last change (z or Ctrl+Z anywhere outside a text field). */
  undo: () => Promise<void>;
  /** Bumped when data changed behind the screens' backs (import finished, menu action): lists reload. */
  dataVersion: number;
  dataChanged: () => void;
};

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppContext.Provider>');
  return value;
}
