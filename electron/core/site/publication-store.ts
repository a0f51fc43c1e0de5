import { hash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { transaction } from '../db/transaction.ts';
import { REASONS } from './labels.ts';
import { entryHash, ERASED_LABEL, eraseFromEntry, erasedRef, isErasedRef, LogEntry, nextEntry } from './publication-log.ts';
import type { ClaimInfo, PublicationState } from './publication-log.ts';
import type { SiteClaim } from './site-claims.ts';
import type { PublishedRows } from './site-data.ts';

// The publication log as the workspace keeps it (migration 0130): the entries exactly as published, the state the
// latest entry left, and the manifest of the newest build that showed it. A build drafts its entry from these and
// the workspace's records (draftPublication); once its site is in place, the entry is recorded (recordPublication).
// The app's preview drafts without recording.

export type PublicationDraft = {
  /** Every entry the site shows, oldest first: the recorded ones and this build's new one, if any. */
  entries: LogEntry[];
  added: LogEntry | null;
  /** What is published now: worked out only when it may differ from the recorded state (then `added` says how). */
  state: PublicationState;
  /** The latest recorded entry's number (0: none), to refuse recording over another build's entry. */
  basedOn: number;
  /** False when an earlier build's finding that nothing changed was taken instead of working it out. */
  worked: boolean;
};

/**
 * A published conversation's version: what a reader sees change when it does (new messages, status, kind, rating,
 * subject). A decision or a redaction setting does not make it "updated".
 */
function threadVersions(db: DatabaseSync, from: PublishedRows, into: PublicationState): void {
  const stmt = db.prepare(`SELECT id, last_activity_at, status, resolved_at, kind, rating, subject FROM ${from} WHERE decision = 'publish'`);
  stmt.setReturnArrays(true);
  for (const r of stmt.iterate() as unknown as Iterable<[string, string, string, string | null, string, number | null, string | null]>) {
    into.set(`thread:${r[0]}`, hash('sha256', JSON.stringify(r.slice(1)), 'hex').slice(0, 16));
  }
}

function currentState(db: DatabaseSync, from: PublishedRows, claims: readonly SiteClaim[]): PublicationState {
  const state: PublicationState = new Map();
  threadVersions(db, from, state);
  for (const c of claims) state.set(`claim:${c.id}`, `${c.status}:${c.revision}`);
  return state;
}

/** Why a conversation that was published is no longer: its recorded reason, back in review, or erased. */
function withdrawalReason(db: DatabaseSync, id: string): { reason: string; label: string } {
  if (isErasedRef(id)) return { reason: 'erased', label: ERASED_LABEL };
  const row = db.prepare('SELECT decision, decision_reason FROM threads WHERE id = ?').get(id) as { decision: string; decision_reason: string | null } | undefined;
  if (!row) return { reason: 'erased', label: ERASED_LABEL };
  if (row.decision === 'pending') return { reason: 'review', label: 'Taken back for review' };
  const reason = row.decision_reason && REASONS[row.decision_reason] ? row.decision_reason : 'other';
  return { reason, label: REASONS[reason]!.label };
}

type Row = { seq: number; entry: string; manifest_sha256: string | null };

function readEntries(db: DatabaseSync): { entries: LogEntry[]; latestManifest: string | null } {
  const rows = db.prepare('SELECT seq, entry, manifest_sha256 FROM publication_log ORDER BY seq').all() as Row[];
  return { entries: rows.map((r) => LogEntry.parse(JSON.parse(r.entry))), latestManifest: rows.at(-1)?.manifest_sha256 ?? null };
}

function readState(db: DatabaseSync): PublicationState {
  const stmt = db.prepare('SELECT item, version FROM publication_state');
  stmt.setReturnArrays(true);
  return new Map(stmt.iterate() as unknown as Iterable<[string, string]>);
}

/** This build's view of the log: the recorded entries and, when something changed since the last, a new one. */
/** `from`: where the published threads' rows are read (site-data.ts, publishedRows). */
/** `unchanged(seq)`: an earlier build of the same data found the recorded state current, with entry `seq` the latest (kept.ts). */
/** `read`: where the scans of every published thread and of the recorded state read (default: `db`; build/scans.ts). */
export function draftPublication(db: DatabaseSync, input: {
  claims: readonly SiteClaim[]; date: string | null; dataVersion: number; from?: PublishedRows; unchanged?: (latest: number) => boolean; read?: DatabaseSync;
}): PublicationDraft {
  const { entries, latestManifest } = readEntries(db);
  const last = entries.at(-1);
  if (last && input.unchanged?.(last.seq)) return { entries, added: null, state: new Map(), basedOn: last.seq, worked: false };
  const read = input.read ?? db;
  const before = readState(read);
  const state = currentState(read, input.from ?? 'threads', input.claims);
  const now = new Map<string, ClaimInfo>(input.claims.map((c) => [c.id, { title: c.title, revision: c.revision, status: c.status }]));
  // A withdrawn claim's title comes from the entries that named it.
  const titles = new Map<string, { title: string }>();
  for (const e of entries) for (const c of [...e.claims.added, ...e.claims.revised, ...e.claims.retired]) titles.set(c.id, { title: c.title });
  const added = nextEntry({
    previous: last ? { entry: last, manifest: latestManifest } : null, before, after: state, date: input.date, dataVersion: input.dataVersion,
    why: (id) => withdrawalReason(db, id), claims: { now, before: titles },
  });
  // The state is recorded only with a new entry: otherwise not kept (100,000 items at 100,000 threads) until the site is in place.
  return { entries: added ? [...entries, added] : entries, added, state: added ? state : new Map(), basedOn: last?.seq ?? 0, worked: true };
}

/**
 * Records what the build published, once its site is in place: the new entry (if any) with the state it leaves, and
 * the manifest of this build as the one the next entry follows. Returns a warning when another build recorded an
 * entry meanwhile (this one is then not recorded; the next build records the changes).
 */
export function recordPublication(db: DatabaseSync, draft: PublicationDraft, manifestSha256: string, now: string): string | null {
  return transaction(db, () => {
    const latest = (db.prepare('SELECT max(seq) AS seq FROM publication_log').get() as { seq: number | null }).seq ?? 0;
    if (latest !== draft.basedOn) return `Another build recorded publication log entry ${latest} meanwhile; this build's changes will be recorded by the next build.`;
    if (draft.added) {
      db.prepare('INSERT INTO publication_log (seq, entry, entry_sha256, manifest_sha256, recorded_at) VALUES (?, ?, ?, ?, ?)')
        .run(draft.added.seq, JSON.stringify(draft.added), entryHash(draft.added), manifestSha256, now);
      db.exec('DELETE FROM publication_state');
      const insert = db.prepare('INSERT INTO publication_state (item, version) VALUES (?, ?)');
      for (const [item, version] of draft.state) insert.run(item, version);
    } else if (latest > 0) {
      db.prepare('UPDATE publication_log SET manifest_sha256 = ? WHERE seq = ?').run(manifestSha256, latest);
    }
    return null;
  });
}

/**
 * Erasure (curation/erase.ts): the erased conversations' ids leave the recorded history and the published state, in
 * the caller's transaction. Each id becomes its erased form (publication-log.ts), so entry hashes stay as they were
 * and the next build records the withdrawal without the id.
 */
export function eraseFromPublicationLog(db: DatabaseSync, threadIds: readonly string[]): void {
  if (threadIds.length === 0) return;
  const ids = new Set(threadIds);
  const update = db.prepare('UPDATE publication_log SET entry = ? WHERE seq = ?');
  for (const r of db.prepare('SELECT seq, entry FROM publication_log ORDER BY seq').all() as { seq: number; entry: string }[]) {
    const next = JSON.stringify(eraseFromEntry(LogEntry.parse(JSON.parse(r.entry)), ids));
    if (next !== r.entry) update.run(next, r.seq);
  }
  const rename = db.prepare('UPDATE publication_state SET item = ? WHERE item = ?');
  for (const id of ids) rename.run(`thread:${erasedRef(id)}`, `thread:${id}`);
}
