import type { Migration } from '../migration.ts';

// Undo in the app, and the staff-naming default for new workspaces.
// - undo_journal: one row per change a person made in the app (publishing twelve conversations is one row), naming
//   the audit entries it wrote. Undo reads them and writes the reverse as new, audited changes; the audit log itself
//   is never edited, and the row only records that (and by whom) it was undone.
// - New workspaces show staff under their role ("Support team") rather than their full name. Workspaces that
//   already hold conversations keep what they published so far: their staff naming is written down as "name".
export const migration: Migration = {
  version: 100,
  name: 'undo',
  up(db) {
    db.exec(`
      CREATE TABLE undo_journal (
        id INTEGER PRIMARY KEY,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        label TEXT NOT NULL,
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        undone_at TEXT,
        undone_by TEXT
      ) STRICT;
      CREATE INDEX undo_journal_actor ON undo_journal(actor, id) WHERE undone_at IS NULL;
      INSERT OR IGNORE INTO meta (key, value)
        SELECT 'policy.staffNaming', 'name' WHERE EXISTS (SELECT 1 FROM threads) OR EXISTS (SELECT 1 FROM audit_log);
    `);
  },
};
