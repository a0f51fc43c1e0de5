import type { correctionChannels } from '../../shared/contract/corrections.ts';
import { correctMessageRole, correctThread } from '../store/corrections.ts';
import type { HandlersFor } from './context.ts';

export const correctionHandlers: HandlersFor<typeof correctionChannels> = {
  'corrections.threadKindStatus'(req, ctx) {
    const ws = ctx.workspace();
    return correctThread(ws.db, req.thread, { kind: req.kind, status: req.status }, { actor: ws.actor });
  },
  'corrections.messageRole'(req, ctx) {
    const ws = ctx.workspace();
    return correctMessageRole(ws.db, req.message, { role: req.role }, { actor: ws.actor });
  },
};
