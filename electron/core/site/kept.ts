import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Stats } from '../../shared/curation/stats.ts';
import type { VersionedStats } from '../curation/workspace-stats.ts';
import { DETECTOR_VERSION } from '../curation/scan.ts';
import { databaseId } from '../db/health.ts';
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

const STATS_FILE = 'stats.kept';
const TOPICS_FILE = 'topics.kept';
const PUBLICATION_FILE = 'publication.kept';
const LISTS_FILE = 'lists.kept';
const FORMAT = 1;

type Kept = { format: number; key: string; stats: Stats };
type Version = { seq: number; at: string | null };

function keyOf(db: DatabaseSync, version: Version): string | null {
  const code = codeFingerprint();
  return code === null ? null : JSON.stringify([code, databaseId(db), version.seq, version.at]);
}

/** The statistics a build kept for the workspace's data as it is now, or null (none, or of other data or code). */
export function keptStats(db: DatabaseSync, workspaceDir: string): VersionedStats | null {
  const version = dataVersion(db);
  const key = keyOf(db, version);
  if (key === null) return null;
  try {
    const kept = JSON.parse(readFileSync(join(workspaceDir, STATE_DIR, STATS_FILE), 'utf8')) as Kept;
    return kept.format === FORMAT && kept.key === key ? { stats: kept.stats, dataVersion: version.seq } : null;
  } catch {
    return null;
  }
}

/** Keeps the statistics a build published, computed at `version` (the build's data version and its time). */
export function keepStats(db: DatabaseSync, workspaceDir: string, stats: Stats, version: Version): void {
  const key = keyOf(db, version);
  if (key !== null) write(workspaceDir, STATS_FILE, { format: FORMAT, key, stats } satisfies Kept);
}

function write(workspaceDir: string, name: string, value: unknown): void {
  const dir = join(workspaceDir, STATE_DIR);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(`${file}.tmp`, JSON.stringify(value));
  renameSync(`${file}.tmp`, file);
}

type KeptTopics = { format: number; code: string; verdicts: [string, boolean][] };

/** The output code and the detectors' version (named on its own, as in the build's fingerprint). */
function detectorCode(): string | null {
  const code = codeFingerprint();
  return code === null ? null : `${code}:${DETECTOR_VERSION}`;
}

/** Topic names checked by earlier builds with this code: whether each may be shown. */
export function keptTopicVerdicts(workspaceDir: string): Map<string, boolean> {
  const code = detectorCode();
  if (code === null) return new Map();
  try {
    const kept = JSON.parse(readFileSync(join(workspaceDir, STATE_DIR, TOPICS_FILE), 'utf8')) as KeptTopics;
    return kept.format === FORMAT && kept.code === code && Array.isArray(kept.verdicts) ? new Map(kept.verdicts) : new Map();
  } catch {
    return new Map();
  }
}

export function keepTopicVerdicts(workspaceDir: string, verdicts: ReadonlyMap<string, boolean>): void {
  const code = detectorCode();
  if (code !== null) write(workspaceDir, TOPICS_FILE, { format: FORMAT, code, verdicts: [...verdicts] } satisfies KeptTopics);
}

type KeptPublication = { format: number; key: string };

/** Whether a build found the recorded publication state equal to what this data publishes, with entry `seq` the latest. */
export function publicationCurrent(db: DatabaseSync, workspaceDir: string, version: Version, seq: number): boolean {
  const key = keyOf(db, version);
  if (key === null) return false;
  try {
    const kept = JSON.parse(readFileSync(join(workspaceDir, STATE_DIR, PUBLICATION_FILE), 'utf8')) as KeptPublication;
    return kept.format === FORMAT && kept.key === `${key}:${seq}`;
  } catch {
    return false;
  }
}

/** Keeps that the recorded publication state is what the data at `version` publishes, entry `seq` the latest. */
export function keepPublicationCurrent(db: DatabaseSync, workspaceDir: string, version: Version, seq: number): void {
  const key = keyOf(db, version);
  if (key !== null) write(workspaceDir, PUBLICATION_FILE, { format: FORMAT, key: `${key}:${seq}` } satisfies KeptPublication);
}

// - The list pages' paths and input hashes: working them out reads every published thread's status and rating and
//   hashes every page's items (about a second at 100,000 threads). They follow from the data and from what every
//   page depends on (the settings' fingerprint: code, theme, language, settings): kept under both, the database and
//   the data version. A build reuses them only when every page is in the previous site as it was verified.

type KeptLists = { format: number; key: string; pages: [string, string][] };

function listsKey(db: DatabaseSync, version: Version, fingerprint: string): string | null {
  const key = keyOf(db, version);
  return key === null ? null : `${key}:${fingerprint}`;
}

/** The list pages (path, input hash) a build worked out for this data and these settings, or null. */
export function keptListPages(db: DatabaseSync, workspaceDir: string, version: Version, fingerprint: string): [string, string][] | null {
  const key = listsKey(db, version, fingerprint);
  if (key === null) return null;
  try {
    const kept = JSON.parse(readFileSync(join(workspaceDir, STATE_DIR, LISTS_FILE), 'utf8')) as KeptLists;
    return kept.format === FORMAT && kept.key === key && Array.isArray(kept.pages) ? kept.pages : null;
  } catch {
    return null;
  }
}

export function keepListPages(db: DatabaseSync, workspaceDir: string, version: Version, fingerprint: string, pages: [string, string][]): void {
  const key = listsKey(db, version, fingerprint);
  if (key !== null) write(workspaceDir, LISTS_FILE, { format: FORMAT, key, pages } satisfies KeptLists);
}
