import type { DatabaseSync } from 'node:sqlite';
import type { Decision, MessageFormat, MessageRole, ThreadKind, ThreadStatus } from '../../shared/model/thread.ts';
import type { FindingView, ManualRedaction, PublishedThread } from '../../shared/curation/model.ts';
import { findingViews, isRedacted, manualRedactions } from './finding-views.ts';
import { applyRedactions } from './pii/redact.ts';
import type { RedactionSpan } from './pii/redact.ts';
import { authorLabel, customerPseudonym } from './pseudonym.ts';
import type { NamingPolicy } from './pseudonym.ts';
import type { LocatedFinding } from './scan.ts';

// The public view of threads (what the site shows of each) made from what curation stored: findings and reviews,
// manual redactions, the naming policy. It runs no detector and reads no setting: published.ts brings the scans up
// to date and checks topic names; a site build's render workers, which only read threads the builder has checked,
// use this module alone and so never load the personal data detectors (libphonenumber and the rest).

/** How threads are shown: the naming policy (in the site's language) and which topic names may be shown. */
export type ViewRules = { policy: NamingPolicy; topicSafe: (topic: string) => boolean };

/**
 * ViewRules as plain data, for a thread that runs no detector (a render worker): the topic names a thread with the
 * detectors found safe (published.ts, siteViewRules). Any other topic name is not shown.
 */
export type ViewRulesData = { policy: NamingPolicy; safeTopics: string[] };

export function viewRules(data: ViewRulesData): ViewRules {
  const safe = new Set(data.safeTopics);
  return { policy: data.policy, topicSafe: (topic) => safe.has(topic) };
}

/** Scans made for one view only (a read-only connection cannot store them), by thread rowid. */
export type InMemoryScans = Map<number, { findings: LocatedFinding[]; topics: string[] }>;

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

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
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

/**
 * Builds the public views of a batch of threads with one query per table, from the scans as stored (the caller has
 * brought them up to date) or, for threads in `inMemory`, from scans made for this view alone.
 */
export function publicViews(db: DatabaseSync, rowids: readonly number[], rules: ViewRules, inMemory: InMemoryScans | null = null): PublishedThread[] {
  if (rowids.length === 0) return [];
  const { policy, topicSafe } = rules;
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
      topics: (inMemory?.get(rowid)?.topics ?? unique(threadTags.filter((t) => t.origin === 'rule').map((t) => t.tag))).filter(topicSafe),
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

/** SQLite takes at most 999 parameters per statement: a batch's rowids stay below. */
export const MAX_BATCH = 900;

/** Public views of published threads, in the order of `rowids`, read `batchSize` at a time (fewer alive at once). */
export function* publishedViews(db: DatabaseSync, rowids: readonly number[], rules: ViewRules, batchSize = MAX_BATCH): Generator<PublishedThread> {
  const size = Math.max(1, Math.min(batchSize, MAX_BATCH));
  for (let i = 0; i < rowids.length; i += size) {
    for (const t of publicViews(db, rowids.slice(i, i + size), rules)) if (t.decision === 'publish') yield t;
  }
}
