import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';
import { lockOwner } from '../store/writer.ts';
import type { ImportRecord } from './types.ts';

// An import's staging area. Reading files is slow and asynchronous (streams, a reader worker); the workspace's
// database must never hold a transaction across that wait. So records are parsed into a scratch database beside the
// workspace, in batches, and the import then becomes visible in one synchronous transaction that reads them back.
// The scratch file is nobody's data: no journal, no fsync, deleted afterwards. One left by an import that died (its
// process, or the job thread it ran on) is deleted when the workspace is next opened or imported into.

const PREFIX = '.candor-import-';
const BATCH = 500;

/** part: which file's report the record counts in; leftover: companion content applied after every file. */
type StagedRecord = { part: number; record: ImportRecord; leftover: boolean };

/**
 * A record in the staging area's format, made where it was read: the reader worker sends records as this text, so
 * neither thread copies them as objects (structured clone) and the main thread stages them as they come, without
 * building them. thread: the conversation a readable record names (null for a rejection), for companion files.
 * bodies: the messages' bodies, one after another, each body's place in the JSON holding its length: a long body
 * then costs a copy, not JSON's escaping and parsing (a third of staging's CPU for long messages). Stored as text,
 * a lone surrogate becomes U+FFFD here instead of when the message is stored: what is stored is the same.
 */
export type SerializedRecord = { json: string; bodies: string | null; thread: { source: string; externalId: string } | null };

export function serializeRecord(rec: ImportRecord): SerializedRecord {
  const thread = rec.ok ? { source: rec.thread.source, externalId: rec.thread.externalId } : null;
  // A body that is not text is left for validation to reject, where the record says so.
  if (!rec.ok || !rec.thread.messages.every((m) => typeof m.body === 'string')) return { json: JSON.stringify(rec), bodies: null, thread };
  let bodies = '';
  const messages = rec.thread.messages.map((m) => {
    bodies += m.body;
    return { ...m, body: m.body.length };
  });
  return { json: JSON.stringify({ ...rec, thread: { ...rec.thread, messages } }), bodies, thread };
}

function deserializeRecord(json: string, bodies: string | null): ImportRecord {
  const rec = JSON.parse(json) as ImportRecord;
  if (bodies === null || !rec.ok) return rec;
  let at = 0;
  for (const m of rec.thread.messages as { body: unknown }[]) {
    const length = m.body as number;
    m.body = bodies.slice(at, at + length);
    at += length;
  }
  return rec;
}

export type Staging = {
  /** Queues one record of file `part` (or companion leftovers counted in it); written in batches. */
  add: (part: number, record: ImportRecord | SerializedRecord, leftover?: boolean) => void;
  /** Records staged so far. */
  readonly count: number;
  /** Every staged record, in the order staged. Flushes what is queued first. */
  records: () => Generator<StagedRecord>;
  /** Deletes the scratch file. */
  discard: () => void;
  /** How many scratch files of imports that died were removed when this one opened. */
  readonly leftovers: number;
};

/**
 * Deletes scratch files whose import is no longer running; returns how many there were. An import stages only while
 * it holds the workspace's write lock, and the lock names its thread as well as its process: the host's job thread
 * dies inside a process that goes on running, so "its process is alive" would keep its scratch for ever. A scratch
 * file is its owner's only while the lock names that owner; while the lock is being written nothing is touched.
 */
export function removeDeadScratch(root: string): number {
  const owner = lockOwner(root);
  if (owner === 'unknown') return 0;
  let removed = 0;
  for (const name of readdirSync(root)) {
    const m = name.startsWith(PREFIX) ? /^\.candor-import-(\d+)-(?:t(\d+)-)?/.exec(name) : null;
    if (!m) continue;
    const pid = Number(m[1]);
    const thread = Number(m[2] ?? 0);
    if (owner && owner.pid === pid && owner.thread === thread) continue;
    rmSync(join(root, name), { force: true });
    removed++;
  }
  return removed;
}

/** What an interrupted import left, for the import report and the audit log ("" when nothing was left). */
export function scratchNotice(removed: number): string {
  if (removed === 0) return '';
  return `An earlier import stopped before it finished (Candor, or the job it ran in, ended unexpectedly) and left ${removed === 1 ? 'a scratch file' : `${removed} scratch files`} in the workspace folder; ${removed === 1 ? 'it was' : 'they were'} removed. Nothing from that import was kept: import its files again if you still need them.`;
}

/** Call with the workspace's write lock held (the owner named in the file's name is this thread). */
export function openStaging(root: string): Staging {
  const leftovers = removeDeadScratch(root);
  const file = join(root, `${PREFIX}${process.pid}-t${threadId}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.sqlite`);
  const db = new DatabaseSync(file);
  // Large pages: a staged record is a few KB, and the file is written and read back once, in order; 64 KB pages take
  // a sixteenth of the system calls of 4 KB ones for the same bytes (the import's system time).
  db.exec('PRAGMA page_size = 65536');
  db.exec('PRAGMA journal_mode = OFF');
  db.exec('PRAGMA synchronous = OFF');
  db.exec('CREATE TABLE records (seq INTEGER PRIMARY KEY, part INTEGER NOT NULL, leftover INTEGER NOT NULL, record TEXT NOT NULL, bodies TEXT)');
  const insert: StatementSync = db.prepare('INSERT INTO records (part, leftover, record, bodies) VALUES (?, ?, ?, ?)');
  // Each record is written as it comes, inside a scratch transaction committed every BATCH records: nothing is
  // queued in memory, so a record's text dies young (queued batches outlived scavenges and grew the heap). The
  // scratch database is this import's alone: its transaction may stay open across the reader's awaits.
  let pending = 0;
  let count = 0;
  let closed = false;
  const flush = () => {
    if (pending === 0) return;
    db.exec('COMMIT');
    pending = 0;
  };
  return {
    add(part, record, leftover = false) {
      if (pending === 0) db.exec('BEGIN');
      const staged = 'json' in record ? record : serializeRecord(record);
      insert.run(part, leftover ? 1 : 0, staged.json, staged.bodies);
      count++;
      if (++pending >= BATCH) flush();
    },
    get count() {
      return count;
    },
    leftovers,
    *records() {
      flush();
      // Stepped one row at a time: a record's text lives only while it is stored, and dies young.
      const rows = db.prepare('SELECT part, leftover, record, bodies FROM records ORDER BY seq').iterate() as Iterable<{ part: number; leftover: number; record: string; bodies: string | null }>;
      for (const r of rows) yield { part: r.part, record: deserializeRecord(r.record, r.bodies), leftover: r.leftover === 1 };
    },
    discard() {
      if (closed) return;
      closed = true;
      db.close();
      rmSync(file, { force: true });
    },
  };
}
