// Imports claims files as a long job, the way conversations are imported (importers/run.ts): the workspace's own
// lock is taken first (another import or a build is told "busy: importing claims (42%)"); the files are read, each
// claim checked and its evidence files hashed and copied while curators go on working, with progress reported and a
// chance to stop between batches; then the claims become visible in one short synchronous commit. Cancelled, or
// failed at any point, nothing is stored and the evidence files it copied are removed again. A bad record is
// reported by file and record/line and skipped; a fatal problem (unreadable file, wrong shape, bad header) changes
// nothing.
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { transaction } from '../db/transaction.ts';
import { CandorError, formatLocation } from '../errors.ts';
import { appendAudit } from '../store/audit.ts';
import { acquireExclusive } from '../store/writer.ts';
import type { ExclusiveLock } from '../store/writer.ts';
import type { Workspace } from '../workspace.ts';
import { resolveCategory } from './category.ts';
import { discardNewFiles } from './evidence-files.ts';
import { readClaimFile } from './import-files.ts';
import type { RawRecord } from './import-files.ts';
import { ClaimInput } from '../../shared/claims/model.ts';
import type { Claim } from '../../shared/claims/model.ts';
import { resolveEvidenceFiles, saveClaim } from './store.ts';
import type { ClaimImportReport } from '../../shared/claims/import-report.ts';
import type { ClaimImportFormat } from '../../shared/claims/import-report.ts';

/** Claims checked between two progress reports (each one a chance to stop). */
const BATCH = 100;

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function issues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}

type ClaimImportPhase = 'reading' | 'evidence' | 'storing';

/**
 * How far an import is, in its phase: claims read and checked (total 0 until every file is read), evidence files
 * hashed, then the claims stored.
 */
export type ClaimImportProgress = { phase: ClaimImportPhase; done: number; total: number; unit: 'claims' | 'files' };

/** Counts of the whole job: the lock says how far it is over all of it ("busy: importing claims (42%)"). */
type Counts = { claimsRead: number; claims: number; evidenceHashed: number; evidence: number };

export type ClaimImportOptions = {
  format?: ClaimImportFormat;
  now?: string;
  /** Folder evidence file paths are read from (and confined to); the imported file's own folder by default. */
  evidenceDir?: string;
  /** Told how far the import is, between batches; throwing (a CANCELLED from the app's job) stops it. */
  onProgress?: (p: ClaimImportProgress) => void;
  /** Stops the import at its next progress report (Ctrl-C on the command line). */
  signal?: AbortSignal;
};

/** One record of a file on its way in: rejected (and why), or checked and later resolved to a claim. */
type Entry = { where: string; rejected?: string; input?: ClaimInput; claim?: Claim; files: number };
type FileRead = { report: ClaimImportReport; records: RawRecord[]; entries: Entry[] };

/** Evidence files a record names (counted before it is checked, so the total is known up front). */
function evidenceCount(value: unknown): number {
  const ev = (value as { evidence?: unknown } | null)?.evidence;
  return Array.isArray(ev) ? ev.filter((e) => typeof (e as { file?: unknown } | null)?.file === 'string').length : 0;
}

/** The import's progress, reported between batches: first the next turn of the event loop, so a cancel arrives. */
function tracker(options: ClaimImportOptions, lock: ExclusiveLock) {
  const p: Counts = { claimsRead: 0, claims: 0, evidenceHashed: 0, evidence: 0 };
  return {
    p,
    async report(phase: ClaimImportPhase): Promise<void> {
      await nextTurn();
      if (options.signal?.aborted) throw new CandorError('CANCELLED', 'The claims import was cancelled. Nothing it was doing was kept.');
      const total = p.claims + p.evidence;
      lock.progress(total > 0 ? ((p.claimsRead + p.evidenceHashed) / total) * 90 : 0, phase === 'storing' ? 'commit' : 'reading');
      if (phase === 'evidence') options.onProgress?.({ phase, done: p.evidenceHashed, total: p.evidence, unit: 'files' });
      else options.onProgress?.({ phase, done: phase === 'storing' ? p.claims : p.claimsRead, total: p.claims, unit: 'claims' });
    },
  };
}

type Tracker = ReturnType<typeof tracker>;

async function readFiles(paths: readonly string[], options: ClaimImportOptions, t: Tracker): Promise<FileRead[]> {
  const out: FileRead[] = [];
  for (const path of paths) {
    const { format, records } = readClaimFile(path, options.format);
    out.push({ report: { file: path, format, claimsCreated: 0, claimsUpdated: 0, rejected: [], warnings: [] }, records, entries: [] });
    await t.report('reading');
  }
  t.p.claims = out.reduce((n, f) => n + f.records.length, 0);
  t.p.evidence = out.reduce((n, f) => n + f.records.reduce((m, r) => m + ('value' in r ? evidenceCount(r.value) : 0), 0), 0);
  return out;
}

/** Checks one record against the schema and the ids before it in its file. */
function checkRecord(file: FileRead, rec: RawRecord, seen: Map<string, string>): Entry {
  const where = formatLocation(rec.location);
  if ('error' in rec) return { where, rejected: rec.error, files: 0 };
  const files = evidenceCount(rec.value);
  if (rec.value !== null && typeof rec.value === 'object' && !Array.isArray(rec.value)) {
    const warning = resolveCategory(rec.value as Record<string, unknown>);
    if (warning) file.report.warnings.push({ location: where, message: `claim ${String((rec.value as { id?: unknown }).id ?? '?')}: ${warning}` });
  }
  const parsed = ClaimInput.safeParse(rec.value);
  if (!parsed.success) {
    const id = (rec.value as { id?: unknown } | null)?.id;
    return { where, rejected: `${typeof id === 'string' || typeof id === 'number' ? `claim ${id}: ` : ''}${issues(parsed.error)}`, files };
  }
  const id = parsed.data.id;
  if (seen.has(id)) return { where, rejected: `claim ${id}: the same id is already at ${seen.get(id)} of this file`, files };
  seen.set(id, where.replace(`${file.report.file} `, ''));
  return { where, input: parsed.data, files };
}

async function checkRecords(reads: FileRead[], t: Tracker): Promise<void> {
  for (const file of reads) {
    const seen = new Map<string, string>();
    for (const [i, rec] of file.records.entries()) {
      const entry = checkRecord(file, rec, seen);
      file.entries.push(entry);
      t.p.claimsRead++;
      // A rejected claim's evidence is never hashed: it counts as done.
      if (entry.rejected) t.p.evidenceHashed += entry.files;
      if ((i + 1) % BATCH === 0) await t.report('reading');
    }
    await t.report('reading');
  }
}

function rejection(id: string, err: unknown): string {
  if (err instanceof CandorError) return `claim ${id}: ${err.message}`;
  if (err instanceof z.ZodError) return `claim ${id}: ${issues(err)}`;
  throw err;
}

/** Hashes and copies each claim's evidence files into the workspace (content-addressed: no claim refers to them yet). */
async function resolveEvidence(ws: Workspace, reads: FileRead[], options: ClaimImportOptions, copied: string[], t: Tracker): Promise<void> {
  let sinceReport = 0;
  // With no evidence files to hash this is a moment's work: the progress stays "reading".
  const phase = t.p.evidence > 0 ? 'evidence' : 'reading';
  for (const file of reads) {
    const baseDir = options.evidenceDir ?? dirname(file.report.file);
    for (const entry of file.entries) {
      if (!entry.input) continue;
      try {
        entry.claim = resolveEvidenceFiles(ws, entry.input, { baseDir, confine: true, newFiles: copied });
      } catch (err) {
        entry.rejected = rejection(entry.input.id, err);
      }
      t.p.evidenceHashed += entry.files;
      // Hashing is the slow part: a report after each claim with files, else after a batch of claims.
      sinceReport += entry.files > 0 ? BATCH : 1;
      if (sinceReport >= BATCH) {
        sinceReport = 0;
        await t.report(phase);
      }
    }
  }
}

/** Stores every checked claim: one synchronous transaction, a savepoint per claim, nothing awaited inside it. */
function commitClaims(ws: Workspace, reads: FileRead[], now: string): ClaimImportReport[] {
  const db = ws.db;
  transaction(db, () => {
    for (const { report, entries } of reads) {
      for (const entry of entries) {
        if (entry.claim) {
          try {
            const result = saveClaim(ws, entry.claim, { now });
            if (result.created) report.claimsCreated++;
            if (result.updated) report.claimsUpdated++;
            continue;
          } catch (err) {
            entry.rejected = rejection(entry.claim.id, err);
          }
        }
        if (entry.rejected !== undefined) report.rejected.push({ location: entry.where, reason: entry.rejected });
      }
      appendAudit(db, { actor: ws.actor, action: 'claims.import', entityType: 'import', entityId: report.file, at: now, after: report });
    }
  });
  return reads.map((r) => r.report);
}

/** Removes evidence files this import copied that no claim refers to (its rejected claims', or all when it stopped). */
function discardUnused(db: DatabaseSync, copied: readonly string[]): void {
  const used = db.prepare('SELECT 1 FROM claim_evidence WHERE file_sha256 = ? LIMIT 1');
  discardNewFiles(copied.filter((p) => used.get(basename(p)) === undefined));
}

/**
 * Imports every claim in the files, all or nothing (see the top of this file). New claims are drafts; a claim whose
 * content changed goes back to draft (its published revision stays until the next publish); unchanged claims are
 * left alone. Only one import or build runs per workspace: another gets "busy".
 */
export async function importClaims(ws: Workspace, paths: readonly string[], options: ClaimImportOptions = {}): Promise<ClaimImportReport[]> {
  if (paths.length === 0) throw new CandorError('USAGE', 'Name at least one file to import.');
  if (options.evidenceDir !== undefined && !isDirectory(options.evidenceDir)) {
    throw new CandorError('USAGE', `The evidence folder ${options.evidenceDir} is not a folder.`, { file: options.evidenceDir });
  }
  const now = options.now ?? new Date().toISOString();
  const lock = acquireExclusive(ws.dir, 'claims');
  const copied: string[] = [];
  let reports: ClaimImportReport[];
  try {
    const t = tracker(options, lock);
    const reads = await readFiles(paths, options, t);
    await checkRecords(reads, t);
    await resolveEvidence(ws, reads, options, copied, t);
    // The last chance to stop; from here the commit runs to its end.
    await t.report('storing');
    reports = commitClaims(ws, reads, now);
  } catch (err) {
    discardUnused(ws.db, copied);
    if (err instanceof CandorError) throw err;
    throw new CandorError('IMPORT_FAILED', `Import failed, nothing was changed: ${(err as Error).message}`);
  } finally {
    lock.release();
  }
  discardUnused(ws.db, copied);
  return reports;
}
