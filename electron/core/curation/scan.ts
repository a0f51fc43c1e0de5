import { createHash } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { CountryCode } from 'libphonenumber-js';
import { transaction } from '../db/transaction.ts';
import { compileAccountPattern } from './pii/account.ts';
import type { DetectContext } from './pii/context.ts';
import { detectText } from './pii/detect.ts';
import type { Finding } from '../../shared/curation/pii-finding.ts';
import { compileTopicRules, topicsFor } from './topics.ts';
import type { CompiledTopic } from './topics.ts';
import type { CurationSettings, DetectorNews } from '../../shared/curation/model.ts';
import { readSettings } from './settings.ts';
import { auditRescans, tallyRescans } from './rescan-audit.ts';
import { scanStatements } from './scan-statements.ts';
import type { RescanTally } from './rescan-audit.ts';

/**
 * Bump when a detector changes what it finds: every thread is then scanned again on next use, findings the new
 * version adds are listed as news for curators (detectorNews), and the site's build fingerprint changes (the site
 * builder reads this constant), so every page is rendered again at the next build.
 */
export const DETECTOR_VERSION = '3';
const BATCH = 500;
const TEXTS = 25;
const STATE_KEY = 'curation.scanState';

export type LocatedFinding = Finding & { location: string };

/** One thread's publishable text (every field that can reach the site), and who its customer and staff are. */
export type ThreadText = {
  rowid: number;
  id: string;
  updatedAt: string;
  subject: string | null;
  customerNames: string[];
  /** Display names of the thread's staff: published under staffNaming "name", so not flagged in signatures. */
  staffNames: string[];
  messages: { id: string; body: string }[];
  /** Source and curators' tags (rule topics are the workspace's own words). */
  tags: string[];
  /** Display names public staff and system messages are published under. */
  authors: { messageId: string; name: string }[];
  /** Attachment names of public messages. */
  attachments: { messageId: string; index: number; name: string }[];
};

function hash(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p);
    h.update('\u0000');
  }
  return h.digest('hex').slice(0, 24);
}

export function piiConfig(s: CurationSettings): string {
  return hash([DETECTOR_VERSION, s.defaultCountry, JSON.stringify(s.accountPatterns), JSON.stringify(s.companyPostcodes), JSON.stringify(s.companyAddresses), JSON.stringify(s.companyDomains), JSON.stringify(s.companyPhones), s.staffNaming]);
}

export function topicConfig(s: CurationSettings): string {
  return hash([JSON.stringify(s.topicRules)]);
}

function contentHash(t: ThreadText): string {
  return hash([t.subject ?? '', ...t.customerNames, ...t.staffNames, ...t.messages.flatMap((m) => [m.id, m.body]), '\u0001', ...t.tags, '\u0001',
    ...t.authors.flatMap((a) => [a.messageId, a.name]), '\u0001', ...t.attachments.flatMap((a) => [a.messageId, String(a.index), a.name])]);
}

/** What the detectors need from the settings, compiled once per scan. */
export type Scanner = { settings: CurationSettings; base: Omit<DetectContext, 'customerNames' | 'publicNames'>; topics: CompiledTopic[]; piiConfig: string; topicConfig: string };

export function makeScanner(settings: CurationSettings): Scanner {
  return {
    settings,
    base: {
      defaultCountry: settings.defaultCountry as CountryCode,
      accountPatterns: settings.accountPatterns.map(compileAccountPattern),
      companyPostcodes: settings.companyPostcodes,
      companyAddresses: settings.companyAddresses,
      companyDomains: settings.companyDomains,
      companyPhones: settings.companyPhones,
    },
    topics: compileTopicRules(settings.topicRules),
    piiConfig: piiConfig(settings),
    topicConfig: topicConfig(settings),
  };
}

/**
 * Personal data in every field of the thread that can reach the site: the subject, every public message, the
 * tags, the display names staff messages are published under, and attachment names. Internal notes are never
 * published, so never scanned.
 */
export function detectThread(t: ThreadText, scanner: Scanner): LocatedFinding[] {
  const publicNames = scanner.settings.staffNaming === 'name' ? t.staffNames : [];
  const ctx: DetectContext = { ...scanner.base, customerNames: t.customerNames, publicNames };
  const out: LocatedFinding[] = [];
  const scan = (text: string | null, location: string, c: DetectContext = ctx) => {
    if (text) for (const f of detectText(text, c, location)) out.push({ ...f, location });
  };
  scan(t.subject, 'subject');
  for (const m of t.messages) scan(m.body, `message:${m.id}`);
  for (const tag of t.tags) scan(tag, `tag:${tag}`);
  // A staff member's own display name is public by policy; anything else in it (an address, a number, the
  // customer's name) is not.
  for (const a of t.authors) scan(a.name, `author:${a.messageId}`, { ...ctx, publicNames: [...publicNames, a.name] });
  for (const a of t.attachments) scan(a.name, `attachment:${a.messageId}:${a.index}`);
  return out;
}

export function threadTopics(t: ThreadText, scanner: Scanner): string[] {
  return topicsFor([t.subject ?? '', ...t.messages.map((m) => m.body)].join('\n'), scanner.topics);
}

function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(',');
}

/** Loads the publishable text of many threads with one query per table. */
export function loadThreadTexts(db: DatabaseSync, rowids: readonly number[]): ThreadText[] {
  if (rowids.length === 0) return [];
  const m = marks(rowids.length);
  const threads = db.prepare(`SELECT rowid, id, updated_at, subject FROM threads WHERE rowid IN (${m})`).all(...rowids) as { rowid: number; id: string; updated_at: string; subject: string | null }[];
  const byRow = new Map<number, ThreadText>();
  for (const t of threads) byRow.set(t.rowid, { rowid: t.rowid, id: t.id, updatedAt: t.updated_at, subject: t.subject, customerNames: [], staffNames: [], messages: [], tags: [], authors: [], attachments: [] });
  const names = db.prepare(`SELECT thread_rowid, value FROM private_data WHERE thread_rowid IN (${m}) AND message_rowid IS NULL AND key = 'customer.name'`).all(...rowids) as { thread_rowid: number; value: string }[];
  for (const n of names) byRow.get(n.thread_rowid)?.customerNames.push(n.value);
  const messages = db.prepare(`SELECT thread_rowid, id, role, author_name, body, visibility, attachments FROM messages WHERE thread_rowid IN (${m}) ORDER BY thread_rowid, position`).all(...rowids) as { thread_rowid: number; id: string; role: string; author_name: string | null; body: string; visibility: string; attachments: string }[];
  for (const msg of messages) {
    const t = byRow.get(msg.thread_rowid);
    if (!t) continue;
    // The name a customer signs messages with is the customer's name too.
    if (msg.role === 'customer' && msg.author_name && !t.customerNames.includes(msg.author_name)) t.customerNames.push(msg.author_name);
    if (msg.role === 'staff' && msg.author_name && !t.staffNames.includes(msg.author_name)) t.staffNames.push(msg.author_name);
    if (msg.visibility !== 'public') continue;
    t.messages.push({ id: msg.id, body: msg.body });
    if (msg.role !== 'customer' && msg.author_name?.trim()) t.authors.push({ messageId: msg.id, name: msg.author_name });
    attachmentNames(msg.attachments).forEach((name, index) => t.attachments.push({ messageId: msg.id, index, name }));
  }
  const tags = db.prepare(`SELECT thread_rowid, tag FROM thread_tags WHERE thread_rowid IN (${m}) AND origin <> 'rule' ORDER BY thread_rowid, tag`).all(...rowids) as { thread_rowid: number; tag: string }[];
  for (const tag of tags) {
    const t = byRow.get(tag.thread_rowid);
    if (t && !t.tags.includes(tag.tag)) t.tags.push(tag.tag);
  }
  return rowids.map((r) => byRow.get(r)).filter((t): t is ThreadText => t !== undefined);
}

function attachmentNames(json: string): string[] {
  if (json === '[]') return [];
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? list.map((a) => (a && typeof a === 'object' && typeof (a as { name?: unknown }).name === 'string' ? (a as { name: string }).name : '')).filter(Boolean) : [];
  } catch {
    return [];
  }
}

export type ScanRow = { rowid: number; updated_at: string; content_hash: string | null; pii_config: string | null; topic_config: string | null; detector_version: string | null };

/** What the last whole refresh saw: the newest thread, the latest change, and the settings it scanned with. */
type ScanState = { maxRowid: number; maxUpdated: string; pii: string; topic: string };

function currentState(db: DatabaseSync, scanner: Scanner): ScanState {
  // Two separate max() queries are each one index look-up; combined in one SELECT, SQLite scans the whole index.
  const n = (db.prepare('SELECT max(rowid) AS n FROM threads').get() as { n: number | null }).n;
  const u = (db.prepare('SELECT max(updated_at) AS u FROM threads').get() as { u: string | null }).u;
  return { maxRowid: n ?? 0, maxUpdated: u ?? '', pii: scanner.piiConfig, topic: scanner.topicConfig };
}

function savedState(db: DatabaseSync): ScanState | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(STATE_KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.value) as ScanState;
  } catch {
    return null;
  }
}

const recountStatements = new WeakMap<DatabaseSync, { scan: StatementSync; thread: StatementSync; unreviewed: StatementSync }>();

/** Recounts the findings no curator has reviewed yet, for the publish policy and the "unreviewed" filter. */
export function recount(db: DatabaseSync, rowid: number): void {
  let s = recountStatements.get(db);
  if (!s) {
    s = {
      scan: db.prepare(`UPDATE curation_scans SET
          unreviewed = (SELECT count(*) FROM pii_findings f WHERE f.thread_rowid = ?1 AND NOT EXISTS (SELECT 1 FROM pii_reviews r WHERE r.thread_rowid = ?1 AND r.finding_id = f.finding_id)),
          unreviewed_high = (SELECT count(*) FROM pii_findings f WHERE f.thread_rowid = ?1 AND f.confidence = 'high' AND NOT EXISTS (SELECT 1 FROM pii_reviews r WHERE r.thread_rowid = ?1 AND r.finding_id = f.finding_id))
        WHERE thread_rowid = ?1`),
      thread: db.prepare('UPDATE threads SET pii_unreviewed = ?2 WHERE rowid = ?1 AND pii_unreviewed IS NOT ?2'),
      // Once, not per thread: each prepared statement is native memory V8 does not see (~55 MB per 100k until a GC).
      unreviewed: db.prepare('SELECT unreviewed FROM curation_scans WHERE thread_rowid = ?'),
    };
    recountStatements.set(db, s);
  }
  s.scan.run(rowid);
  const n = (s.unreviewed.get(rowid) as { unreviewed: number } | undefined)?.unreviewed ?? 0;
  s.thread.run(rowid, n);
}

/** Whether the last whole refresh still describes the workspace (no thread added or changed, same settings since). */
export function scansCurrent(db: DatabaseSync): boolean {
  const prev = savedState(db);
  return sameState(prev, currentState(db, makeScanner(readSettings(db))));
}

function sameState(prev: ScanState | null, now: ScanState): boolean {
  return prev !== null && JSON.stringify(prev) === JSON.stringify(now);
}

/**
 * The SQL condition (on threads `t`) of a thread with no scan for its current text and settings: for answering from
 * what is stored while a check runs elsewhere. Only threads the check has not reached yet (rowid >= next) or that
 * changed since it listed its work (updated_at >= since) can match; before it has listed its work, only threads added
 * or changed since the last whole refresh with the same settings. Every other thread costs a comparison, not a look-up.
 */
export type Unscanned = { sql: string; params: (string | number)[]; count: () => number };

export function unscannedCondition(db: DatabaseSync, reached?: { next?: number; since?: string; left?: number; tail?: number }): Unscanned {
  const scanner = makeScanner(readSettings(db));
  const current = 'NOT EXISTS (SELECT 1 FROM curation_scans s WHERE s.thread_rowid = t.rowid AND s.seen_updated_at = t.updated_at AND s.pii_config = ? AND s.topic_config = ?)';
  const counted = (sql: string, params: (string | number)[]) => (db.prepare(`SELECT count(*) AS n FROM threads t WHERE ${sql}`).get(...params) as { n: number }).n;
  const make = (sql: string, params: (string | number)[], count = () => counted(sql, params)): Unscanned => ({ sql, params, count });
  if (reached?.next !== undefined && reached.since !== undefined) {
    const { next, since, left, tail } = reached;
    // How many: what the check said is left of its list, and what changed behind it since (an index range, small);
    // counting the whole condition would look up every thread not reached yet.
    const behind = () => counted(`t.updated_at >= ? AND t.rowid < ? AND ${current}`, [since, next, scanner.piiConfig, scanner.topicConfig]);
    const count = left === undefined ? undefined : () => left + behind();
    const narrowed = `((t.rowid >= ? OR t.updated_at >= ?) AND ${current})`;
    const params = [next, since, scanner.piiConfig, scanner.topicConfig];
    // Threads of the list's tail the check has not reached are unchecked: no look-up (an import's new threads).
    if (tail !== undefined) return make(`(t.rowid >= ? OR ${narrowed})`, [Math.max(next, tail), ...params], count);
    return make(narrowed, params, count);
  }
  const prev = savedState(db);
  if (prev && prev.pii === scanner.piiConfig && prev.topic === scanner.topicConfig) {
    return make(`((t.rowid > ? OR t.updated_at >= ?) AND ${current})`, [prev.maxRowid, prev.maxUpdated, scanner.piiConfig, scanner.topicConfig]);
  }
  return make(`(${current})`, [scanner.piiConfig, scanner.topicConfig]);
}

/**
 * "Has personal data nobody reviewed" on threads `t`; while a check runs elsewhere (`unscanned`), threads it has not
 * reached too. The findings term is then a rowid list from the partial index, so the condition reads no thread row:
 * only rowid and updated_at, which SQLite takes from an index instead of the table (3x faster at 20k).
 */
export function toReviewCondition(unscanned: Unscanned | null): { sql: string; params: (string | number)[] } {
  if (!unscanned) return { sql: 't.pii_unreviewed > 0', params: [] };
  return { sql: `(t.rowid IN (SELECT rowid FROM threads WHERE pii_unreviewed > 0) OR ${unscanned.sql})`, params: unscanned.params };
}

export type RefreshResult = { checked: number; scanned: number };

/** SQLITE_READONLY: the connection (a site build's render worker, say) may read but not store scans. */
export function isReadOnlyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { errcode?: number }).errcode === 8;
}

const STALE = `SELECT t.rowid AS rowid, t.updated_at, s.content_hash, s.pii_config, s.topic_config, s.detector_version FROM threads t LEFT JOIN curation_scans s ON s.thread_rowid = t.rowid
    WHERE (s.thread_rowid IS NULL OR s.seen_updated_at <> t.updated_at OR s.pii_config <> ? OR s.topic_config <> ?)`;

/** Which of these threads have no scan for their current text and settings. Reads only. */
export function staleRowids(db: DatabaseSync, rowids: readonly number[], scanner: Scanner): number[] {
  const out: number[] = [];
  for (let i = 0; i < rowids.length; i += BATCH) {
    const ids = rowids.slice(i, i + BATCH);
    const rows = db.prepare(`${STALE} AND t.rowid IN (${marks(ids.length)})`).all(scanner.piiConfig, scanner.topicConfig, ...ids) as ScanRow[];
    out.push(...rows.map((r) => r.rowid));
  }
  return out;
}

/**
 * What a check has to do, read a page at a time: the SQL (on threads `t`) of a thread with no scan for its current
 * text and settings (none when the last whole refresh is current), and a function scanning some in one transaction.
 */
export function staleScans(db: DatabaseSync): { current: boolean; stale: string; params: string[]; scan: (rows: readonly ScanRow[]) => number } {
  const scanner = makeScanner(readSettings(db));
  const current = sameState(savedState(db), currentState(db, scanner));
  return { current, stale: STALE, params: [scanner.piiConfig, scanner.topicConfig], scan: (batch) => transaction(db, () => scanBatch(db, batch, scanner)) };
}

/** Findings and topics computed without storing them, for connections that cannot write. */
export function scanInMemory(db: DatabaseSync, rowids: readonly number[], scanner: Scanner): Map<number, { findings: LocatedFinding[]; topics: string[] }> {
  const out = new Map<number, { findings: LocatedFinding[]; topics: string[] }>();
  for (let i = 0; i < rowids.length; i += BATCH) {
    for (const t of loadThreadTexts(db, rowids.slice(i, i + BATCH))) out.set(t.rowid, { findings: detectThread(t, scanner), topics: threadTopics(t, scanner) });
  }
  return out;
}

/**
 * Brings stored findings and rule topics up to date with the threads' text and the workspace settings. Cheap when
 * nothing changed (one aggregate query); otherwise only the threads whose text or relevant settings changed are
 * scanned again, in batches, each batch in its own transaction. Curators' reviews are kept: ids are stable.
 */
export function refreshScans(db: DatabaseSync, options: { rowids?: readonly number[] } = {}): RefreshResult {
  const scanner = makeScanner(readSettings(db));
  const stale = STALE;
  let candidates: ScanRow[] = [];
  const whole = options.rowids === undefined;
  if (whole) {
    const now = currentState(db, scanner);
    const prev = savedState(db);
    if (sameState(prev, now)) return { checked: 0, scanned: 0 };
    if (prev && prev.pii === now.pii && prev.topic === now.topic) {
      // Same settings: only threads added or changed since the last refresh can be stale.
      candidates = db.prepare(`${stale} AND (t.rowid > ? OR t.updated_at >= ?)`).all(scanner.piiConfig, scanner.topicConfig, prev.maxRowid, prev.maxUpdated) as ScanRow[];
    } else {
      candidates = db.prepare(stale).all(scanner.piiConfig, scanner.topicConfig) as ScanRow[];
    }
  } else {
    for (let i = 0; i < options.rowids!.length; i += BATCH) {
      const ids = options.rowids!.slice(i, i + BATCH);
      candidates.push(...(db.prepare(`${stale} AND t.rowid IN (${marks(ids.length)})`).all(scanner.piiConfig, scanner.topicConfig, ...ids) as ScanRow[]));
    }
  }
  let scanned = 0;
  for (let i = 0; i < candidates.length; i += BATCH) {
    const batch = candidates.slice(i, i + BATCH);
    scanned += transaction(db, () => scanBatch(db, batch, scanner));
  }
  if (whole) {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(STATE_KEY, JSON.stringify(currentState(db, scanner)));
  }
  if (scanned > 0) auditRescans(db, DETECTOR_VERSION);
  return { checked: candidates.length, scanned };
}

function scanBatch(db: DatabaseSync, batch: readonly ScanRow[], scanner: Scanner): number {
  const { delFindings, insFinding, delTopics, insTopic, upsertScan, oldIds, insNews } = scanStatements(db);
  // Texts are loaded TEXTS at a time: a whole batch's, alive through its scan, outlived collections and grew the heap.
  const texts = new Map<number, ThreadText>();
  const textAt = (i: number) => {
    if (i % TEXTS === 0) {
      texts.clear();
      for (const t of loadThreadTexts(db, batch.slice(i, i + TEXTS).map((b) => b.rowid))) texts.set(t.rowid, t);
    }
    return texts.get(batch[i]!.rowid);
  };
  let scanned = 0;
  const rescans: RescanTally = { threads: 0, newFindings: 0, from: [] };
  for (const [i, row] of batch.entries()) {
    const t = textAt(i);
    if (!t) continue;
    const content = contentHash(t);
    const textChanged = row.content_hash !== content;
    if (textChanged || row.pii_config !== scanner.piiConfig) {
      // Scanned before with other detectors: what this version finds and that one did not is news for curators.
      const was = row.detector_version ?? '1';
      const upgraded = row.content_hash !== null && was !== DETECTOR_VERSION;
      const before = upgraded ? new Set((oldIds.all(t.rowid) as { finding_id: string }[]).map((r) => r.finding_id)) : null;
      delFindings.run(t.rowid);
      for (const f of detectThread(t, scanner)) {
        insFinding.run(t.rowid, f.id, f.location, f.kind, f.start, f.end, f.text, f.confidence);
        if (before && !before.has(f.id)) {
          insNews.run(t.rowid, f.id, DETECTOR_VERSION);
          rescans.newFindings++;
        }
      }
      if (upgraded) {
        rescans.threads++;
        if (!rescans.from.includes(was)) rescans.from.push(was);
      }
      scanned++;
    }
    if (textChanged || row.topic_config !== scanner.topicConfig) {
      delTopics.run(t.rowid);
      for (const topic of threadTopics(t, scanner)) insTopic.run(t.rowid, topic);
    }
    upsertScan.run(t.rowid, t.updatedAt, content, scanner.piiConfig, scanner.topicConfig, DETECTOR_VERSION);
    recount(db, t.rowid);
  }
  // In the batch's own transaction: what a crash interrupts is counted by the run that finishes the re-scan.
  if (rescans.threads > 0) tallyRescans(db, rescans);
  return scanned;
}

/**
 * "Personal-data detection improved: N conversations have new findings to review": threads in which the current
 * detectors found something the previous ones did not, and that no curator has reviewed yet. Reads only what is
 * stored (a few index look-ups, even at 100,000 threads): after an upgrade, threads are scanned again when they are
 * opened or at the next build, and awaitingRescan says how many are still to be.
 */
export function detectorNews(db: DatabaseSync, limit = 50): DetectorNews {
  const pending = `FROM pii_detector_news n JOIN pii_findings f ON f.thread_rowid = n.thread_rowid AND f.finding_id = n.finding_id
    LEFT JOIN pii_reviews r ON r.thread_rowid = n.thread_rowid AND r.finding_id = n.finding_id WHERE n.version = ? AND r.status IS NULL`;
  const count = (db.prepare(`SELECT count(DISTINCT n.thread_rowid) AS c ${pending}`).get(DETECTOR_VERSION) as { c: number }).c;
  const ids = (db.prepare(`SELECT DISTINCT t.id, t.opened_at FROM threads t WHERE t.rowid IN (SELECT n.thread_rowid ${pending}) ORDER BY t.opened_at DESC LIMIT ?`).all(DETECTOR_VERSION, limit) as { id: string }[]).map((r) => r.id);
  const awaitingRescan = (db.prepare('SELECT count(*) AS c FROM curation_scans WHERE content_hash IS NOT NULL AND coalesce(detector_version, \'1\') <> ?').get(DETECTOR_VERSION) as { c: number }).c;
  return { detectorVersion: DETECTOR_VERSION, conversations: count, threadIds: ids, awaitingRescan };
}
