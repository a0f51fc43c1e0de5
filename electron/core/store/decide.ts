import { CandorError } from '../errors.ts';
import { transaction } from '../db/transaction.ts';
import type { Workspace } from '../workspace.ts';
import { applyDecision, DecisionInput, resolveThreadRowid, threadWhere, ThreadQuery } from './threads.ts';
import type { PublishGuard } from './threads.ts';
import { personalDataGuard } from '../curation/guard.ts';

export type DecideTarget = { ids: readonly string[] } | { all: true } | { query: ThreadQuery };

export type DecideResult = { matched: number; changed: number; refused: { id: string; reason: string }[] };

/**
 * Checks that may refuse publishing (the workspace's personal-data policy lives in curation and is added here).
 * Keep this list the one place publishing rules are enforced, so the CLI, the app and bulk decisions agree.
 */
export const publishGuards: PublishGuard[] = [personalDataGuard];

/** Decide one, many, or every thread matching a query, in one transaction, each change audited. */
export function decideThreads(ws: Workspace, target: DecideTarget, raw: DecisionInput): DecideResult {
  const parsed = DecisionInput.safeParse(raw);
  if (!parsed.success) throw new CandorError('USAGE', parsed.error.issues.map((i) => i.message).join('; '));
  const input = parsed.data;
  const db = ws.db;
  return transaction(db, () => {
    let rowids: number[];
    if ('ids' in target) {
      rowids = target.ids.map((ref) => {
        const rowid = resolveThreadRowid(db, ref);
        if (rowid === null) throw new CandorError('NOT_FOUND', `No thread "${ref}" in this workspace.`, undefined, 'use the id shown by candor threads');
        return rowid;
      });
    } else {
      const where = 'all' in target ? { sql: [], params: [] } : threadWhere(ThreadQuery.parse(target.query));
      const sql = `SELECT rowid FROM threads t ${where.sql.length ? `WHERE ${where.sql.join(' AND ')}` : ''}`;
      rowids = (db.prepare(sql).all(...where.params) as { rowid: number }[]).map((r) => r.rowid);
    }
    const now = new Date().toISOString();
    const { changed, refused } = applyDecision(db, rowids, input, { actor: ws.actor, now, guards: publishGuards });
    return { matched: rowids.length, changed, refused };
  });
}
