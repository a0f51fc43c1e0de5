import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Stats } from '../../shared/curation/stats.ts';
import type { VersionedStats } from '../curation/workspace-stats.ts';
import { DETECTOR_VERSION } from '../curation/scan.ts';
import { databaseId } from '../db/health.ts';
import { schemaVersion } from '../db/open.ts';
import { dataVersion } from '../store/data-version.ts';
import { STATE_DIR } from './build-state.ts';
import { codeFingerprint } from './build/fingerprint.ts';

// What a build works out that the next one may take as it is, kept beside the build states (.site-cache/) under what
// it was worked out from. Not .json files: the build states' pruning (build-state.ts) counts those.
//
// - The statistics go over every imported thread (a tenth of a second at 10,000 threads, a second at 100,000), yet
//   change only with the data: kept under the output code (its fingerprint), the database (its id) and the data
//   version (the audit log's last entry and its time; every change to the workspace moves it on). The next build of
//   the same data, a rebuild or a build into another folder, uses them; any change of data, code or database
//   computes them again.
// - Whether a topic name may be shown (one holding personal data may not) depends on the name and the detectors
//   only: kept under the output code (the detectors are part of it), so that a build runs no detector for names
//   checked before.
// - Whether the publication log's recorded state (publication-store.ts) is what the data publishes: working it out
//   hashes every published thread's version (half a second at 100,000 threads). It changes only with the data or
//   with a newly recorded entry: kept under the output code, the database, the data version and the latest entry.
// - Which entry's state (publication_state) this code recorded, or found current: a later build may then work out
//   only what changed since that entry (the audit log names it). Kept under the output code (which works the
//   versions out), the database and its schema version (a migration may rewrite rows without an audit entry); any
//   other code or schema reads every item again.

const STATS_FILE = 'stats.kept';
const TOPICS_FILE = 'topics.kept';
const PUBLICATION_FILE = 'publication.kept';
const LISTS_FILE = 'lists.kept';
const PUBLICATION_STATE_FILE = 'publication-state.kept';
/** 2: every file is `{format, key, value}`. */
const FORMAT = 2;

type Version = { seq: number; at: string | null };

/** What file `name` keeps under `key`, as it was written, or null: none, another key or format, or unreadable. */
function readKept(workspaceDir: string, name: string, key: string | null): unknown {
  if (key === null) return null;
  try {
    const kept = JSON.parse(readFileSync(join(workspaceDir, STATE_DIR, name), 'utf8')) as { format?: unknown; key?: unknown; value?: unknown };
    return kept.format === FORMAT && kept.key === key ? (kept.value ?? null) : null;
  } catch {
    return null;
  }
}

/** Keeps `value` in file `name` under `key` (nothing when there is no key: the code's fingerprint is unknown). */
function keep(workspaceDir: string, name: string, key: string | null, value: unknown): void {
  if (key === null) return;
  const dir = join(workspaceDir, STATE_DIR);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(`${file}.tmp`, JSON.stringify({ format: FORMAT, key, value }));
  renameSync(`${file}.tmp`, file);
}

/** The output code, the database and the data version: what the statistics, the publication state and lists follow. */
function keyOf(db: DatabaseSync, version: Version): string | null {
  const code = codeFingerprint();
  return code === null ? null : JSON.stringify([code, databaseId(db), version.seq, version.at]);
}

/** The statistics a build kept for the workspace's data as it is now, or null (none, or of other data or code). */
export function keptStats(db: DatabaseSync, workspaceDir: string): VersionedStats | null {
  const version = dataVersion(db);
  const stats = readKept(workspaceDir, STATS_FILE, keyOf(db, version));
  return stats !== null && typeof stats === 'object' ? { stats: stats as Stats, dataVersion: version.seq } : null;
}

/** Keeps the statistics a build published, computed at `version` (the build's data version and its time). */
export function keepStats(db: DatabaseSync, workspaceDir: string, stats: Stats, version: Version): void {
  keep(workspaceDir, STATS_FILE, keyOf(db, version), stats);
}

/** The output code and the detectors' version (named on its own, as in the build's fingerprint). */
function detectorCode(): string | null {
  const code = codeFingerprint();
  return code === null ? null : `${code}:${DETECTOR_VERSION}`;
}

/** Topic names checked by earlier builds with this code: whether each may be shown. */
export function keptTopicVerdicts(workspaceDir: string): Map<string, boolean> {
  const verdicts = readKept(workspaceDir, TOPICS_FILE, detectorCode());
  return Array.isArray(verdicts) ? new Map(verdicts as [string, boolean][]) : new Map();
}

export function keepTopicVerdicts(workspaceDir: string, verdicts: ReadonlyMap<string, boolean>): void {
  keep(workspaceDir, TOPICS_FILE, detectorCode(), [...verdicts]);
}

/** The publication state's key: the data's, and the latest recorded entry. */
function publicationKey(db: DatabaseSync, version: Version, seq: number): string | null {
  const key = keyOf(db, version);
  return key === null ? null : `${key}:${seq}`;
}

/** Whether a build found the recorded publication state equal to what this data publishes, with entry `seq` the latest. */
export function publicationCurrent(db: DatabaseSync, workspaceDir: string, version: Version, seq: number): boolean {
  return readKept(workspaceDir, PUBLICATION_FILE, publicationKey(db, version, seq)) === true;
}

/** Keeps that the recorded publication state is what the data at `version` publishes, entry `seq` the latest. */
export function keepPublicationCurrent(db: DatabaseSync, workspaceDir: string, version: Version, seq: number): void {
  keep(workspaceDir, PUBLICATION_FILE, publicationKey(db, version, seq), true);
}

/** The output code, the database and its schema: what the recorded publication state's versions follow. */
function stateKey(db: DatabaseSync): string | null {
  const code = codeFingerprint();
  return code === null ? null : JSON.stringify([code, databaseId(db), schemaVersion(db)]);
}

/** Whether this code recorded (or found current) the publication state at entry `seq`. */
export function publicationStateKept(db: DatabaseSync, workspaceDir: string, seq: number): boolean {
  return readKept(workspaceDir, PUBLICATION_STATE_FILE, stateKey(db)) === seq;
}

/** Keeps that this code recorded (or found current) the publication state at entry `seq`, the latest. */
export function keepPublicationState(db: DatabaseSync, workspaceDir: string, seq: number): void {
  keep(workspaceDir, PUBLICATION_STATE_FILE, stateKey(db), seq);
}

// - The list pages' paths and input hashes: working them out reads every published thread's status and rating and
//   hashes every page's items (about a second at 100,000 threads). They follow from the data and from what every
//   page depends on (the settings' fingerprint: code, theme, language, settings): kept under both, the database and
//   the data version. A build reuses them only when every page is in the previous site as it was verified.

function listsKey(db: DatabaseSync, version: Version, fingerprint: string): string | null {
  const key = keyOf(db, version);
  return key === null ? null : `${key}:${fingerprint}`;
}

/** The list pages (path, input hash) a build worked out for this data and these settings, or null. */
export function keptListPages(db: DatabaseSync, workspaceDir: string, version: Version, fingerprint: string): [string, string][] | null {
  const pages = readKept(workspaceDir, LISTS_FILE, listsKey(db, version, fingerprint));
  return Array.isArray(pages) ? (pages as [string, string][]) : null;
}

export function keepListPages(db: DatabaseSync, workspaceDir: string, version: Version, fingerprint: string, pages: [string, string][]): void {
  keep(workspaceDir, LISTS_FILE, listsKey(db, version, fingerprint), pages);
}
