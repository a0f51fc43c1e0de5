import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';

// The saved state of the last build of one output folder: each thread's content hash, summary and list item, the
// input hash of every other page, the search shards, and where each thread sits in the data files. Kept in the
// workspace (.site-cache/), holds only what the site already publishes, and can be deleted at any time: the next
// build is then a clean one. It is trusted only while the site it describes is untouched (its manifest's hash).

export const CACHE_DIR = '.site-cache';
const FORMAT = '2';

/** What a build needs to know about every thread of the previous build (kept in memory). */
export type CachedThread = { id: string; pageHash: string; summaryHash: string; kind: string; topics: string[] };
/** What is stored per thread: also its summary (JSON) and its rendered list item (read back only when needed). */
export type CachedRow = CachedThread & { summary: string; card: string };
export type Ranges = { json: [number, number]; threadsCsv: [number, number]; messagesCsv: [number, number] };
export type CacheState = {
  fingerprint: string;
  dataVersion: number;
  manifestSha: string;
  shardCount: number;
  /** Search bundle name -> input hash (members and their content). */
  bundles: Record<string, string>;
  /** Search bundle name -> hash of its members' ids (which threads it holds). */
  members: Record<string, string>;
  /** Page path -> input hash, for every page that is not a thread page. */
  pages: Record<string, string>;
  /** Thread id -> byte ranges in the previous data files. */
  ranges: Record<string, Ranges>;
};

export function cacheFile(workspaceDir: string, target: string): string {
  const key = createHash('sha256').update(target).digest('hex').slice(0, 16);
  return join(workspaceDir, CACHE_DIR, `${key}.sqlite`);
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS threads (id TEXT PRIMARY KEY, page_hash TEXT NOT NULL, summary_hash TEXT NOT NULL, kind TEXT NOT NULL,
    topics TEXT NOT NULL, summary TEXT NOT NULL, card TEXT NOT NULL) STRICT, WITHOUT ROWID;`;

/** The previous build's state, opened read-only; null when there is none that can be trusted for this build. */
export class PreviousBuild {
  readonly state: CacheState;
  readonly threads: Map<string, CachedThread>;
  private readonly db: DatabaseSync;
  private readonly rowStmt: StatementSync;

  private constructor(db: DatabaseSync, state: CacheState, threads: Map<string, CachedThread>) {
    this.db = db;
    this.state = state;
    this.threads = threads;
    this.rowStmt = db.prepare('SELECT summary, card FROM threads WHERE id = ?');
  }

  static open(file: string, expect: { fingerprint: string; manifestSha: string }): PreviousBuild | null {
    if (!existsSync(file)) return null;
    let db: DatabaseSync | null = null;
    try {
      db = new DatabaseSync(file, { readOnly: true });
      const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
      if (meta.get('format') !== FORMAT || !meta.has('state')) {
        db.close();
        return null;
      }
      const state = JSON.parse(meta.get('state')!) as CacheState;
      if (state.fingerprint !== expect.fingerprint || state.manifestSha !== expect.manifestSha) {
        db.close();
        return null;
      }
      const threads = new Map<string, CachedThread>();
      for (const r of db.prepare('SELECT id, page_hash, summary_hash, kind, topics FROM threads').all() as { id: string; page_hash: string; summary_hash: string; kind: string; topics: string }[]) {
        threads.set(r.id, { id: r.id, pageHash: r.page_hash, summaryHash: r.summary_hash, kind: r.kind, topics: r.topics ? r.topics.split('\n') : [] });
      }
      return new PreviousBuild(db, state, threads);
    } catch {
      db?.close();
      return null;
    }
  }

  row(id: string): { summary: string; card: string } {
    const r = this.rowStmt.get(id) as { summary: string; card: string } | undefined;
    if (!r) throw new Error(`the build cache has no thread ${id}`);
    return r;
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

/**
 * Writes the state of this build. A clean build streams every thread into a new file while it renders and renames
 * it into place at the end; an incremental build updates only the threads that changed. Either way the state is
 * written after the new site is in place, so a cache never describes a site that does not exist.
 */
export class CacheWriter {
  private readonly file: string;
  private readonly clean: boolean;
  private db: DatabaseSync | null = null;
  private upsert: StatementSync | null = null;
  private pending: CachedRow[] = [];
  private removed: string[] = [];

  constructor(file: string, clean: boolean) {
    this.file = file;
    this.clean = clean;
    if (clean) {
      mkdirSync(dirname(file), { recursive: true });
      rmSync(`${file}.tmp`, { force: true });
      this.open(`${file}.tmp`);
    }
  }

  private open(path: string): void {
    const db = new DatabaseSync(path);
    db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF');
    db.exec(SCHEMA);
    db.exec('BEGIN');
    this.db = db;
    this.upsert = db.prepare(`INSERT INTO threads (id, page_hash, summary_hash, kind, topics, summary, card) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET page_hash = excluded.page_hash, summary_hash = excluded.summary_hash, kind = excluded.kind,
      topics = excluded.topics, summary = excluded.summary, card = excluded.card`);
  }

  put(row: CachedRow): void {
    if (this.upsert) this.upsert.run(row.id, row.pageHash, row.summaryHash, row.kind, row.topics.join('\n'), row.summary, row.card);
    else this.pending.push(row);
  }

  remove(id: string): void {
    this.removed.push(id);
  }

  /** Call after the site is swapped in (and after the previous build's reader is closed). */
  finish(state: CacheState): void {
    if (!this.db) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.open(this.file);
      for (const row of this.pending) this.put(row);
    }
    const db = this.db!;
    const del = db.prepare('DELETE FROM threads WHERE id = ?');
    for (const id of this.removed) del.run(id);
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    meta.run('format', FORMAT);
    meta.run('state', JSON.stringify(state));
    db.exec('COMMIT');
    db.close();
    this.db = null;
    if (this.clean) renameSync(`${this.file}.tmp`, this.file);
  }

  abort(): void {
    if (this.db?.isOpen) this.db.close();
    this.db = null;
    if (this.clean) rmSync(`${this.file}.tmp`, { force: true });
  }
}
