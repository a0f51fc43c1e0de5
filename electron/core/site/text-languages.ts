import type { DatabaseSync } from 'node:sqlite';
import { transaction } from '../db/transaction.ts';
import type { KnownLanguages } from './language-detect.ts';

// The languages of published threads' texts, detected once by a build and kept for the builds after it (migration
// 0140). A row is a text's hash and what detection said of it, so a build uses it only for that exact text: a
// thread whose text changed (a re-import, a correction, a redaction) is detected again, and its rows replaced.

/** What one thread's texts were detected as, by textKey: every text its page needed, not only the new ones. */
export type LearnedLanguages = { rowid: number; languages: [key: string, language: string | null][] };

/**
 * One thread's kept detections (a handful: its subject, its messages, all of them joined). Found by comparing keys
 * in a list rather than through a Map: each key is a string made afresh on both sides (read from SQLite, hashed from
 * the text), so a Map would compute a string hash for each of them, on every build, for every published thread.
 */
class KeptTexts implements KnownLanguages {
  readonly keys: string[] = [];
  readonly languages: (string | null)[] = [];

  get(key: string): string | null | undefined {
    const i = this.keys.indexOf(key);
    return i === -1 ? undefined : this.languages[i];
  }
}

/** What was kept for these threads, by thread rowid. */
export function knownLanguages(db: DatabaseSync, rowids: readonly number[]): Map<number, KnownLanguages> {
  const out = new Map<number, KeptTexts>();
  if (rowids.length === 0) return out;
  const statement = db.prepare(`SELECT thread_rowid, text_hash, language FROM text_languages WHERE thread_rowid IN (${rowids.map(() => '?').join(',')})`);
  statement.setReturnArrays(true);
  for (const [rowid, key, language] of statement.all(...rowids) as unknown as [number, string, string | null][]) {
    let known = out.get(rowid);
    if (!known) out.set(rowid, (known = new KeptTexts()));
    known.keys.push(key);
    known.languages.push(language);
  }
  return out;
}

/**
 * Keeps what a build detected, replacing what was kept for those threads (their old texts' rows). A thread erased or
 * deleted meanwhile is skipped (its rows would have nothing to belong to). One short transaction per 500 threads.
 */
export function keepLanguages(db: DatabaseSync, learned: readonly LearnedLanguages[]): void {
  const remove = db.prepare('DELETE FROM text_languages WHERE thread_rowid = ?');
  const insert = db.prepare('INSERT OR REPLACE INTO text_languages (thread_rowid, text_hash, language) SELECT rowid, ?, ? FROM threads WHERE rowid = ?');
  for (let i = 0; i < learned.length; i += 500) {
    transaction(db, () => {
      for (const { rowid, languages } of learned.slice(i, i + 500)) {
        remove.run(rowid);
        for (const [key, language] of languages) insert.run(key, language, rowid);
      }
    });
  }
}
