import type { correctionChannels } from '../../shared/contract/corrections.ts';
import { undoable } from '../curation/undo.ts';
import { correctMessageRole, correctThread } from '../store/corrections.ts';
import type { HandlersFor } from './context.ts';

// Corrections made in the app can be undone like any other curating change (the toast's Undo).
export const correctionHandlers: HandlersFor<typeof correctionChannels> = {
  'corrections.threadKindStatus'(req, ctx) {
    const ws = ctx.workspace();
    return undoable(ws, () => correctThread(ws.db, req.thread, { kind: req.kind, status: req.status }, { actor: ws.actor }));
  },
  'corrections.messageRole'(req, ctx) {
    const ws = ctx.workspace();
    return undoable(ws, () => correctMessageRole(ws.db, req.message, { role: req.role }, { actor: ws.actor }));
  },
};
