import type { DatabaseSync } from 'node:sqlite';

// Bulk loading. The thread tables carry many secondary indexes for searching and curation (composite ones on
// threads among them); keeping each up to date row by row dominates a large import. Once an import is large next
// to what is stored, those indexes are dropped and rebuilt before the import commits: SQLite builds an index from a
// sorted pass, far faster than random inserts. It all happens inside the import's transaction, so a crash or a fatal
// error rolls the drops back with the rest, and no other connection ever sees the tables without their indexes.
//
// Unique indexes stay: they enforce constraints and serve the lookups the import itself makes (thread by source and
// id, messages by thread, private data upserts).

const TABLES = ['threads', 'messages', 'private_data', 'thread_tags'];

/** Threads created in this import before suspending is considered, and their share of the stored threads. */
const MIN_CREATED = 2_000;
const MIN_SHARE = 0.25;

export type IndexSuspension = {
  /** Called after each created thread; drops the indexes once the import is large enough. */
  created: () => void;
  /** Rebuilds whatever was dropped. Call before COMMIT. */
  restore: () => void;
};

export function suspendableIndexes(db: DatabaseSync): IndexSuspension {
  const stored = (db.prepare('SELECT count(*) AS n FROM threads').get() as { n: number }).n;
  let createdCount = 0;
  let dropped: { name: string; sql: string }[] | null = null;
  return {
    created() {
      createdCount++;
      if (dropped || createdCount < MIN_CREATED || createdCount < stored * MIN_SHARE) return;
      const marks = TABLES.map(() => '?').join(', ');
      dropped = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${marks})
        AND upper(sql) NOT LIKE 'CREATE UNIQUE%' ORDER BY rowid`).all(...TABLES) as { name: string; sql: string }[];
      for (const { name } of dropped) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
    },
    restore() {
      if (!dropped) return;
      for (const { sql } of dropped) db.exec(sql);
      dropped = null;
    },
  };
}
