import type { curatingChannels } from '../../shared/contract/curating.ts';
import { exportCheck } from '../curation/export-check.ts';
import { reviewThreads } from '../curation/review.ts';
import { writeSettings } from '../curation/settings.ts';
import { tagThreads } from '../curation/tags.ts';
import { lastUndoable, undoable, undoLast } from '../curation/undo.ts';
import { auditFacets, exportAuditCsv, searchAudit } from '../store/audit-search.ts';
import type { HandlersFor } from './context.ts';
import { userPath } from './context.ts';

export const curatingHandlers: HandlersFor<typeof curatingChannels> = {
  'curation.review'(req, ctx) {
    const ws = ctx.workspace();
    return undoable(ws, () => reviewThreads(ws, req.target, req.mode));
  },
  'curation.bulkTags'(req, ctx) {
    const ws = ctx.workspace();
    return undoable(ws, () => tagThreads(ws.db, ws, req.target, { add: req.add, remove: req.remove }));
  },
  'curation.undo.last'(_req, ctx) {
    return lastUndoable(ctx.workspace());
  },
  'curation.undo'(_req, ctx) {
    return undoLast(ctx.workspace(), ctx.publishGuards);
  },
  'curation.settings.update'(req, ctx) {
    const ws = ctx.workspace();
    return undoable(ws, () => writeSettings(ws.db, ws.actor, req.values));
  },
  'export.check'(_req, ctx) {
    return exportCheck(ctx.workspace());
  },
  'audit.search'(req, ctx) {
    return { entries: searchAudit(ctx.workspace().db, req) };
  },
  'audit.facets'(_req, ctx) {
    return auditFacets(ctx.workspace().db);
  },
  'audit.export'(req, ctx) {
    const { path, ...filter } = req;
    return exportAuditCsv(ctx.workspace().db, userPath(ctx, path), filter);
  },
};
