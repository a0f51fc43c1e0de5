import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { CandorError } from './errors.ts';
import type { CandorErrorInfo } from './errors.ts';
import { openDatabase } from './db/open.ts';
import { DB_FILE, openQueryOnly } from './db/query-only.ts';
import { databaseId, diskState, healthWarnings, requireDatabaseFile, writeCloseMarker } from './db/health.ts';
import { transaction } from './db/transaction.ts';
import { appendAudit } from './store/audit.ts';
import { pidAlive, registerWorkspaceDb } from './store/writer.ts';
import { removeDeadScratch, scratchNotice } from './importers/staging.ts';
export { DB_FILE };

const WORKSPACE_FORMAT_VERSION = 1;
const META_FILE = 'workspace.json';
export const EVIDENCE_DIR = 'evidence';
/** Present while a process has the workspace open; left behind by a crash. */
const SESSION_FILE = '.candor-session';

export const WorkspaceMeta = z.object({
  format: z.literal('candor-workspace'),
  formatVersion: z.number().int().positive(),
  name: z.string().min(1),
  createdAt: z.string(),
});
export type WorkspaceMeta = z.infer<typeof WorkspaceMeta>;

export type Workspace = {
  dir: string;
  /** The one connection that writes. Every change is a short synchronous transaction on it. */
  db: DatabaseSync;
  /** A read-only connection: sees committed data only, never a write in progress. Opened on first use. */
  reader: () => DatabaseSync;
  meta: WorkspaceMeta;
  /** Who is acting: recorded in the audit log. */
  actor: string;
  /** True when the previous session ended without closing (the integrity check ran). */
  recoveredFromCrash: boolean;
  /** What opening found and the person should hear (a lost write-ahead log, a database changed outside Candor). */
  warnings: CandorErrorInfo[];
  close: () => void;
};

let warningListener: ((w: CandorErrorInfo) => void) | null = null;

/** Where opening a workspace reports its warnings besides ws.warnings (the CLI prints them on stderr). */
export function onWorkspaceWarning(listener: ((w: CandorErrorInfo) => void) | null): void {
  warningListener = listener;
}

/** Workspaces open in this process, by folder: a second session here is not "something other than Candor". */
const openHere = new Map<string, number>();

function defaultActor(): string {
  if (process.env.CANDOR_ACTOR) return process.env.CANDOR_ACTOR;
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function initWorkspace(dir: string, options: { name: string; actor?: string }): Workspace {
  const root = resolve(dir);
  const name = options.name.trim();
  if (!name) throw new CandorError('USAGE', 'The organisation name must not be empty.', undefined, '--name "Acme Ltd"');
  if (existsSync(join(root, META_FILE))) {
    throw new CandorError('WORKSPACE_EXISTS', `${root} is already a Candor workspace.`, { file: root });
  }
  if (existsSync(root)) {
    if (!statSync(root).isDirectory()) throw new CandorError('NOT_A_FOLDER', `${root} exists and is not a folder.`, { file: root });
    if (readdirSync(root).length > 0) {
      throw new CandorError('FOLDER_NOT_EMPTY', `${root} is not empty. Choose a new or empty folder for the workspace.`, { file: root });
    }
  }
  mkdirSync(join(root, EVIDENCE_DIR), { recursive: true });
  const meta: WorkspaceMeta = { format: 'candor-workspace', formatVersion: WORKSPACE_FORMAT_VERSION, name, createdAt: new Date().toISOString() };
  openDatabase(join(root, DB_FILE)).close();
  // workspace.json is written last: a folder without it is not (yet) a workspace.
  writeFileSync(join(root, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
  return openWorkspace(root, options.actor === undefined ? {} : { actor: options.actor });
}

export function readWorkspaceMeta(root: string): WorkspaceMeta {
  const metaPath = join(root, META_FILE);
  if (!existsSync(metaPath)) {
    throw new CandorError('NOT_A_WORKSPACE', `${root} is not a Candor workspace (no ${META_FILE} and ${DB_FILE}). Choose the folder that holds them, or create a new workspace.`, { file: root }, 'create one with: candor init <folder> --name "<organisation>"');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(metaPath, 'utf8'));
  } catch {
    throw new CandorError('NOT_A_WORKSPACE', `${metaPath} is not valid JSON.`, { file: metaPath });
  }
  const parsed = WorkspaceMeta.safeParse(raw);
  if (!parsed.success) throw new CandorError('NOT_A_WORKSPACE', `${metaPath} is not a Candor workspace description.`, { file: metaPath });
  if (parsed.data.formatVersion > WORKSPACE_FORMAT_VERSION) {
    throw new CandorError('WORKSPACE_TOO_NEW', `${root} was made by a newer version of Candor (format ${parsed.data.formatVersion}). Update Candor to open it.`, { file: metaPath });
  }
  requireDatabaseFile(root, DB_FILE);
  return parsed.data;
}

/** Rewrites workspace.json (the organisation's name): written beside and renamed, so it is never half written. */
export function writeWorkspaceMeta(root: string, meta: WorkspaceMeta): void {
  const file = join(root, META_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(WorkspaceMeta.parse(meta), null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** A session file whose owners are all gone means the last session ended without closing. */
function readSessions(file: string): number[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').map((l) => Number(l.trim())).filter((n) => Number.isInteger(n) && n > 0);
}

export function openWorkspace(dir: string, options: { actor?: string } = {}): Workspace {
  const root = resolve(dir);
  const meta = readWorkspaceMeta(root);
  const sessionFile = join(root, SESSION_FILE);
  const sessions = readSessions(sessionFile);
  const live = sessions.filter((pid) => pid !== process.pid && pidAlive(pid));
  const crashed = sessions.length > 0 && live.length < sessions.filter((pid) => pid !== process.pid).length;
  const disk = diskState(root, DB_FILE, crashed, live.length > 0 || (openHere.get(root) ?? 0) > 0);
  const db = openDatabase(join(root, DB_FILE), { checkIntegrity: crashed });
  registerWorkspaceDb(db, root);
  openHere.set(root, (openHere.get(root) ?? 0) + 1);
  writeFileSync(sessionFile, [...live, process.pid].join('\n'));
  const actor = options.actor ?? defaultActor();
  const dbId = databaseId(db);
  const warnings = healthWarnings(root, DB_FILE, disk, dbId);
  const scratch = removeDeadScratch(root);
  if (scratch > 0) warnings.push({ code: 'IMPORT_INTERRUPTED', message: scratchNotice(scratch), location: { file: root } });
  if (warnings.length) {
    // Said once, and kept: the audit log shows when Candor found the database not as it left it.
    transaction(db, () => { for (const w of warnings) appendAudit(db, { actor, action: 'workspace.warning', entityType: 'workspace', entityId: root, after: w }); });
    for (const w of warnings) warningListener?.(w);
  }
  let reader: DatabaseSync | null = null;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    reader?.close();
    try {
      db.exec('PRAGMA optimize');
    } catch {
      // optimize is advisory; closing matters more.
    }
    db.close();
    const here = (openHere.get(root) ?? 1) - 1;
    if (here > 0) openHere.set(root, here);
    else openHere.delete(root);
    const others = readSessions(sessionFile).filter((pid) => pid !== process.pid && pidAlive(pid));
    if (others.length) writeFileSync(sessionFile, [...others, ...(here > 0 ? [process.pid] : [])].join('\n'));
    else if (here === 0) {
      writeCloseMarker(root, DB_FILE, dbId);
      rmSync(sessionFile, { force: true });
    }
  };
  const openReader = () => {
    if (closed) throw new CandorError('NO_WORKSPACE', 'The workspace was closed.');
    if (!reader) {
      reader = openQueryOnly(join(root, DB_FILE));
    }
    return reader;
  };
  return { dir: root, db, reader: openReader, meta, actor, recoveredFromCrash: crashed, warnings, close };
}
