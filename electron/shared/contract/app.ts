import { z } from 'zod';
import { channels } from './base.ts';
import { WorkspaceInfo } from './workspace.ts';

// App-level channels: things about the window and the machine, not about the workspace's data. The core answers
// them for the browser harness (in memory, no dialogs); the Electron shell answers them itself (electron-store,
// native dialogs, the system's file manager and browser). Nothing here is business logic.

export const ThemePreference = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof ThemePreference>;

export const AppInfo = z.object({
  shell: z.enum(['electron', 'browser']),
  version: z.string(),
  platform: z.string(),
  /** Native open/save dialogs exist (Electron). In the browser harness paths are typed. */
  dialogs: z.boolean(),
  /** Folders can be shown in the system's file manager (Electron). */
  openPaths: z.boolean(),
  /** Where the built site is previewed inside the app: a custom protocol in Electron, /preview/ in the browser. */
  previewBase: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const RecentWorkspace = z.object({ dir: z.string(), name: z.string(), openedAt: z.string() });
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;
const RecentList = z.object({ workspaces: z.array(RecentWorkspace) });

export const PickPurpose = z.enum(['workspace-new', 'workspace-open', 'import-files', 'evidence-file', 'logo-file', 'export-folder']);
export type PickPurpose = z.infer<typeof PickPurpose>;

export const Preferences = z.object({ theme: ThemePreference });
export type Preferences = z.infer<typeof Preferences>;

/** The most recently opened first; the same folder only once. Kept short: it is a menu. */
export const RECENT_LIMIT = 8;

export function addRecent(list: readonly RecentWorkspace[], entry: RecentWorkspace): RecentWorkspace[] {
  return [entry, ...list.filter((w) => w.dir !== entry.dir)].slice(0, RECENT_LIMIT);
}

export const appChannels = channels({
  'app.info': { req: z.object({}), res: AppInfo },
  'app.recent.list': { req: z.object({}), res: RecentList },
  'app.recent.add': { req: z.object({ dir: z.string().min(1), name: z.string() }), res: RecentList },
  'app.recent.remove': { req: z.object({ dir: z.string().min(1) }), res: RecentList },
  'app.preferences.get': { req: z.object({}), res: Preferences },
  'app.preferences.set': { req: Preferences.partial(), res: Preferences },
  /** A native dialog; `paths` is empty when the person cancels. Refused (UNSUPPORTED) where there are no dialogs. */
  'app.pick': { req: z.object({ purpose: PickPurpose, title: z.string().optional(), defaultPath: z.string().optional() }), res: z.object({ paths: z.array(z.string()) }) },
  /** Shows a folder or file in the system's file manager. */
  'app.openPath': { req: z.object({ path: z.string().min(1) }), res: z.object({ opened: z.boolean() }) },
  /**
   * Creates the demo workspace (a fictional company, made by the site's demo generator) in `dir`, or in a "Candor demo"
   * folder in the home folder, and opens it. A folder that already holds the demo is replaced.
   */
  'app.demo': { req: z.object({ dir: z.string().min(1).optional() }), res: WorkspaceInfo },
  /** Opens an http(s) address in the system browser after the person confirms. */
  'app.openExternal': { req: z.object({ url: z.url() }), res: z.object({ opened: z.boolean() }) },
  /**
   * Cancels this window's running long jobs (import, build, claims import or lint): all of them, or those of one job
   * (the `job` of their progress events). A cancelled job ends with the error CANCELLED and changes nothing.
   */
  'app.cancel': { req: z.object({ job: z.string().min(1).optional() }), res: z.object({ cancelled: z.number().int() }) },
});

