import { hash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { transaction } from '../db/transaction.ts';
import { REASONS } from './labels.ts';
import { changedThreads } from '../store/data-version.ts';
import { countPublished, diffStates, entryHash, ERASED, ERASED_LABEL, eraseFromEntry, erasedRef, isErasedRef, LogEntry, nextEntry } from './publication-log.ts';
import type { ClaimInfo, PublicationState, Published, StateDiff } from './publication-log.ts';
import type { SiteClaim } from './site-claims.ts';
import type { PublishedRows } from './site-data.ts';

// The publication log as the workspace keeps it (migration 0130): the entries exactly as published, the state the
// latest entry left, and the manifest of the newest build that showed it. A build drafts its entry from these and
// the workspace's records (draftPublication); once its site is in place, the entry is recorded (recordPublication).
// The app's preview drafts without recording.

/** What recording an entry changes in the recorded state: the items published now or in a new version, and those gone. */
type StateWrites = { set: [item: string, version: string][]; remove: string[] };

export type PublicationDraft = {
  /** Every entry the site shows, oldest first: the recorded ones and this build's new one, if any. */
  entries: LogEntry[];
  added: LogEntry | null;
  /** How the recorded state becomes what is published now, with `added` (nothing without it). */
  writes: StateWrites;
  /** The latest recorded entry's number (0: none), to refuse recording over another build's entry. */
  basedOn: number;
  /**
   * How what is published now was worked out: 'kept' (an earlier build of the same data found nothing changed),
   * 'changes' (only the items changed since the latest entry, from the audit log), 'full' (every published item).
   */
  path: 'kept' | 'changes' | 'full';
};

const VERSION_COLUMNS = 'last_activity_at, status, resolved_at, kind, rating, subject';
type VersionRow = [string, string, string | null, string, number | null, string | null];

/**
 * A published conversation's version: what a reader sees change when it does (new messages, status, kind, rating,
 * subject). A decision or a redaction setting does not make it "updated".
 */
function versionOf(r: VersionRow): string {
  return hash('sha256', JSON.stringify(r), 'hex').slice(0, 16);
}

function threadVersions(db: DatabaseSync, from: PublishedRows, into: PublicationState): void {
  const stmt = db.prepare(`SELECT id, ${VERSION_COLUMNS} FROM ${from} WHERE decision = 'publish'`);
  stmt.setReturnArrays(true);
  for (const r of stmt.iterate() as unknown as Iterable<[string, ...VersionRow]>) into.set(`thread:${r[0]}`, versionOf(r.slice(1) as VersionRow));
}

function claimVersions(claims: readonly SiteClaim[]): PublicationState {
  return new Map(claims.map((c) => [`claim:${c.id}`, `${c.status}:${c.revision}`]));
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

/** The recorded items that start with `prefix` (a range of the primary key). */
function recordedRange(db: DatabaseSync, prefix: string, into: PublicationState): void {
  const stmt = db.prepare('SELECT item, version FROM publication_state WHERE item >= ? AND item < ?');
  stmt.setReturnArrays(true);
  // The prefix ends in ':'; ';' is the character after it.
  for (const [item, version] of stmt.iterate(prefix, `${prefix.slice(0, -1)};`) as unknown as Iterable<[string, string]>) into.set(item, version);
}

type Worked = { before: PublicationState; after: PublicationState; diff: StateDiff; published: Published };

/** Every published item now and every recorded one: what the log follows from when anything is unsure. */
function workFull(read: DatabaseSync, from: PublishedRows, claims: readonly SiteClaim[]): Worked {
  const before = readState(read);
  const after = claimVersions(claims);
  threadVersions(read, from, after);
  return { before, after, diff: diffStates(before, after), published: countPublished(after) };
}

/** Above this many changed conversations (and an eighth of those published), reading every item is cheaper. */
const CHANGES_MAX = 1000;

/**
 * Only what may have changed since the latest entry: the conversations the audit log names since its data version
 * (every change to a thread moves it on), the recorded erased ones (erasure renames them) and every claim. The
 * recorded state is what was published at that version; the rest of it still is. Null (work it all out) when
 * anything is unsure: a change that may touch any conversation, a data version before the entry's (another
 * database's history), a recorded state whose counts are not the entry's, or counts that do not add up.
 */
function workChanges(read: DatabaseSync, claims: readonly SiteClaim[], published: number, last: LogEntry): Worked | null {
  if (last.data_version > ((read.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number | null }).seq ?? 0)) return null;
  const ids = changedThreads(read, last.data_version);
  if (ids === 'all' || ids.size > Math.max(CHANGES_MAX, published / 8)) return null;
  const before: PublicationState = new Map();
  recordedRange(read, 'claim:', before);
  recordedRange(read, `thread:${ERASED}`, before);
  const recorded = read.prepare('SELECT count(*) AS n FROM publication_state WHERE item >= ? AND item < ?').get('thread:', 'thread;') as { n: number };
  if (recorded.n !== last.published.threads || countPublished(before).claims !== last.published.claims) return null;
  const version = read.prepare('SELECT version FROM publication_state WHERE item = ?');
  for (const id of ids) {
    const v = version.get(`thread:${id}`) as { version: string } | undefined;
    if (v) before.set(`thread:${id}`, v.version);
  }
  const after = claimVersions(claims);
  const row = read.prepare(`SELECT ${VERSION_COLUMNS} FROM threads WHERE id = ? AND decision = 'publish'`);
  row.setReturnArrays(true);
  for (const item of new Set([...[...ids].map((id) => `thread:${id}`), ...before.keys()])) {
    if (!item.startsWith('thread:')) continue;
    const r = row.get(item.slice('thread:'.length)) as unknown as VersionRow | undefined;
    if (r) after.set(item, versionOf(r));
  }
  const diff = diffStates(before, after);
  const moved = (items: string[]) => items.filter((i) => i.startsWith('thread:')).length;
  const threads = last.published.threads + moved(diff.added) - moved(diff.removed);
  if (threads !== published) return null;
  return { before, after, diff, published: { threads, claims: countPublished(after).claims } };
}

/**
 * This build's view of the log: the recorded entries and, when something changed since the last, a new one.
 * `from`: where the published threads' rows are read (site-data.ts, publishedRows).
 * `unchanged(seq)`: an earlier build of the same data found the recorded state current, with entry `seq` the latest (kept.ts).
 * `stateKept(seq)`: this code recorded (or found current) the state at entry `seq`, the latest: the draft may work from
 * what changed since (with `published`, how many conversations are published now); otherwise it reads every item.
 * `read`: where the scans of every published thread and of the recorded state read (default: `db`; build/scans.ts).
 */
export function draftPublication(db: DatabaseSync, input: {
  claims: readonly SiteClaim[]; date: string | null; dataVersion: number; from?: PublishedRows; unchanged?: (latest: number) => boolean;
  stateKept?: (latest: number) => boolean; published?: number; read?: DatabaseSync;
}): PublicationDraft {
  const { entries, latestManifest } = readEntries(db);
  const last = entries.at(-1);
  const none: StateWrites = { set: [], remove: [] };
  if (last && input.unchanged?.(last.seq)) return { entries, added: null, writes: none, basedOn: last.seq, path: 'kept' };
  const read = input.read ?? db;
  const changes = last && input.published !== undefined && input.stateKept?.(last.seq) ? workChanges(read, input.claims, input.published, last) : null;
  const { before, after, diff, published } = changes ?? workFull(read, input.from ?? 'threads', input.claims);
  const now = new Map<string, ClaimInfo>(input.claims.map((c) => [c.id, { title: c.title, revision: c.revision, status: c.status }]));
  // A withdrawn claim's title comes from the entries that named it.
  const titles = new Map<string, { title: string }>();
  for (const e of entries) for (const c of [...e.claims.added, ...e.claims.revised, ...e.claims.retired]) titles.set(c.id, { title: c.title });
  const added = nextEntry({
    previous: last ? { entry: last, manifest: latestManifest } : null, diff, published, before, date: input.date, dataVersion: input.dataVersion,
    why: (id) => withdrawalReason(db, id), claims: { now, before: titles },
  });
  // Only the changes are kept until the site is in place (not 100,000 items at 100,000 threads).
  const writes: StateWrites = added ? { set: [...diff.added, ...diff.updated].map((i) => [i, after.get(i)!]), remove: diff.removed } : none;
  return { entries: added ? [...entries, added] : entries, added, writes, basedOn: last?.seq ?? 0, path: changes ? 'changes' : 'full' };
}

/**
 * Records what the build published, once its site is in place: the new entry (if any) with the changes to the state
 * it leaves, and the manifest of this build as the one the next entry follows. Returns a warning when another build
 * recorded an entry meanwhile (this one is then not recorded; the next build records the changes).
 */
export function recordPublication(db: DatabaseSync, draft: PublicationDraft, manifestSha256: string, now: string): string | null {
  return transaction(db, () => {
    const latest = (db.prepare('SELECT max(seq) AS seq FROM publication_log').get() as { seq: number | null }).seq ?? 0;
    if (latest !== draft.basedOn) return `Another build recorded publication log entry ${latest} meanwhile; this build's changes will be recorded by the next build.`;
    if (draft.added) {
      db.prepare('INSERT INTO publication_log (seq, entry, entry_sha256, manifest_sha256, recorded_at) VALUES (?, ?, ?, ?, ?)')
        .run(draft.added.seq, JSON.stringify(draft.added), entryHash(draft.added), manifestSha256, now);
      const remove = db.prepare('DELETE FROM publication_state WHERE item = ?');
      for (const item of draft.writes.remove) remove.run(item);
      const set = db.prepare('INSERT INTO publication_state (item, version) VALUES (?, ?) ON CONFLICT (item) DO UPDATE SET version = excluded.version');
      for (const [item, version] of draft.writes.set) set.run(item, version);
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
