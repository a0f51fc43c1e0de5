import type { DatabaseSync } from 'node:sqlite';
import { CandorError } from '../errors.ts';
import { resolveThreadRowid } from '../store/threads.ts';
import type { CurationQuery } from '../../shared/curation/model.ts';
import { matchingRowids } from './search.ts';

/** Which conversations a curator's action applies to: the ones picked, or every one matching the inbox's filters. */
export type CurationTarget = { ids: readonly string[] } | { query: CurationQuery };

export function targetRowids(db: DatabaseSync, target: CurationTarget): number[] {
  if (!('ids' in target)) return matchingRowids(db, target.query);
  return target.ids.map((ref) => {
    const r = resolveThreadRowid(db, ref);
    if (r === null) throw new CandorError('NOT_FOUND', `No thread "${ref}" in this workspace.`, undefined, 'use the id shown by candor threads');
    return r;
  });
}

export function threadIds(db: DatabaseSync, rowids: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  const stmt = db.prepare('SELECT id FROM threads WHERE rowid = ?');
  for (const r of rowids) {
    const row = stmt.get(r) as { id: string } | undefined;
    if (row) out.set(r, row.id);
  }
  return out;
}
