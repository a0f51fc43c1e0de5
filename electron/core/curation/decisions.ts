import { CandorError } from '../errors.ts';
import { transaction } from '../db/transaction.ts';
import { applyDecision, DecisionInput } from '../store/threads.ts';
import type { PublishGuard } from '../store/threads.ts';
import type { Workspace } from '../workspace.ts';
import { targetRowids } from './target.ts';
import type { CurationTarget } from './target.ts';

export type { CurationTarget };

export type CurationDecideResult = { matched: number; changed: number; refused: { id: string; reason: string }[] };

/**
 * Publish or withhold (with a reason code and a note) one thread, several, or every thread matching a search with
 * curation's filters. This is the one decision path (the CLI, the app, bulk decisions; undo goes through the same
 * store call): every change is audited, and `guards` (the ones the core is composed with, publish-guards.ts) may
 * refuse publishing.
 */
export function decideCurated(ws: Pick<Workspace, 'db' | 'actor'>, target: CurationTarget, raw: DecisionInput, guards: readonly PublishGuard[]): CurationDecideResult {
  const parsed = DecisionInput.safeParse(raw);
  if (!parsed.success) throw new CandorError('USAGE', parsed.error.issues.map((i) => i.message).join('; '));
  const db = ws.db;
  const rowids = targetRowids(db, target);
  return transaction(db, () => {
    const { changed, refused } = applyDecision(db, rowids, parsed.data, { actor: ws.actor, now: new Date().toISOString(), guards });
    return { matched: rowids.length, changed, refused };
  });
}
