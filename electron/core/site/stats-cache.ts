import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Stats } from '../../shared/curation/stats.ts';
import type { VersionedStats } from '../curation/workspace-stats.ts';
import { databaseId } from '../db/health.ts';
import { dataVersion } from '../store/data-version.ts';
import { STATE_DIR } from './build-state.ts';
import { codeFingerprint } from './build/fingerprint.ts';

// The statistics go over every imported thread (a tenth of a second at 10,000 threads, a second at 100,000), yet
// they change only with the data. A build keeps the ones it published beside the build states (.site-cache/), under
// what they were computed from: the output code (its fingerprint), the database (its id) and the data version (the
// audit log's last entry and its time; every change to the workspace moves it on). The next build of the same data, a
// rebuild or a build into another folder, uses them; any change of data, code or database computes them again.

// Not .json: the build states' pruning (build-state.ts) counts those.
const FILE = 'stats.kept';
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
    const kept = JSON.parse(readFileSync(join(workspaceDir, STATE_DIR, FILE), 'utf8')) as Kept;
    return kept.format === FORMAT && kept.key === key ? { stats: kept.stats, dataVersion: version.seq } : null;
  } catch {
    return null;
  }
}

/** Keeps the statistics a build published, computed at `version` (the build's data version and its time). */
export function keepStats(db: DatabaseSync, workspaceDir: string, stats: Stats, version: Version): void {
  const key = keyOf(db, version);
  if (key === null) return;
  const dir = join(workspaceDir, STATE_DIR);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, FILE);
  const kept: Kept = { format: FORMAT, key, stats };
  writeFileSync(`${file}.tmp`, JSON.stringify(kept));
  renameSync(`${file}.tmp`, file);
}
