import { describe, expect, it } from 'vitest';
import { upgradeFixture } from '../../helpers/migration.ts';

describe('migration 0140 on a database of the version before it', () => {
  it('adds an empty store of detected languages that goes with its thread', () => {
    const { db, cleanup } = upgradeFixture(140);
    try {
      expect(db.prepare('SELECT count(*) AS n FROM text_languages').get()).toEqual({ n: 0 });
      const thread = db.prepare('SELECT rowid FROM threads ORDER BY rowid LIMIT 1').get() as { rowid: number };
      db.prepare('INSERT INTO text_languages (thread_rowid, text_hash, language) VALUES (?, ?, ?)').run(thread.rowid, 'c'.repeat(64), 'de');
      // One answer per text of a thread; a row for a thread that does not exist is refused.
      expect(() => db.prepare('INSERT INTO text_languages (thread_rowid, text_hash, language) VALUES (?, ?, ?)').run(thread.rowid, 'c'.repeat(64), 'fr')).toThrow(/UNIQUE|PRIMARY/);
      expect(() => db.prepare('INSERT INTO text_languages (thread_rowid, text_hash, language) VALUES (?, ?, ?)').run(999_999, 'd'.repeat(64), 'fr')).toThrow(/FOREIGN KEY/);
      // Erasing the thread takes its rows with it.
      db.exec('PRAGMA foreign_keys = ON');
      db.prepare('DELETE FROM threads WHERE rowid = ?').run(thread.rowid);
      expect(db.prepare('SELECT count(*) AS n FROM text_languages').get()).toEqual({ n: 0 });
    } finally {
      cleanup();
    }
  });
});
