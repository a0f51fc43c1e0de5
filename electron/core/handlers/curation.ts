import type { curationChannels } from '../../shared/contract/curation.ts';
import { CandorError } from '../errors.ts';
import { decideCurated } from '../curation/decisions.ts';
import { addManualRedaction, removeManualRedaction, reviewFinding, threadRedactions } from '../curation/findings.ts';
import { publishedThread } from '../curation/published.ts';
import { eraseCustomer } from '../curation/erase.ts';
import { detectorNews } from '../curation/scan.ts';
import { searchCurated } from '../curation/search.ts';
import { readSettings, writeSetting } from '../curation/settings.ts';
import { changeManualTags } from '../curation/tags.ts';
import { workspaceStats } from '../curation/workspace-stats.ts';
import { undoable } from '../curation/undo.ts';
import type { HandlersFor } from './context.ts';

export const curationHandlers: HandlersFor<typeof curationChannels> = {
  'curation.findings'(req, ctx) {
    return threadRedactions(ctx.workspace().db, req.threadId);
  },
  'curation.accept'(req, ctx) {
    const ws = ctx.workspace();
    return undoable(ws, () => reviewFinding(ws.db, ws, req.threadId, req.findingId, 'accept'));
  },
  'curation.reject'(req, ctx) {
    const ws = ctx.workspace();
    return undoable(ws, () => reviewFinding(ws.db, ws, req.threadId, req.findingId, 'reject', req.reason));
  },
  'curation.keep'(req, ctx) {
    const ws = ctx.workspace();
    return undoable(ws, () => reviewFinding(ws.db, ws, req.threadId, req.findingId, 'reject', req.reason));
  },
  'curation.span'(req, ctx) {
    const ws = ctx.workspace();
    return undoable(ws, () => addManualRedaction(ws.db, ws, req.threadId, req.location, req.start, req.end, req.note));
  },
  'curation.unspan'(req, ctx) {
    const ws = ctx.workspace();
    undoable(ws, () => removeManualRedaction(ws.db, ws, req.threadId, req.redactionId));
    return { removed: true as const };
  },
  'curation.tags'(req, ctx) {
    const ws = ctx.workspace();
    return undoable(ws, () => changeManualTags(ws.db, ws, req.threadId, { add: req.add, remove: req.remove }));
  },
  'curation.search'(req, ctx) {
    return searchCurated(ctx.workspace().db, req);
  },
  'curation.decide'(req, ctx) {
    const ws = ctx.workspace();
    return undoable(ws, () => decideCurated(ws, req.target, { decision: req.decision, reason: req.reason, note: req.note }, ctx.publishGuards));
  },
  'curation.stats'(_req, ctx) {
    return workspaceStats(ctx.workspace().db);
  },
  'curation.settings.get'(_req, ctx) {
    return readSettings(ctx.workspace().db);
  },
  'curation.settings.set'(req, ctx) {
    const ws = ctx.workspace();
    return undoable(ws, () => writeSetting(ws.db, ws.actor, req.key, req.value));
  },
  'curation.publishedView'(req, ctx) {
    const view = publishedThread(ctx.workspace(), req.threadId);
    if (!view) throw new CandorError('NOT_FOUND', `No thread "${req.threadId}" in this workspace.`);
    return view;
  },
  'curation.erase'(req, ctx) {
    return eraseCustomer(ctx.workspace(), req.target, { dryRun: req.dryRun });
  },
  'curation.detectorNews'(_req, ctx) {
    return detectorNews(ctx.workspace().db);
  },
};
