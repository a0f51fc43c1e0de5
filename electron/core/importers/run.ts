import { statSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { CandorError, formatLocation } from '../errors.ts';
import { appendAudit } from '../store/audit.ts';
import { upsertThread } from '../store/upsert-thread.ts';
import type { Workspace } from '../workspace.ts';
import { suspendableIndexes } from './bulk.ts';
import { openStaging, scratchNotice } from './staging.ts';
import { crashHookFor } from '../worker-link.ts';
import type { Staging } from './staging.ts';
import { acquireExclusive } from '../store/writer.ts';
import type { ExclusiveLock } from '../store/writer.ts';
import { markScanning } from '../curation/scan-mark.ts';
import type { ScanMark } from '../curation/scan-mark.ts';
import { readRecords } from './parallel.ts';
import { CsvMapping } from './csv-mapping.ts';
import { companionKind, companionVendor, COMPANION_WORDS, requireCompanion } from './companions.ts';
import { detectFormat, importerById } from './registry.ts';
import { chooseEncoding, scanFile } from './file-scan.ts';
import { maxRecordBytes, openSourceFile, recordTooLarge, sampleText } from './source-file.ts';
import type { Encoding, SourceFile } from './source-file.ts';
import { savedStaff, saveStaff, staffMatcher } from './staff.ts';
import type { StaffMatcher } from './staff.ts';
import type { ImportProgress, Importer, ImportRecord } from './types.ts';
import { zendeskLeftovers } from './zendesk.ts';
import { freshdeskLeftovers } from './freshdesk.ts';
import type { FileReport } from '../../shared/model/import-report.ts';

export { FileReport } from '../../shared/model/import-report.ts';

export type ImportOptions = {
  format?: string;
  /** Read text files in this encoding instead of the one their content points to (--encoding). */
  encoding?: Encoding;
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
  /** For tests of concurrency: called once every file is read and staged, before the import's commit. */
  beforeCommit?: () => void | Promise<void>;
  /** After the commit, personal data and topics are scanned ahead of the first filtered search (default true). */
  scan?: boolean;
  /** Told how far that scan is, in conversations. */
  onScanProgress?: (p: { done: number; total: number }) => void;
};

/**
 * Before a text file is read: a record larger than the limit is refused at once, and the encoding is chosen from the
 * whole file's evidence (or forced with --encoding), the choice explained when the file was not clean UTF-8.
 */
function prepareText(file: SourceFile, importer: Importer, forced: Encoding | undefined, report: FileReport): void {
  if (importer.id === 'email' || statSync(file.path).isDirectory()) return;
  const utf16 = file.encoding === 'utf-16le' || file.encoding === 'utf-16be';
  const scan = scanFile(file.path, { maxLine: maxRecordBytes() * (utf16 ? 2 : 1), from: file.bomLength, utf8: !utf16 && !forced });
  if (scan.tooLong !== null) throw recordTooLarge(file, scan.tooLong);
  if (forced) {
    file.encoding = forced;
    return;
  }
  if (file.bomLength > 0) return;
  const json = /^\s*[[{]/.test(sampleText(file, 1024));
  const choice = chooseEncoding(scan, file.name, json);
  file.encoding = choice.encoding;
  if (choice.warning) report.warnings!.push(choice.warning);
}

/**
 * Whether staff are told from customers only by the addresses given (--staff): e-mail, and a CSV with one row per
 * message whose mapping has no role column. (Elsewhere the export says who wrote what, and addresses change nothing.)
 */
function staffByAddress(format: string, mapping: unknown): boolean {
  if (format === 'email') return true;
  if (format !== 'csv') return false;
  const parsed = CsvMapping.safeParse(mapping);
  return parsed.success && parsed.data.layout === 'message-per-row' && parsed.data.columns.role === undefined;
}

/** The warning when an e-mail or CSV import credited every message to the customer. */
function noStaffWarning(path: string, hadStaff: boolean): string {
  return `No message from your staff was found in ${path}: every message is credited to the customer${hadStaff ? ' (none is from the staff addresses saved so far)' : ''}. `
    + `Say which addresses are yours and import again (existing messages are re-classified): --staff support@yourcompany.com or --staff @yourcompany.com.`;
}

function threadExists(db: DatabaseSync, source: string, externalId: string): boolean {
  return db.prepare('SELECT 1 FROM threads WHERE source = ? AND external_id = ?').get(source, externalId) !== undefined;
}

function patchWords(t: { satisfaction?: string | null; messages: readonly unknown[] }): string {
  return t.satisfaction !== undefined ? 'satisfaction rating' : 'messages';
}

type Plan = { plan: { path: string; importer: Importer }[]; companionPaths: string[] };

/**
 * Which files are read as what: each file's format (detected or forced), and which files are companions of another
 * (Zendesk comments, audits and satisfaction ratings; Freshdesk conversations) to be merged into it. A companion
 * given as a file to import goes with the tickets of the same vendor when there are any; audits and satisfaction
 * ratings are also read on their own. A companion that nothing can use is an error, never passed over.
 */
function planImport(paths: readonly string[], options: Pick<ImportOptions, 'format' | 'mapping' | 'companions'>): Plan {
  const given = (options.companions ?? []).map((p) => ({ path: p, kind: requireCompanion(p) }));
  const positional = paths.map((path) => ({ path, kind: options.format ? null : companionKind(path) }));
  const main = positional.filter((p) => p.kind === null).map(({ path }) => ({
    path,
    importer: options.format ? importerById(options.format) : detectFormat(path, { hasMapping: options.mapping !== undefined }),
  }));
  const vendors = new Set(main.map((m) => m.importer.id));
  const companionPaths: string[] = [];
  for (const c of [...given, ...positional.filter((p) => p.kind !== null)]) {
    const kind = c.kind!;
    const vendor = companionVendor(kind);
    if (vendors.has(vendor)) {
      companionPaths.push(c.path);
      continue;
    }
    if (kind === 'zendesk-audits' || kind === 'zendesk-satisfaction') {
      main.push({ path: c.path, importer: importerById('zendesk') });
      continue;
    }
    const [how, command] = vendor === 'zendesk'
      ? ['Import it together with the tickets export (both files at once)', `candor import <workspace> tickets.json ${c.path}`]
      : ['Import it together with its ticket (both files at once)', `candor import <workspace> ticket.json ${c.path}`];
    throw new CandorError('COMPANION_FILE', `${c.path} holds ${COMPANION_WORDS[kind]}, not ${vendor === 'zendesk' ? 'tickets' : 'a ticket'}: on its own it says too little to make a conversation. ${how}.`, { file: c.path }, command);
  }
  return { plan: main, companionPaths };
}

/** Reads the workspace policy for new threads, when curation has set one. */
function defaultDecision(db: DatabaseSync): 'pending' | 'publish' | 'withhold' {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'policy.defaultDecision'").get() as { value: string } | undefined;
  const v = row?.value;
  return v === 'publish' || v === 'withhold' ? v : 'pending';
}

/** What reading the files found, waiting in the staging area for the import's commit. */
type Staged = { reports: FileReport[]; formats: string[] };

/**
 * Reads every file into the staging area; the workspace's database is only read. Records that cannot be read are
 * staged too, so the report lists rejections in file order.
 */
async function stageFiles(plan: Plan['plan'], companionPaths: readonly string[], options: ImportOptions, staff: StaffMatcher, staging: Staging, lock: ExclusiveLock): Promise<Staged> {
  const companions: SourceFile[] = companionPaths.map((p) => openSourceFile(p));
  const imported = new Set<string>();
  const reports: FileReport[] = [];
  for (const [index, { path, importer }] of plan.entries()) {
    options.onFormat?.({ file: path, format: importer.id, label: importer.label, detected: !options.format });
    const report: FileReport = { file: path, format: importer.id, threadsCreated: 0, threadsUpdated: 0, messagesCreated: 0, internalNotes: 0, rejected: [], skipped: [], warnings: [] };
    let bytesRead = 0;
    let records = 0;
    const file = openSourceFile(path, (n) => {
      bytesRead += n;
      lock.progress(((index + (file.size > 0 ? bytesRead / file.size : 0)) / plan.length) * 90);
      options.onProgress?.({ file: path, bytesRead, bytesTotal: file.size, records });
    });
    prepareText(file, importer, options.encoding, report);
    const reading = readRecords(importer, file, { staff, mapping: options.mapping, companions }, { parallel: options.parallel, minBytes: options.parallelMinBytes, workerHeapMb: options.workerHeapMb });
    for await (const rec of reading) {
      records++;
      // Only companion files need to know which conversations the import holds.
      const thread = companions.length === 0 ? null : 'json' in rec ? rec.thread : rec.ok ? rec.thread : null;
      if (thread) imported.add(`${thread.source}\u0000${thread.externalId}`);
      staging.add(index, rec);
    }
    options.onProgress?.({ file: path, bytesRead: file.size, bytesTotal: file.size, records });
    if (records === 0 && file.size === 0) {
      const folder = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
      throw new CandorError('EMPTY_FILE', folder ? `${path}: the folder holds no messages to import.` : `${path}: the file is empty; nothing to import.`, { file: path });
    }
    reports.push(report);
  }
  // Companion content whose ticket was in none of the files: applied to the workspace's ticket, or reported.
  for (const vendor of ['zendesk', 'freshdesk'] as const) {
    const own = companions.filter((c) => companionVendor(companionKind(c.path)!) === vendor);
    const part = reports.findLastIndex((r) => r.format === vendor);
    if (own.length === 0 || part < 0) continue;
    const ids = new Set([...imported].filter((k) => k.startsWith(`${vendor}\u0000`)).map((k) => k.slice(vendor.length + 1)));
    for (const rec of await (vendor === 'zendesk' ? zendeskLeftovers(own, ids) : freshdeskLeftovers(own, ids))) staging.add(part, rec, true);
  }
  return { reports, formats: plan.map((p) => p.importer.id) };
}

/** Makes the staged import visible: one synchronous transaction, nothing awaited inside it. */
function commitStaged(ws: Workspace, staged: Staged, staging: Staging, options: ImportOptions, now: string): void {
  const db = ws.db;
  const { reports } = staged;
  db.exec('BEGIN IMMEDIATE');
  try {
    const staffEntries = options.staff?.length ? saveStaff(db, options.staff) : savedStaff(db);
    const decision = defaultDecision(db);
    const indexes = suspendableIndexes(db);
    const roles = reports.map(() => ({ staff: 0, messages: 0 }));
    let audited = 0;
    // A file's audit entry is written after its own records and before companion leftovers, as they were read.
    const finishUpTo = (n: number) => {
      for (; audited < n; audited++) {
        const report = reports[audited]!;
        const r = roles[audited]!;
        if (staffByAddress(report.format, options.mapping) && r.messages > 0 && r.staff === 0) report.warnings!.push(noStaffWarning(report.file, staffEntries.length > 0));
        appendAudit(db, { actor: ws.actor, action: 'import.file', entityType: 'import', entityId: report.file, at: now, after: report });
      }
    };
    const leftoverRoles = { staff: 0, messages: 0 };
    for (const { part, record, leftover } of staging.records()) {
      finishUpTo(leftover ? reports.length : part);
      storeRecord(ws, record, reports[part]!, leftover ? leftoverRoles : roles[part]!, { now, decision, created: indexes.created, afterThread: options.afterThread });
    }
    finishUpTo(reports.length);
    indexes.restore();
    db.exec('COMMIT');
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

type StoreContext = { now: string; decision: 'pending' | 'publish' | 'withhold'; created: () => void; afterThread?: () => void };

function storeRecord(ws: Workspace, rec: ImportRecord, report: FileReport, roles: { staff: number; messages: number }, ctx: StoreContext): void {
  const db = ws.db;
  if (!rec.ok) {
    (rec.skipped ? report.skipped! : report.rejected).push({ location: formatLocation(rec.location), reason: rec.reason });
    return;
  }
  if (rec.thread.patchOnly && !threadExists(db, rec.thread.source, rec.thread.externalId)) {
    report.rejected.push({ location: formatLocation(rec.location), reason: `${rec.thread.source} ticket ${rec.thread.externalId} is neither in this import nor in the workspace, so its ${patchWords(rec.thread)} cannot be placed (import the ticket first, or in the same import)` });
    return;
  }
  for (const m of rec.thread.messages) {
    roles.messages++;
    if (m.role === 'staff') roles.staff++;
  }
  try {
    // upsertThread validates everything before its first write, so a rejected record writes nothing; any
    // failure after that aborts the whole import. (No savepoint per thread: FTS5 flushes its index on each.)
    const result = upsertThread(db, rec.thread, { actor: ws.actor, now: ctx.now, defaultDecision: ctx.decision });
    if (result.created) {
      report.threadsCreated++;
      ctx.created();
    }
    if (result.updated) report.threadsUpdated++;
    report.messagesCreated += result.messagesCreated;
    report.internalNotes += result.internalNotes;
  } catch (err) {
    if (err instanceof z.ZodError) {
      report.rejected.push({ location: formatLocation(rec.location), reason: err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    } else throw err;
  }
  ctx.afterThread?.();
}

/**
 * Imports files into the workspace, all or nothing. The files are read into a staging area while curators go on
 * working (their changes commit at once and are kept, whatever the import does); the import then becomes visible in
 * one short synchronous commit, so a fatal error (or a crash) at any point leaves the workspace exactly as it was
 * plus whatever curators committed meanwhile. Only one import or build runs per workspace: another gets "busy".
 * Records that fail validation are reported with their location and skipped; the rest are stored. Afterwards the
 * new conversations are scanned for personal data, so the first filtered search does not have to.
 */
export async function runImport(ws: Workspace, paths: readonly string[], options: ImportOptions = {}): Promise<FileReport[]> {
  if (paths.length === 0) throw new CandorError('USAGE', 'Name at least one file to import.');
  const { plan, companionPaths } = planImport(paths, options);
  const now = new Date().toISOString();
  const lock = acquireExclusive(ws.dir, 'import');
  let reports: FileReport[];
  let staging: Staging | null = null;
  let checking: ScanMark | null = null;
  try {
    staging = openStaging(ws.dir);
    const staff = staffMatcher([...savedStaff(ws.db), ...(options.staff ?? [])]);
    const staged = await stageFiles(plan, companionPaths, options, staff, staging, lock);
    // Said in the report, so also in the import's audit entries.
    if (staging.leftovers > 0) staged.reports[0]?.warnings?.push(scratchNotice(staging.leftovers));
    // Tests kill the thread here, with every record staged and nothing committed (CANDOR_TEST_CRASH_WORKER=import).
    crashHookFor('import');
    await options.beforeCommit?.();
    lock.progress(90, 'commit');
    // Said before the new conversations become visible: a filtered search from then on answers from what is stored
    // (counting them as unchecked) instead of checking them itself on the thread that answers the window.
    if (options.scan !== false) checking = markScanning(ws.dir);
    commitStaged(ws, staged, staging, options, now);
    reports = staged.reports;
  } catch (err) {
    checking?.end();
    if (err instanceof CandorError) throw err;
    throw new CandorError('IMPORT_FAILED', `Import failed, nothing was changed: ${(err as Error).message}`);
  } finally {
    staging?.discard();
    lock.release();
  }
  if (checking) await scanAfterImport(ws, reports, options, checking);
  return reports;
}

/** The import is in; a scan that cannot finish now is done at the next filtered search, and the report says so. */
async function scanAfterImport(ws: Workspace, reports: FileReport[], options: ImportOptions, checking: ScanMark): Promise<void> {
  try {
    // Loaded when the check starts: the personal-data detectors (a phone-number library with every country's
    // metadata among them) cost the import itself 0.15 s of CPU and, through the larger heap, ~50 MB of peak RSS.
    const { scanAhead } = await import('../curation/scan-ahead.ts');
    await scanAhead(ws.db, options.onScanProgress, checking);
  } catch (err) {
    // Stopping the check is not cancelling the import: the conversations are in, so the generic "nothing was kept"
    // that a cancelled job says would be false here.
    const why = err instanceof CandorError && err.code === 'CANCELLED' ? 'you stopped it' : (err as Error).message;
    reports[reports.length - 1]?.warnings?.push(`The import is complete and kept, but checking it for personal data stopped (${why}); the check is finished at the next filtered search.`);
  } finally {
    checking.end();
  }
}
