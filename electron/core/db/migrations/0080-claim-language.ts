import type { Migration } from '../migration.ts';

// The language a claim's statement is written in (en, de, fr, nl, es, it; the linter reads that language's term
// lists). Until now it was read on import and lost on save, so the linter detected it again every time and a claim
// set to Dutch could be read as English. NULL = not set: detected from the statement, as before. The check is on the
// code's shape, not on the list, so a language added later needs no table rebuild.
export const migration: Migration = {
  version: 80,
  name: 'claim-language',
  up(db) {
    db.exec(`
      ALTER TABLE claims ADD COLUMN language TEXT CHECK (language IS NULL OR (length(language) = 2 AND language = lower(language)));
    `);
  },
};
