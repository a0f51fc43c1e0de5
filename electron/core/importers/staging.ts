import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';
import { pidAlive } from '../store/writer.ts';
import type { ImportRecord } from './types.ts';

// An import's staging area. Reading files is slow and asynchronous (streams, a reader worker); the workspace's
// database must never hold a transaction across that wait. So records are parsed into a scratch database beside the
// workspace, in batches, and the import then becomes visible in one synchronous transaction that reads them back.
// The scratch file is nobody's data: no journal, no fsync, deleted afterwards; one left by a crash is deleted by the
// next import.

const PREFIX = '.candor-import-';
const BATCH = 500;

/** part: which file's report the record counts in; leftover: companion content applied after every file. */
export type StagedRecord = { part: number; record: ImportRecord; leftover: boolean };

export type Staging = {
  /** Queues one record of file `part` (or companion leftovers counted in it); written in batches. */
  add: (part: number, record: ImportRecord, leftover?: boolean) => void;
  /** Records staged so far. */
  readonly count: number;
  /** Every staged record, in the order staged. Flushes what is queued first. */
  records: () => Generator<StagedRecord>;
  /** Deletes the scratch file. */
  discard: () => void;
};

/** Scratch files of imports whose process is gone. */
function removeLeftovers(root: string): void {
  for (const name of readdirSync(root)) {
    const m = name.startsWith(PREFIX) ? /^\.candor-import-(\d+)-/.exec(name) : null;
    if (m && !pidAlive(Number(m[1]))) rmSync(join(root, name), { force: true });
  }
}

export function openStaging(root: string): Staging {
  removeLeftovers(root);
  const file = join(root, `${PREFIX}${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.sqlite`);
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = OFF');
  db.exec('PRAGMA synchronous = OFF');
  db.exec('CREATE TABLE records (seq INTEGER PRIMARY KEY, part INTEGER NOT NULL, leftover INTEGER NOT NULL, record TEXT NOT NULL)');
  const insert: StatementSync = db.prepare('INSERT INTO records (part, leftover, record) VALUES (?, ?, ?)');
  let queue: [number, number, string][] = [];
  let count = 0;
  let closed = false;
  const flush = () => {
    if (queue.length === 0) return;
    db.exec('BEGIN');
    for (const [part, leftover, record] of queue) insert.run(part, leftover, record);
    db.exec('COMMIT');
    queue = [];
  };
  return {
    add(part, record, leftover = false) {
      queue.push([part, leftover ? 1 : 0, JSON.stringify(record)]);
      count++;
      if (queue.length >= BATCH) flush();
    },
    get count() {
      return count;
    },
    *records() {
      flush();
      const read = db.prepare('SELECT seq, part, leftover, record FROM records WHERE seq > ? ORDER BY seq LIMIT ?');
      let last = 0;
      for (;;) {
        const rows = read.all(last, BATCH) as { seq: number; part: number; leftover: number; record: string }[];
        if (rows.length === 0) return;
        for (const r of rows) yield { part: r.part, record: JSON.parse(r.record) as ImportRecord, leftover: r.leftover === 1 };
        last = rows[rows.length - 1]!.seq;
      }
    },
    discard() {
      if (closed) return;
      closed = true;
      db.close();
      rmSync(file, { force: true });
    },
  };
}
