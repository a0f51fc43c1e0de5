import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { CandorError } from '../errors.ts';
import { transaction } from '../db/transaction.ts';
import { eraseFromPublicationLog } from '../site/publication-store.ts';
import { appendAudit } from '../store/audit.ts';
import { erasureSalt, forgetErasures, sourceHash } from '../store/erased.ts';
import { resolveThreadRowid } from '../store/threads.ts';
import { EraseTarget } from '../../shared/curation/model.ts';
import type { EraseResult } from '../../shared/curation/model.ts';
export { EraseResult } from '../../shared/curation/model.ts';
import { fold } from './pii/text.ts';

// Erasure (GDPR Art. 17, UK GDPR, CCPA): a customer's threads leave the workspace whole — messages, metadata,
// findings, reviews, decisions, tags and every audit entry about them. What stays is a salted hash of each erased
// source record, so that a re-import of the same export does not bring it back (the store checks it), and one audit
// entry saying that an erasure happened: when, who, how many records; never what. Deleted pages are overwritten
// (secure_delete), the full-text index is rebuilt without them and the write-ahead log is emptied, so that no file
// of the workspace keeps the text. The site cache goes too; the next build removes the threads from the site.

const SITE_CACHE_DIR = '.site-cache';

/** The threads of a customer, by e-mail address or name (as stored, in any case and accents). */
function customerRowids(db: DatabaseSync, customer: string): number[] {
  const want = fold(customer.trim()).replace(/\s+/g, ' ');
  const out = new Set<number>();
  const rows = db.prepare("SELECT thread_rowid, value FROM private_data WHERE message_rowid IS NULL AND key IN ('customer.email', 'customer.name')").iterate() as Iterable<{ thread_rowid: number; value: string }>;
  for (const r of rows) if (fold(r.value.trim()).replace(/\s+/g, ' ') === want) out.add(r.thread_rowid);
  const authors = db.prepare("SELECT thread_rowid, author_name FROM messages WHERE role = 'customer' AND author_name IS NOT NULL").iterate() as Iterable<{ thread_rowid: number; author_name: string }>;
  for (const r of authors) if (fold(r.author_name.trim()).replace(/\s+/g, ' ') === want) out.add(r.thread_rowid);
  return [...out];
}

function targetRowids(db: DatabaseSync, target: EraseTarget): number[] {
  if ('customer' in target) {
    const rowids = customerRowids(db, target.customer);
    if (rowids.length === 0) throw new CandorError('NOT_FOUND', 'No thread in this workspace has a customer with that e-mail address or name.');
    return rowids;
  }
  const rowids: number[] = [];
  for (const ref of target.threadIds) {
    const rowid = resolveThreadRowid(db, ref);
    if (rowid === null) throw new CandorError('NOT_FOUND', `No thread "${ref}" in this workspace; nothing was erased.`, undefined, 'use the id shown by candor threads');
    rowids.push(rowid);
  }
  return [...new Set(rowids)];
}

// Every table whose rows belong to a thread (its thread_rowid), the languages a build detected (0140) too.
const COUNTED = ['messages', 'private_data', 'thread_tags', 'decisions', 'pii_findings', 'pii_reviews', 'manual_redactions', 'curation_scans', 'pii_detector_news', 'text_languages'] as const;

/** Removes the threads and everything about them; returns how many records of each went. Inside a transaction. */
function eraseRows(db: DatabaseSync, rowids: readonly number[], saltValue: string, at: string): { messages: number; findings: number; records: number } {
  const threads = db.prepare('SELECT rowid, id, source, external_id FROM threads WHERE rowid = ?');
  let records = 0;
  let messages = 0;
  let findings = 0;
  for (const rowid of rowids) {
    const t = threads.get(rowid) as { rowid: number; id: string; source: string; external_id: string };
    db.prepare('INSERT OR IGNORE INTO erased_sources (source_hash, erased_at) VALUES (?, ?)').run(sourceHash(saltValue, t.source, t.external_id), at);
    for (const table of COUNTED) {
      const n = (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE thread_rowid = ?`).get(rowid) as { n: number }).n;
      records += n;
      if (table === 'messages') messages += n;
      if (table === 'pii_findings') findings += n;
    }
    db.prepare('DELETE FROM threads_fts WHERE rowid = ?').run(rowid);
    // The site's publication history keeps the withdrawal, not the id.
    eraseFromPublicationLog(db, [t.id]);
    // Foreign keys cascade to messages, private data, tags, decisions, findings, reviews, redactions, scans and languages.
    db.prepare('DELETE FROM threads WHERE rowid = ?').run(rowid);
    // The audit log is append-only, except for this: what it recorded about an erased customer goes too.
    records += Number(db.prepare("DELETE FROM audit_log WHERE entity_type = 'thread' AND entity_id = ?").run(t.id).changes);
    records += 1;
  }
  return { messages, findings, records };
}

/**
 * Erases a customer's threads (by id, or every thread of a customer by e-mail or name). With dryRun, only counts.
 * The caller's workspace folder is needed to delete the site cache, which holds published text of the threads.
 */
export function eraseCustomer(ws: { db: DatabaseSync; dir: string; actor: string }, target: EraseTarget, options: { dryRun?: boolean } = {}): EraseResult {
  const parsed = EraseTarget.parse(target);
  const db = ws.db;
  const at = new Date().toISOString();
  const erasureId = `erasure:${randomUUID()}`;
  if (options.dryRun) {
    const rowids = targetRowids(db, parsed);
    const count = (table: string) => rowids.reduce((n, r) => n + (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE thread_rowid = ?`).get(r) as { n: number }).n, 0);
    return { erasureId, at, threads: rowids.length, messages: count('messages'), findings: count('pii_findings'), records: rowids.length + COUNTED.reduce((n, t) => n + count(t), 0), dryRun: true };
  }
  db.exec('PRAGMA secure_delete = ON');
  const result = transaction(db, () => {
    const rowids = targetRowids(db, parsed);
    const saltValue = erasureSalt(db);
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
    const counts = eraseRows(db, rowids, saltValue, at);
    db.exec("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END");
    appendAudit(db, { actor: ws.actor, at, action: 'erasure', entityType: 'erasure', entityId: erasureId, after: { threads: rowids.length, messages: counts.messages, findings: counts.findings, records: counts.records } });
    return { erasureId, at, threads: rowids.length, ...counts, dryRun: false };
  });
  forgetErasures(db);
  // The full-text index keeps deleted words in its segments until they are merged; the write-ahead log keeps old
  // pages until a checkpoint. Both are rewritten now, so the text is in no file of the workspace.
  // VACUUM then writes the database afresh, so pages freed before the erasure (page splits of the import) keep no
  // old copy either; when another process holds the workspace open it cannot, and secure_delete has done the rest.
  db.exec("INSERT INTO threads_fts (threads_fts) VALUES ('optimize')");
  try {
    db.exec('VACUUM');
  } catch {
    // busy: see above
  }
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.exec('PRAGMA secure_delete = OFF');
  rmSync(join(ws.dir, SITE_CACHE_DIR), { recursive: true, force: true });
  return result;
}
