import type { DatabaseSync } from 'node:sqlite';
import type { Decision, MessageFormat, MessageRole, ThreadKind, ThreadStatus } from '../../shared/model/thread.ts';
import { resolveThreadRowid } from '../store/threads.ts';
import { findingViews, isRedacted, manualRedactions } from './findings.ts';
import type { FindingView, ManualRedaction, PublishedThread } from '../../shared/curation/model.ts';
import { applyRedactions } from './pii/redact.ts';
import type { RedactionSpan } from './pii/redact.ts';
import { authorLabel, customerPseudonym } from './pseudonym.ts';
import type { NamingPolicy } from './pseudonym.ts';
import { isReadOnlyError, makeScanner, refreshScans, scanInMemory, staleRowids } from './scan.ts';
import type { LocatedFinding } from './scan.ts';
import { namingInLanguage, namingPolicy, readSettings } from './settings.ts';
import type { NamingWords } from './settings.ts';
import { detectText } from './pii/detect.ts';
import { EMPTY_CONTEXT } from './pii/context.ts';
import { memoize } from '../memo.ts';

type HasDb = { db: DatabaseSync };
const BATCH = 500;

type Row = { rowid: number; id: string; source: string; kind: string; subject: string | null; rating: number | null; status: string; opened_at: string; resolved_at: string | null; last_activity_at: string; decision: string };
type MsgRow = { thread_rowid: number; id: string; role: string; author_name: string | null; sent_at: string; body: string; format: string };

/** The spans to remove from one text: findings publishing removes, and manual redactions that still fit the text. */
function spansFor(text: string, location: string, findings: readonly FindingView[], manual: readonly ManualRedaction[]): RedactionSpan[] {
  const spans: RedactionSpan[] = [];
  for (const f of findings) {
    // A finding whose text no longer sits at its span is stale (the text changed since the scan): remove the text
    // wherever it occurs rather than trust the offsets.
    if (f.location !== location || !f.redacted) continue;
    if (text.slice(f.start, f.end) === f.text) spans.push({ start: f.start, end: f.end, kind: f.kind });
    else for (const at of occurrences(text, f.text)) spans.push({ start: at, end: at + f.text.length, kind: f.kind });
  }
  for (const m of manual) {
    if (m.location !== location) continue;
    if (text.slice(m.start, m.end) === m.text) spans.push({ start: m.start, end: m.end, kind: 'manual' });
    else for (const at of occurrences(text, m.text)) spans.push({ start: at, end: at + m.text.length, kind: 'manual' });
  }
  return spans;
}

/** Locations (a tag, an author) that hold personal data publishing removes: such a field is left out whole. */
function withheldPlaces(findings: readonly FindingView[]): Set<string> {
  return new Set(findings.filter((f) => f.redacted && !f.location.startsWith('message:') && f.location !== 'subject').map((f) => f.location));
}

/** Topic names are the workspace's own words, but they become page names too: one holding personal data is dropped. */
const topicIsSafe = memoize((topic: string): boolean => detectText(topic, EMPTY_CONTEXT, 'topic').length === 0);

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

/**
 * Brings the batch's scans up to date. A read-only connection (a site build's render worker) cannot store them:
 * then the stale threads are scanned in memory for this view, so personal data is never published unscanned.
 */
function freshScans(db: DatabaseSync, rowids: readonly number[]): Map<number, { findings: LocatedFinding[]; topics: string[] }> | null {
  try {
    refreshScans(db, { rowids });
    return null;
  } catch (err) {
    if (!isReadOnlyError(err)) throw err;
    const scanner = makeScanner(readSettings(db));
    return scanInMemory(db, staleRowids(db, rowids, scanner), scanner);
  }
}

function reviewedViews(db: DatabaseSync, rowid: number, located: readonly LocatedFinding[]): FindingView[] {
  const reviews = new Map((db.prepare('SELECT finding_id, status, reason FROM pii_reviews WHERE thread_rowid = ?').all(rowid) as { finding_id: string; status: 'accepted' | 'rejected'; reason: string | null }[]).map((r) => [r.finding_id, r]));
  return located.map((f) => {
    const r = reviews.get(f.id);
    const status = r?.status ?? 'pending';
    return { ...f, status, reason: r?.reason ?? null, redacted: isRedacted(f.confidence, status) };
  });
}

/**
 * A query's rows as arrays, for the caller to make into objects: SQLite's named-column objects cost about twice as
 * much to make, and a site build reads every published thread and its messages.
 */
function arrays<T extends unknown[]>(db: DatabaseSync, sql: string, params: readonly number[]): T[] {
  const statement = db.prepare(sql);
  statement.setReturnArrays(true);
  return statement.all(...params) as unknown as T[];
}

/** Builds the public views of a batch of threads with one query per table. The scans are refreshed first, unless the caller vouches for them. */
function buildBatch(db: DatabaseSync, rowids: readonly number[], policy: NamingPolicy, scansChecked = false): PublishedThread[] {
  if (rowids.length === 0) return [];
  const inMemory = scansChecked ? null : freshScans(db, rowids);
  const m = rowids.map(() => '?').join(',');
  const rows = arrays<[number, string, string, string, string | null, number | null, string, string, string | null, string, string]>(db, `SELECT rowid, id, source, kind, subject, rating, status, opened_at, resolved_at, last_activity_at, decision FROM threads WHERE rowid IN (${m})`, rowids)
    .map((r): Row => ({ rowid: r[0], id: r[1], source: r[2], kind: r[3], subject: r[4], rating: r[5], status: r[6], opened_at: r[7], resolved_at: r[8], last_activity_at: r[9], decision: r[10] }));
  // Internal notes are excluded here, in the query, whatever any setting says.
  const msgs = arrays<[number, string, string, string | null, string, string, string]>(db, `SELECT thread_rowid, id, role, author_name, sent_at, body, format FROM messages WHERE thread_rowid IN (${m}) AND visibility = 'public' ORDER BY thread_rowid, position`, rowids)
    .map((r): MsgRow => ({ thread_rowid: r[0], id: r[1], role: r[2], author_name: r[3], sent_at: r[4], body: r[5], format: r[6] }));
  const priv = arrays<[number, string, string]>(db, `SELECT thread_rowid, key, value FROM private_data WHERE thread_rowid IN (${m}) AND message_rowid IS NULL AND key IN ('customer.name', 'customer.location')`, rowids)
    .map((r) => ({ thread_rowid: r[0], key: r[1], value: r[2] }));
  const tags = arrays<[number, string, string]>(db, `SELECT thread_rowid, tag, origin FROM thread_tags WHERE thread_rowid IN (${m}) ORDER BY tag`, rowids)
    .map((r) => ({ thread_rowid: r[0], tag: r[1], origin: r[2] }));
  const findings = findingViews(db, rowids);
  for (const [rowid, scan] of inMemory ?? []) findings.set(rowid, reviewedViews(db, rowid, scan.findings));
  const manual = manualRedactions(db, rowids);

  const msgsBy = group(msgs, (x) => x.thread_rowid);
  const privBy = group(priv, (x) => x.thread_rowid);
  const tagsBy = group(tags, (x) => x.thread_rowid);
  const byRow = new Map(rows.map((r) => [r.rowid, r]));
  const out: PublishedThread[] = [];
  for (const rowid of rowids) {
    const r = byRow.get(rowid);
    if (!r) continue;
    const f = findings.get(rowid) ?? [];
    const man = manual.get(rowid) ?? [];
    const p = new Map((privBy.get(rowid) ?? []).map((x) => [x.key, x.value]));
    const threadMsgs = msgsBy.get(rowid) ?? [];
    const customerName = p.get('customer.name') ?? threadMsgs.find((x) => x.role === 'customer' && x.author_name)?.author_name ?? null;
    const shownAs = customerPseudonym(policy, { name: customerName, location: p.get('customer.location') ?? null });
    const threadTags = tagsBy.get(rowid) ?? [];
    const withheld = withheldPlaces(f);
    out.push({
      id: r.id,
      source: r.source,
      kind: r.kind as ThreadKind,
      subject: r.subject === null ? null : applyRedactions(r.subject, spansFor(r.subject, 'subject', f, man)),
      rating: r.rating,
      status: r.status as ThreadStatus,
      openedAt: r.opened_at,
      resolvedAt: r.resolved_at,
      lastActivityAt: r.last_activity_at,
      // Every field goes through the same scan as the messages: a tag with personal data is not published.
      tags: unique(threadTags.filter((t) => t.origin !== 'rule' && !withheld.has(`tag:${t.tag}`)).map((t) => t.tag)),
      topics: (inMemory?.get(rowid)?.topics ?? unique(threadTags.filter((t) => t.origin === 'rule').map((t) => t.tag))).filter(topicIsSafe),
      customer: shownAs,
      decision: r.decision as Decision,
      messages: threadMsgs.map((x) => {
        const location = `message:${x.id}`;
        return {
          id: x.id,
          role: x.role as MessageRole,
          author: authorLabel(policy, x.role as MessageRole, withheld.has(`author:${x.id}`) ? null : x.author_name, shownAs),
          sentAt: x.sent_at,
          body: applyRedactions(x.body, spansFor(x.body, location, f, man)),
          format: x.format as MessageFormat,
        };
      }),
    });
  }
  return out;
}

function group<T>(items: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(item);
  }
  return out;
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/**
 * Exactly what the public site shows of one thread, whatever its decision (the app previews pending threads with
 * it): public messages only, personal data removed by the curation rules, pseudonyms, no private metadata.
 * Null when there is no such thread.
 */
export function publishedThread(ws: HasDb, ref: string): PublishedThread | null {
  const rowid = resolveThreadRowid(ws.db, ref);
  if (rowid === null) return null;
  return buildBatch(ws.db, [rowid], namingPolicy(readSettings(ws.db)))[0] ?? null;
}

export type PublishedThreadsOptions = {
  /** Only these threads (Candor ids or source:external-id), in this order; default: every published thread. */
  ids?: Iterable<string>;
  /** Only these threads, by rowid, in this order (the site builder's render workers: no id look-ups). */
  rowids?: readonly number[];
  /**
   * The caller has checked that every thread's scan is current (scansCurrent) and that the workspace is still in
   * that state when it is done (the site builder compares the audit log's position at the end): the per-batch
   * check is skipped. Anyone else leaves this off.
   */
  scansChecked?: boolean;
  /** Skip threads whose decision is not publish (default true). Set false only for previews. */
  onlyPublished?: boolean;
  batchSize?: number;
  /** The site's words for people in its language, used where the workspace kept the English default labels. */
  naming?: NamingWords;
};

/** Streams public views in batches: the site builder walks 100k threads without holding them all in memory. */
export function* publishedThreads(ws: HasDb, options: PublishedThreadsOptions = {}): Generator<PublishedThread> {
  const db = ws.db;
  const stored = namingPolicy(readSettings(db));
  const policy = options.naming ? namingInLanguage(stored, options.naming) : stored;
  const onlyPublished = options.onlyPublished ?? true;
  const size = Math.max(1, Math.min(options.batchSize ?? BATCH, 900));
  let rowids: Iterable<number>;
  if (options.rowids !== undefined) rowids = options.rowids;
  else if (options.ids === undefined) {
    const where = onlyPublished ? "WHERE decision = 'publish'" : '';
    rowids = (db.prepare(`SELECT rowid FROM threads ${where} ORDER BY opened_at, rowid`).all() as { rowid: number }[]).map((r) => r.rowid);
  } else {
    const ids = options.ids;
    rowids = (function* () {
      for (const ref of ids) {
        const r = resolveThreadRowid(db, ref);
        if (r !== null) yield r;
      }
    })();
  }
  let batch: number[] = [];
  const flush = function* (): Generator<PublishedThread> {
    for (const t of buildBatch(db, batch, policy, options.scansChecked)) if (!onlyPublished || t.decision === 'publish') yield t;
    batch = [];
  };
  for (const rowid of rowids) {
    batch.push(rowid);
    if (batch.length >= size) yield* flush();
  }
  if (batch.length) yield* flush();
}
