import { addRecent } from '../../shared/contract/app.ts';
import type { appChannels, Preferences, RecentWorkspace } from '../../shared/contract/app.ts';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { CandorError } from '../errors.ts';
import { createDemoWorkspace } from '../demo/create.ts';
import { VERSION } from '../version.ts';
import { openWorkspace } from '../workspace.ts';
import { workspaceInfo } from './workspace.ts';
import type { CoreContext, HandlersFor } from './context.ts';
import { userPath } from './context.ts';

// The browser harness's answers to the app-level channels. The Electron shell answers the same channels itself
// (electron-store, native dialogs); here recent workspaces and preferences live in memory for the run.

export type AppState = { recent: RecentWorkspace[]; preferences: Preferences };
const states = new WeakMap<CoreContext, AppState>();

/** A new run's app state; the core host shares one between its sessions (every tab sees the same recent list). */
export function newAppState(): AppState {
  return { recent: [], preferences: { theme: 'system' } };
}

function state(ctx: CoreContext): AppState {
  if (ctx.appState) return ctx.appState;
  let s = states.get(ctx);
  if (!s) {
    s = { recent: [], preferences: { theme: 'system' } };
    states.set(ctx, s);
  }
  return s;
}

function unsupported(what: string): never {
  throw new CandorError('UNSUPPORTED', `${what} is only available in the desktop app. Type the path instead.`);
}

export const appHandlers: HandlersFor<typeof appChannels> = {
  'app.cancel'(req, ctx) {
    return { cancelled: ctx.cancelJobs?.(req.job) ?? 0 };
  },
  'app.info'() {
    return { shell: 'browser', version: VERSION, platform: process.platform, dialogs: false, openPaths: false, previewBase: '/preview/' };
  },
  'app.recent.list'(_req, ctx) {
    return { workspaces: state(ctx).recent };
  },
  'app.recent.add'(req, ctx) {
    const s = state(ctx);
    s.recent = addRecent(s.recent, { dir: req.dir, name: req.name, openedAt: new Date().toISOString() });
    return { workspaces: s.recent };
  },
  'app.recent.remove'(req, ctx) {
    const s = state(ctx);
    s.recent = s.recent.filter((w) => w.dir !== req.dir);
    return { workspaces: s.recent };
  },
  'app.preferences.get'(_req, ctx) {
    return state(ctx).preferences;
  },
  'app.preferences.set'(req, ctx) {
    const s = state(ctx);
    s.preferences = { ...s.preferences, ...req };
    return s.preferences;
  },
  async 'app.demo'(req, ctx) {
    const dir = req.dir ? userPath(ctx, req.dir) : resolve(join(homedir(), 'Candor demo'));
    // The demo folder is replaced: let go of it first if it is the open workspace.
    if (ctx.currentWorkspace()?.dir === dir) ctx.setWorkspace(null);
    await createDemoWorkspace(dir);
    const ws = openWorkspace(dir);
    ctx.setWorkspace(ws);
    return workspaceInfo(ws);
  },
  'app.pick'() {
    return unsupported('Choosing files with a dialog');
  },
  'app.openPath'() {
    return unsupported('Opening folders');
  },
  'app.openExternal'() {
    return unsupported('Opening the system browser');
  },
};
