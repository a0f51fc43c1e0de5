import { describe, expect, it } from 'vitest';
import { upgradeFixture } from '../../helpers/migration.ts';

describe('migration 0130 on a database of the version before it', () => {
  it('adds an empty publication log and state, which keep entries as published and refuse what is not JSON', () => {
    const { db, cleanup } = upgradeFixture(130);
    try {
      expect(db.prepare('SELECT count(*) AS n FROM publication_log').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM publication_state').get()).toEqual({ n: 0 });
      // The threads the log will describe are still there, untouched.
      expect((db.prepare('SELECT count(*) AS n FROM threads').get() as { n: number }).n).toBeGreaterThan(0);
      db.prepare('INSERT INTO publication_log (seq, entry, entry_sha256, manifest_sha256, recorded_at) VALUES (1, ?, ?, NULL, ?)').run('{"seq":1}', 'a'.repeat(64), '2026-01-01T00:00:00.000Z');
      expect(() => db.prepare('INSERT INTO publication_log (seq, entry, entry_sha256, recorded_at) VALUES (2, ?, ?, ?)').run('not json', 'b'.repeat(64), '2026-01-01T00:00:00.000Z')).toThrow(/CHECK/);
      db.prepare('INSERT INTO publication_state (item, version) VALUES (?, ?)').run('thread:t_1', 'v1');
      expect(() => db.prepare('INSERT INTO publication_state (item, version) VALUES (?, ?)').run('thread:t_1', 'v2')).toThrow(/UNIQUE|PRIMARY/);
    } finally {
      cleanup();
    }
  });
});
