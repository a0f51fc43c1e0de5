import { statSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { CandorError, formatLocation } from '../errors.ts';
import { appendAudit } from '../store/audit.ts';
import { upsertThread } from '../store/threads.ts';
import type { Workspace } from '../workspace.ts';
import { suspendableIndexes } from './bulk.ts';
import { readRecords } from './parallel.ts';
import { detectFormat, importerById } from './registry.ts';
import { openSourceFile } from './source-file.ts';
import type { SourceFile } from './source-file.ts';
import { savedStaff, saveStaff, staffMatcher } from './staff.ts';
import type { ImportProgress, Importer } from './types.ts';
import type { FileReport } from '../model/import-report.ts';

export { FileReport, RejectedRecord } from '../model/import-report.ts';

export type ImportOptions = {
  format?: string;
  staff?: readonly string[];
  mapping?: unknown;
  /** Files read alongside the main ones (Zendesk comments for a tickets export). */
  companions?: readonly string[];
  onProgress?: (p: ImportProgress) => void;
  /** Told, before each file is read, which format it is read as and whether that was detected or forced. */
  onFormat?: (info: { file: string; format: string; label: string; detected: boolean }) => void;
  /** Read large files on a worker thread while the main thread stores (default true; see parallel.ts). */
  parallel?: boolean;
  /** Smallest file read on a worker, and the worker's heap (tests lower them). */
  parallelMinBytes?: number;
  workerHeapMb?: number;
  /** For tests of crash safety: called after each stored thread. */
  afterThread?: () => void;
};

/** Reads the workspace policy for new threads, when curation has set one. */
function defaultDecision(db: DatabaseSync): 'pending' | 'publish' | 'withhold' {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'policy.defaultDecision'").get() as { value: string } | undefined;
  const v = row?.value;
  return v === 'publish' || v === 'withhold' ? v : 'pending';
}

/**
 * Imports files into the workspace as one transaction: a fatal error (or a crash) leaves the workspace exactly as it
 * was. Records that fail validation are reported with their location and skipped; the rest are stored.
 */
export async function runImport(ws: Workspace, paths: readonly string[], options: ImportOptions = {}): Promise<FileReport[]> {
  if (paths.length === 0) throw new CandorError('USAGE', 'Name at least one file to import.');
  const db = ws.db;
  const plan: { path: string; importer: Importer }[] = paths.map((path) => ({
    path,
    importer: options.format ? importerById(options.format) : detectFormat(path, { hasMapping: options.mapping !== undefined }),
  }));
  if (options.companions?.length && !plan.some((p) => p.importer.id === 'zendesk')) {
    throw new CandorError('USAGE', `--comments goes with a Zendesk tickets export, but ${plan.length === 1 ? 'the file is' : 'the files are'} read as ${[...new Set(plan.map((p) => p.importer.id))].join(', ')}.`);
  }
  const now = new Date().toISOString();
  const reports: FileReport[] = [];

  db.exec('BEGIN IMMEDIATE');
  try {
    const staffEntries = options.staff?.length ? saveStaff(db, options.staff) : savedStaff(db);
    const staff = staffMatcher(staffEntries);
    const decision = defaultDecision(db);
    const companions: SourceFile[] = (options.companions ?? []).map((p) => openSourceFile(p));
    const indexes = suspendableIndexes(db);
    for (const { path, importer } of plan) {
      options.onFormat?.({ file: path, format: importer.id, label: importer.label, detected: !options.format });
      const report: FileReport = { file: path, format: importer.id, threadsCreated: 0, threadsUpdated: 0, messagesCreated: 0, internalNotes: 0, rejected: [] };
      let bytesRead = 0;
      let records = 0;
      const file = openSourceFile(path, (n) => {
        bytesRead += n;
        options.onProgress?.({ file: path, bytesRead, bytesTotal: file.size, records });
      });
      const reading = readRecords(importer, file, { staff, mapping: options.mapping, companions }, { parallel: options.parallel, minBytes: options.parallelMinBytes, workerHeapMb: options.workerHeapMb });
      for await (const rec of reading) {
        records++;
        if (!rec.ok) {
          report.rejected.push({ location: formatLocation(rec.location), reason: rec.reason });
          continue;
        }
        try {
          // upsertThread validates everything before its first write, so a rejected record writes nothing; any
          // failure after that aborts the whole import. (No savepoint per thread: FTS5 flushes its index on each.)
          const result = upsertThread(db, rec.thread, { actor: ws.actor, now, defaultDecision: decision });
          if (result.created) {
            report.threadsCreated++;
            indexes.created();
          }
          if (result.updated) report.threadsUpdated++;
          report.messagesCreated += result.messagesCreated;
          report.internalNotes += result.internalNotes;
        } catch (err) {
          if (err instanceof z.ZodError) {
            report.rejected.push({ location: formatLocation(rec.location), reason: err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
          } else throw err;
        }
        options.afterThread?.();
      }
      options.onProgress?.({ file: path, bytesRead: file.size, bytesTotal: file.size, records });
      if (records === 0 && file.size === 0) {
        const folder = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
        throw new CandorError('EMPTY_FILE', folder ? `${path}: the folder holds no messages to import.` : `${path}: the file is empty; nothing to import.`, { file: path });
      }
      appendAudit(db, { actor: ws.actor, action: 'import.file', entityType: 'import', entityId: path, at: now, after: report });
      reports.push(report);
    }
    indexes.restore();
    db.exec('COMMIT');
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    if (err instanceof CandorError) throw err;
    throw new CandorError('IMPORT_FAILED', `Import failed, nothing was changed: ${(err as Error).message}`);
  }
  return reports;
}
