import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

// The saved state of the last build of one output folder: each thread's content hash and summary, the input hash
// of every other page, the search shards, and where each thread sits in the data files. Kept in the workspace
// (.site-cache/), holds only what the site already publishes, and can be deleted at any time: the next build is
// then a clean one. It is trusted only while the site it describes is untouched (its manifest's hash matches).

export const CACHE_DIR = '.site-cache';
const FORMAT = '1';

export type CachedThread = { id: string; pageHash: string; summaryHash: string; summary: string; kind: string; topics: string[] };
export type Ranges = { json: [number, number]; threadsCsv: [number, number]; messagesCsv: [number, number] };
export type CacheState = {
  fingerprint: string;
  dataVersion: number;
  manifestSha: string;
  shardCount: number;
  /** Search bundle name -> input hash. */
  bundles: Record<string, string>;
  /** Page path -> input hash, for every page that is not a thread page. */
  pages: Record<string, string>;
  /** Thread id -> byte ranges in the previous data files. */
  ranges: Record<string, Ranges>;
};

export function cacheFile(workspaceDir: string, target: string): string {
  const key = createHash('sha256').update(target).digest('hex').slice(0, 16);
  return join(workspaceDir, CACHE_DIR, `${key}.sqlite`);
}

function open(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF');
  db.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    CREATE TABLE IF NOT EXISTS threads (id TEXT PRIMARY KEY, page_hash TEXT NOT NULL, summary_hash TEXT NOT NULL, summary TEXT NOT NULL, kind TEXT NOT NULL, topics TEXT NOT NULL) STRICT, WITHOUT ROWID;`);
  return db;
}

/** The previous build's state, or null when there is none that can be trusted for this build. */
export function readCache(file: string, expect: { fingerprint: string; manifestSha: string }): { state: CacheState; threads: Map<string, CachedThread> } | null {
  if (!existsSync(file)) return null;
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    if (meta.get('format') !== FORMAT || !meta.has('state')) return null;
    const state = JSON.parse(meta.get('state')!) as CacheState;
    if (state.fingerprint !== expect.fingerprint || state.manifestSha !== expect.manifestSha) return null;
    const threads = new Map<string, CachedThread>();
    for (const r of db.prepare('SELECT id, page_hash, summary_hash, summary, kind, topics FROM threads').all() as { id: string; page_hash: string; summary_hash: string; summary: string; kind: string; topics: string }[]) {
      threads.set(r.id, { id: r.id, pageHash: r.page_hash, summaryHash: r.summary_hash, summary: r.summary, kind: r.kind, topics: r.topics ? r.topics.split('\n') : [] });
    }
    return { state, threads };
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Saves the state after a build. A clean build writes a fresh file and renames it into place; an incremental one
 * updates only the threads that changed. Called after the new site is in place.
 */
export function writeCache(file: string, state: CacheState, threads: { changed: Iterable<CachedThread>; removed: Iterable<string>; clean: boolean }): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const target = threads.clean ? `${file}.tmp` : file;
  if (threads.clean) rmSync(target, { force: true });
  const db = open(target);
  try {
    db.exec('BEGIN');
    const up = db.prepare(`INSERT INTO threads (id, page_hash, summary_hash, summary, kind, topics) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET page_hash = excluded.page_hash, summary_hash = excluded.summary_hash, summary = excluded.summary, kind = excluded.kind, topics = excluded.topics`);
    for (const t of threads.changed) up.run(t.id, t.pageHash, t.summaryHash, t.summary, t.kind, t.topics.join('\n'));
    const del = db.prepare('DELETE FROM threads WHERE id = ?');
    for (const id of threads.removed) del.run(id);
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    meta.run('format', FORMAT);
    meta.run('state', JSON.stringify(state));
    db.exec('COMMIT');
  } finally {
    db.close();
  }
  if (threads.clean) renameSync(target, file);
}

export function dropCache(file: string): void {
  rmSync(file, { force: true });
}
