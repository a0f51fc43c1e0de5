import type { Migration } from '../migration.ts';

// What every site build reads, made cheap at 100,000 threads (a rebuild after one change must not spend seconds
// on reads that did not change):
// - Each thread keeps the time of the customer's first message and of the company's first public reply after it.
//   The statistics need both for every thread; computing them from the messages table meant reading every message
//   row, bodies included: about a second. The store maintains them on every write of a thread's messages
//   (store/threads.ts); this migration fills them in for threads already stored.
// - The published threads in the site's order (newest first) come straight out of one covering index, unsorted.
// - The latest change ("last updated") is one index look-up instead of a scan of the audit log.
export const migration: Migration = {
  version: 50,
  name: 'site-reads',
  up(db) {
    db.exec(`
      ALTER TABLE threads ADD COLUMN first_customer_at TEXT;
      ALTER TABLE threads ADD COLUMN first_reply_at TEXT;
      UPDATE threads SET first_customer_at = (SELECT min(m.sent_at) FROM messages m WHERE m.thread_rowid = threads.rowid AND m.role = 'customer');
      UPDATE threads SET first_reply_at = (SELECT min(m.sent_at) FROM messages m WHERE m.thread_rowid = threads.rowid AND m.role = 'staff'
        AND m.visibility = 'public' AND m.sent_at >= threads.first_customer_at)
        WHERE first_customer_at IS NOT NULL;
      CREATE INDEX threads_site_order ON threads(decision, opened_at DESC, id, last_activity_at);
      CREATE INDEX audit_at ON audit_log(at);
    `);
  },
};
