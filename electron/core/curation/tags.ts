import type { DatabaseSync } from 'node:sqlite';
import { CandorError } from '../errors.ts';
import { transaction } from '../db/transaction.ts';
import { appendAudit } from '../store/audit.ts';
import { threadRowid } from './findings.ts';
import { targetRowids, threadIds } from './target.ts';
import type { CurationTarget } from './target.ts';

export type ThreadTags = { threadId: string; source: string[]; manual: string[]; topics: string[] };

export function threadTags(db: DatabaseSync, ref: string): ThreadTags {
  const { rowid, id } = threadRowid(db, ref);
  const rows = db.prepare('SELECT tag, origin FROM thread_tags WHERE thread_rowid = ? ORDER BY tag').all(rowid) as { tag: string; origin: string }[];
  const of = (origin: string) => rows.filter((r) => r.origin === origin).map((r) => r.tag);
  return { threadId: id, source: of('source'), manual: of('manual'), topics: of('rule') };
}

function clean(tags: readonly string[]): string[] {
  const out = [...new Set(tags.map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean))];
  for (const t of out) if (t.length > 80) throw new CandorError('USAGE', `The tag "${t.slice(0, 40)}…" is longer than 80 characters.`);
  return out;
}

/** Curators' own tags, kept apart from the source's (re-import replaces source tags, never these). Audited. */
export function changeManualTags(db: DatabaseSync, who: { actor: string }, ref: string, change: { add?: readonly string[]; remove?: readonly string[] }): ThreadTags {
  const { rowid, id } = threadRowid(db, ref);
  const add = clean(change.add ?? []);
  const remove = clean(change.remove ?? []);
  return transaction(db, () => {
    const before = threadTags(db, id).manual;
    for (const t of add) db.prepare("INSERT OR IGNORE INTO thread_tags (thread_rowid, tag, origin) VALUES (?, ?, 'manual')").run(rowid, t);
    for (const t of remove) db.prepare("DELETE FROM thread_tags WHERE thread_rowid = ? AND tag = ? AND origin = 'manual'").run(rowid, t);
    const after = threadTags(db, id);
    if (before.join('\u0000') !== after.manual.join('\u0000')) {
      // Tags are published, so they are scanned for personal data like the messages: the thread's content changed.
      db.prepare('UPDATE threads SET updated_at = ? WHERE rowid = ?').run(new Date().toISOString(), rowid);
      appendAudit(db, { actor: who.actor, action: 'thread.tags', entityType: 'thread', entityId: id, before: { manualTags: before }, after: { manualTags: after.manual } });
    }
    return after;
  });
}

/** The same tag change on many conversations (the inbox's multi-select): one transaction, one entry per change. */
export function tagThreads(db: DatabaseSync, who: { actor: string }, target: CurationTarget, change: { add?: readonly string[]; remove?: readonly string[] }): { matched: number; changed: number } {
  const rowids = targetRowids(db, target);
  return transaction(db, () => {
    let changed = 0;
    for (const id of threadIds(db, rowids).values()) {
      const before = threadTags(db, id).manual.join('\u0000');
      if (changeManualTags(db, who, id, change).manual.join('\u0000') !== before) changed++;
    }
    return { matched: rowids.length, changed };
  });
}
