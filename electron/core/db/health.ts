import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { CandorError } from '../errors.ts';
import type { CandorErrorInfo } from '../errors.ts';

// Whether the database beside workspace.json is the one Candor last left there, as Candor left it.
//
// - A missing or zero-byte database is damage, never a reason to start an empty workspace (a build would then
//   replace the published site with an empty one that verifies).
// - Each database carries an identity (a random id in its meta table). On a clean close Candor writes a small
//   marker beside it: that id, and the file's size and modification time once SQLite has folded its log back in.
//   At the next open a different id means the database was swapped for another; a different size or time means it
//   was changed by something other than Candor (or restored from a backup, which is fine, but is said).
// - After a crash the write-ahead log (candor.sqlite-wal) holds the last committed changes; if it is gone, they
//   are lost, and the person must hear it.
// Findings are reported as warnings and written to the audit log; only damage stops the workspace from opening.

export const CLOSE_MARKER = '.candor-closed';
const ID_KEY = 'workspace.dbId';

type CloseMarker = { dbId: string; size: number; mtimeMs: number; closedAt: string };

/** Refuses a database file that is missing or empty while workspace.json says a workspace is here. */
export function requireDatabaseFile(root: string, dbFile: string): void {
  const file = join(root, dbFile);
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  const walSize = statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  if (size === undefined || (size === 0 && walSize === 0)) {
    const what = size === undefined ? 'is missing' : 'is empty (0 bytes)';
    throw new CandorError('WORKSPACE_DAMAGED', `The workspace at ${root} is damaged: its database ${dbFile} ${what}. Restore ${dbFile} from a backup; Candor will not start an empty workspace in its place.`, { file });
  }
}

/** The database's identity, given one the first time a workspace is opened by a Candor that knows about it. */
export function databaseId(db: DatabaseSync): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(ID_KEY) as { value: string } | undefined;
  if (row) return row.value;
  const id = randomUUID();
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(ID_KEY, id);
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(ID_KEY) as { value: string }).value;
}

function readMarker(root: string): CloseMarker | null {
  try {
    return JSON.parse(readFileSync(join(root, CLOSE_MARKER), 'utf8')) as CloseMarker;
  } catch {
    return null;
  }
}

/** Before the database is opened: what the files on disk say about the last session. */
export type DiskState = { walMissing: boolean; changedOutside: boolean; marker: CloseMarker | null };

export function diskState(root: string, dbFile: string, crashed: boolean, othersOpen: boolean): DiskState {
  const file = join(root, dbFile);
  const marker = readMarker(root);
  const st = statSync(file);
  const walMissing = crashed && !existsSync(`${file}-wal`);
  // Only meaningful when nobody has it open and the last session closed cleanly (its log folded in, marker written).
  const changedOutside = !crashed && !othersOpen && marker !== null && (marker.size !== st.size || Math.abs(marker.mtimeMs - st.mtimeMs) > 1);
  return { walMissing, changedOutside, marker };
}

/** After the database is opened: the warnings to give, from the disk state and the database's identity. */
export function healthWarnings(root: string, dbFile: string, state: DiskState, dbId: string): CandorErrorInfo[] {
  const file = join(root, dbFile);
  const out: CandorErrorInfo[] = [];
  if (state.walMissing) {
    out.push({ code: 'WAL_MISSING', message: `The workspace was not closed cleanly and its write-ahead log (${dbFile}-wal) is gone: changes saved shortly before the crash may be lost. Check recent work, or restore the workspace from a backup.`, location: { file } });
  }
  if (state.marker && state.marker.dbId !== dbId) {
    out.push({ code: 'DATABASE_REPLACED', message: `${dbFile} is not the database this workspace had when it was last closed (${state.marker.closedAt}): it was replaced by another one. If you restored a backup, this is expected; otherwise check that this is the right workspace.`, location: { file } });
  } else if (state.changedOutside) {
    out.push({ code: 'CHANGED_OUTSIDE', message: `${dbFile} was changed by something other than Candor since it was last closed (${state.marker!.closedAt}). If you restored a backup, this is expected; otherwise check recent work.`, location: { file } });
  }
  return out;
}

/** After the last connection closed cleanly: remember what the database looks like now. */
export function writeCloseMarker(root: string, dbFile: string, dbId: string): void {
  const st = statSync(join(root, dbFile), { throwIfNoEntry: false });
  if (!st) return;
  const marker: CloseMarker = { dbId, size: st.size, mtimeMs: st.mtimeMs, closedAt: new Date().toISOString() };
  const path = join(root, CLOSE_MARKER);
  writeFileSync(`${path}.tmp`, JSON.stringify(marker));
  renameSync(`${path}.tmp`, path);
}
