import type { Migration } from '../migration.ts';

// Curators' corrections of what an import decided: a message's role (customer, staff, system) and a thread's kind
// and status. A corrected value is marked so that a later re-import, which refreshes what the source says, leaves it
// as the curator set it (store/corrections.ts, store/threads.ts).
export const migration: Migration = {
  version: 70,
  name: 'corrections',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN role_corrected INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE threads ADD COLUMN kind_corrected INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE threads ADD COLUMN status_corrected INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
