import type { workspaceChannels } from '../../shared/contract/workspace.ts';
import type { WorkspaceInfo } from '../../shared/contract/workspace.ts';
import { schemaVersion } from '../db/open.ts';
import { listAudit } from '../store/audit.ts';
import { initWorkspace, openWorkspace } from '../workspace.ts';
import type { Workspace } from '../workspace.ts';
import type { HandlersFor } from './context.ts';
import { userPath } from './context.ts';

export function workspaceInfo(ws: Workspace): WorkspaceInfo {
  const threads = (ws.db.prepare('SELECT count(*) AS n FROM threads').get() as { n: number }).n;
  return { dir: ws.dir, name: ws.meta.name, createdAt: ws.meta.createdAt, schemaVersion: schemaVersion(ws.db), recoveredFromCrash: ws.recoveredFromCrash, threads };
}

export const workspaceHandlers: HandlersFor<typeof workspaceChannels> = {
  'workspace.init'(req, ctx) {
    const ws = initWorkspace(userPath(ctx, req.dir), { name: req.name });
    ctx.setWorkspace(ws);
    return workspaceInfo(ws);
  },
  'workspace.open'(req, ctx) {
    const ws = openWorkspace(userPath(ctx, req.dir));
    ctx.setWorkspace(ws);
    return workspaceInfo(ws);
  },
  'workspace.current'(_req, ctx) {
    const ws = ctx.currentWorkspace();
    return ws ? workspaceInfo(ws) : null;
  },
  'workspace.close'(_req, ctx) {
    const had = ctx.currentWorkspace() !== null;
    ctx.setWorkspace(null);
    return { closed: had };
  },
  'audit.list'(req, ctx) {
    return { entries: listAudit(ctx.workspace().db, req) };
  },
};
