import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { z } from 'zod';
import { ThreadInput, WithholdReason } from '../../shared/model/thread.ts';
import type { MessageInput } from '../../shared/model/thread.ts';
import type { ThreadKind, ThreadStatus, Decision } from '../../shared/model/thread.ts';
import { ThreadQuery } from '../../shared/model/thread-views.ts';
import type { StoredMessage, ThreadDetail, ThreadPage, ThreadSummary } from '../../shared/model/thread-views.ts';

// The view schemas live in a pure module so the renderer can share them; re-exported for the core's callers.
export { ThreadSummary, StoredMessage, ThreadDetail, ThreadQuery, ThreadPage } from '../../shared/model/thread-views.ts';
import { inferKind } from '../model/infer-kind.ts';
import { appendAudit } from './audit.ts';
import { contentKey, messageId, threadId } from './ids.ts';
import { wasErased } from './erased.ts';

export type UpsertResult = { created: boolean; updated: boolean; messagesCreated: number; internalNotes: number; threadId: string; erased?: true };

type ThreadRow = {
  rowid: number;
  id: string;
  source: string;
  external_id: string;
  kind: string;
  kind_inferred: number;
  subject: string | null;
  rating: number | null;
  satisfaction: string | null;
  status: string;
  channel: string | null;
  opened_at: string;
  resolved_at: string | null;
  last_activity_at: string;
  decision: string;
  decision_reason: string | null;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  imported_at: string;
  updated_at: string;
  kind_corrected: number;
  status_corrected: number;
};

type MessageRow = {
  rowid: number;
  id: string;
  thread_rowid: number;
  external_id: string;
  position: number;
  role: string;
  author_name: string | null;
  sent_at: string;
  body: string;
  format: string;
  visibility: string;
  attachments: string;
};

/** Prepared once per connection: re-preparing per thread would dominate a 100k-thread import. */
class Statements {
  readonly findThread: StatementSync;
  readonly insertThread: StatementSync;
  readonly updateThread: StatementSync;
  readonly messageKeys: StatementSync;
  readonly setRole: StatementSync;
  readonly replaceMessage: StatementSync;
  readonly customerBodies: StatementSync;
  readonly insertMessage: StatementSync;
  readonly upsertPrivate: StatementSync;
  readonly deleteSourceTags: StatementSync;
  readonly insertTag: StatementSync;
  readonly sourceTags: StatementSync;
  readonly ftsDelete: StatementSync;
  readonly ftsInsert: StatementSync;
  readonly publicBodies: StatementSync;
  readonly insertDecision: StatementSync;
  readonly threadPrivate: StatementSync;

  constructor(db: DatabaseSync) {
    this.findThread = db.prepare('SELECT * FROM threads WHERE source = ? AND external_id = ?');
    this.insertThread = db.prepare(`INSERT INTO threads (id, source, external_id, kind, kind_inferred, subject, rating, satisfaction, status, channel,
      opened_at, resolved_at, last_activity_at, decision, imported_at, updated_at, first_customer_at, first_reply_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.updateThread = db.prepare(`UPDATE threads SET kind = ?, kind_inferred = ?, subject = ?, rating = ?, satisfaction = ?, status = ?, channel = ?,
      opened_at = ?, resolved_at = ?, last_activity_at = ?, updated_at = ?, first_customer_at = ?, first_reply_at = ? WHERE rowid = ?`);
    this.messageKeys = db.prepare('SELECT rowid, external_id, sent_at, role, visibility, role_corrected FROM messages WHERE thread_rowid = ?');
    this.setRole = db.prepare('UPDATE messages SET role = ? WHERE rowid = ?');
    this.replaceMessage = db.prepare(`UPDATE messages SET external_id = ?, role = ?, author_name = ?, sent_at = ?, body = ?, format = ?, visibility = ?, attachments = ?
      WHERE rowid = ?`);
    this.customerBodies = db.prepare("SELECT body FROM messages WHERE thread_rowid = ? AND role = 'customer' AND visibility = 'public' ORDER BY position");
    this.insertMessage = db.prepare(`INSERT INTO messages (id, thread_rowid, external_id, position, role, author_name, sent_at, body, format, visibility, attachments)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.upsertPrivate = db.prepare(`INSERT INTO private_data (thread_rowid, message_rowid, key, value) VALUES (?, ?, ?, ?)
      ON CONFLICT (thread_rowid, ifnull(message_rowid, 0), key) DO UPDATE SET value = excluded.value`);
    this.deleteSourceTags = db.prepare("DELETE FROM thread_tags WHERE thread_rowid = ? AND origin = 'source'");
    this.insertTag = db.prepare('INSERT OR IGNORE INTO thread_tags (thread_rowid, tag, origin) VALUES (?, ?, ?)');
    this.sourceTags = db.prepare("SELECT tag FROM thread_tags WHERE thread_rowid = ? AND origin = 'source' ORDER BY tag");
    this.ftsDelete = db.prepare('DELETE FROM threads_fts WHERE rowid = ?');
    this.ftsInsert = db.prepare('INSERT INTO threads_fts (rowid, subject, body) VALUES (?, ?, ?)');
    this.publicBodies = db.prepare("SELECT body FROM messages WHERE thread_rowid = ? AND visibility = 'public' ORDER BY position");
    this.threadPrivate = db.prepare('SELECT key, value FROM private_data WHERE thread_rowid = ? AND message_rowid IS NULL');
    this.insertDecision = db.prepare('INSERT INTO decisions (thread_rowid, decision, reason, note, actor, decided_at) VALUES (?, ?, ?, ?, ?, ?)');
  }
}

const cache = new WeakMap<DatabaseSync, Statements>();
function statements(db: DatabaseSync): Statements {
  let s = cache.get(db);
  if (!s) {
    s = new Statements(db);
    cache.set(db, s);
  }
  return s;
}

export type UpsertContext = { actor: string; now: string; defaultDecision?: 'pending' | 'publish' | 'withhold' };

function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))].sort();
}

/**
 * Store one thread from any importer. Creating is one insert per row; re-importing appends only messages the store
 * has not seen and updates source fields, and never touches what curators did (decisions, manual tags, redactions).
 * Must run inside the import's transaction.
 */
export function upsertThread(db: DatabaseSync, raw: ThreadInput, ctx: UpsertContext): UpsertResult {
  const t = ThreadInput.parse(raw);
  const s = statements(db);
  const id = threadId(t.source, t.externalId);
  // A customer asked to be forgotten: the same record in a later export stays out (curation/erase.ts).
  if (wasErased(db, t.source, t.externalId)) return { created: false, updated: false, messagesCreated: 0, internalNotes: 0, threadId: id, erased: true };
  // ThreadInput.parse has validated the messages (and filled their defaults): no second parse per message.
  const messages = t.messages;
  const sentTimes = messages.map((m) => m.sentAt).sort();
  const existing = s.findThread.get(t.source, t.externalId) as ThreadRow | undefined;
  const tags = normalizeTags(t.tags);

  const keyed = messages.map((m) => ({ m, key: m.externalId ?? contentKey(m.role, m.sentAt, m.body) }));
  const seen = new Set<string>();
  const unique = keyed.filter(({ key }) => (seen.has(key) ? false : (seen.add(key), true)));

  if (!existing) {
    const customerText = messages.filter((m) => m.role === 'customer' && m.visibility === 'public').map((m) => m.body).join('\n');
    const kind = t.kind ?? inferKind({ rating: t.rating ?? null, satisfaction: t.satisfaction ?? null, vendorType: t.vendorType ?? null, tags, subject: t.subject ?? null, customerText });
    const openedAt = t.openedAt ?? sentTimes[0] ?? ctx.now;
    const lastActivity = sentTimes[sentTimes.length - 1] ?? openedAt;
    const status = t.status ?? (t.resolvedAt ? 'resolved' : 'open');
    const decision = ctx.defaultDecision ?? 'pending';
    // run() and lastInsertRowid: cheaper than stepping a RETURNING row (measured ~20% on inserts).
    const times = replyTimes(unique.map(({ m }) => m));
    const row = s.insertThread.run(id, t.source, t.externalId, kind, t.kind ? 0 : 1, t.subject ?? null, t.rating ?? null, t.satisfaction ?? null,
      status, t.channel ?? null, openedAt, t.resolvedAt ?? null, lastActivity, decision, ctx.now, ctx.now, times.firstCustomerAt, times.firstReplyAt);
    const rowid = Number(row.lastInsertRowid);
    const sorted = [...unique].sort((a, b) => (a.m.sentAt < b.m.sentAt ? -1 : a.m.sentAt > b.m.sentAt ? 1 : 0));
    let internalNotes = 0;
    sorted.forEach(({ m, key }, position) => {
      insertMessage(s, rowid, id, key, position, m);
      if (m.visibility === 'internal') internalNotes++;
    });
    writePrivate(s, rowid, t);
    for (const tag of tags) s.insertTag.run(rowid, tag, 'source');
    if (decision !== 'pending') s.insertDecision.run(rowid, decision, null, 'workspace default for new threads', ctx.actor, ctx.now);
    s.ftsInsert.run(rowid, t.subject ?? '', sorted.filter(({ m }) => m.visibility === 'public').map(({ m }) => m.body).join('\n'));
    appendAudit(db, { actor: ctx.actor, action: 'thread.import', entityType: 'thread', entityId: id, at: ctx.now,
      after: { source: t.source, externalId: t.externalId, kind, subject: t.subject ?? null, messages: sorted.length, internalNotes } });
    return { created: true, updated: false, messagesCreated: sorted.length, internalNotes, threadId: id };
  }

  type Known = { rowid: number; external_id: string; sent_at: string; role: string; visibility: string; role_corrected: number };
  const known = s.messageKeys.all(existing.rowid) as Known[];
  const byKey = new Map(known.map((k) => [k.external_id, k]));
  // What the source now says about messages already stored: a new author role (staff addresses given since) is
  // taken, unless a curator corrected that message's role.
  const reclassified: { id: string; before: string; after: string }[] = [];
  for (const { m, key } of unique) {
    const k = byKey.get(key);
    if (!k || k.role === m.role || k.role_corrected === 1) continue;
    s.setRole.run(m.role, k.rowid);
    reclassified.push({ id: key, before: k.role, after: m.role });
    k.role = m.role;
  }
  // A message that replaces a stand-in (Zendesk's description, once its first comment arrives) takes its place.
  const superseded: string[] = [];
  const fresh = unique.filter(({ m, key }) => {
    if (byKey.has(key)) return false;
    const stand = m.supersedes ? byKey.get(m.supersedes) : undefined;
    if (!stand) return true;
    s.replaceMessage.run(key, stand.role_corrected ? stand.role : m.role, m.authorName ?? null, m.sentAt, m.body, m.format, m.visibility,
      m.attachments.length ? JSON.stringify(m.attachments) : '[]', stand.rowid);
    superseded.push(stand.external_id);
    byKey.delete(stand.external_id);
    Object.assign(stand, { external_id: key, sent_at: m.sentAt, visibility: m.visibility, role: stand.role_corrected ? stand.role : m.role });
    byKey.set(key, stand);
    return false;
  }).sort((a, b) => (a.m.sentAt < b.m.sentAt ? -1 : 1));
  let internalNotes = 0;
  fresh.forEach(({ m, key }, i) => {
    insertMessage(s, existing.rowid, id, key, known.length + i, m);
    if (m.visibility === 'internal') internalNotes++;
  });

  const allTimes = [...known.map((k) => k.sent_at), ...fresh.map(({ m }) => m.sentAt)].sort();
  const textChanged = fresh.length > 0 || reclassified.length > 0 || superseded.length > 0;
  const next = {
    kind: existing.kind_corrected ? existing.kind : (t.kind ?? existing.kind),
    kind_inferred: existing.kind_corrected ? 0 : t.kind ? 0 : existing.kind_inferred,
    subject: t.subject === undefined ? existing.subject : t.subject,
    rating: t.rating === undefined ? existing.rating : t.rating,
    satisfaction: t.satisfaction === undefined ? existing.satisfaction : t.satisfaction,
    status: existing.status_corrected ? existing.status : (t.status ?? existing.status),
    channel: t.channel === undefined ? existing.channel : t.channel,
    opened_at: t.openedAt ?? existing.opened_at,
    resolved_at: existing.status_corrected ? existing.resolved_at : (t.resolvedAt === undefined ? existing.resolved_at : t.resolvedAt),
    last_activity_at: allTimes[allTimes.length - 1] ?? existing.last_activity_at,
  };
  if (next.kind_inferred === 1 && !t.kind && (textChanged || next.satisfaction !== existing.satisfaction || next.rating !== existing.rating)) {
    // The kind was inferred: infer it again from everything the thread now holds.
    const customerText = (s.customerBodies.all(existing.rowid) as { body: string }[]).map((r) => r.body).join('\n');
    next.kind = inferKind({ rating: next.rating, satisfaction: next.satisfaction, vendorType: t.vendorType ?? null, tags: t.patchOnly ? [] : tags, subject: next.subject, customerText });
  }
  const changed: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, v] of Object.entries(next)) {
    const before = existing[k as keyof ThreadRow];
    if (before !== v) changed[k] = { before, after: v };
  }
  const oldTags = (s.sourceTags.all(existing.rowid) as { tag: string }[]).map((r) => r.tag);
  // A patch (a satisfaction rating on its own) says nothing about tags or private data: they stay.
  const tagsChanged = !t.patchOnly && oldTags.join('\u0000') !== tags.join('\u0000');
  if (tagsChanged) {
    s.deleteSourceTags.run(existing.rowid);
    for (const tag of tags) s.insertTag.run(existing.rowid, tag, 'source');
    changed.tags = { before: oldTags, after: tags };
  }
  // Private data is not shown in the audit log (it is personal), only that it changed.
  if (!t.patchOnly && writePrivate(s, existing.rowid, t)) changed.privateData = { before: '(changed)', after: '(changed)' };
  if (reclassified.length) changed.messageRoles = { before: reclassified.map((r) => ({ message: r.id, role: r.before })), after: reclassified.map((r) => ({ message: r.id, role: r.after })) };
  if (superseded.length) changed.replaced = { before: superseded, after: '(the message that arrived in its place)' };
  const updated = fresh.length > 0 || Object.keys(changed).length > 0;
  if (!updated) return { created: false, updated: false, messagesCreated: 0, internalNotes: 0, threadId: id };

  const times = replyTimes([...known.map((k) => ({ role: k.role, visibility: k.visibility, sentAt: k.sent_at })), ...fresh.map(({ m }) => m)]);
  s.updateThread.run(next.kind, next.kind_inferred, next.subject, next.rating, next.satisfaction, next.status, next.channel,
    next.opened_at, next.resolved_at, next.last_activity_at, ctx.now, times.firstCustomerAt, times.firstReplyAt, existing.rowid);
  if (fresh.length > 0 || superseded.length > 0 || 'subject' in changed) {
    s.ftsDelete.run(existing.rowid);
    const bodies = (s.publicBodies.all(existing.rowid) as { body: string }[]).map((r) => r.body).join('\n');
    s.ftsInsert.run(existing.rowid, next.subject ?? '', bodies);
  }
  const before = Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v.before]));
  const after = Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v.after]));
  appendAudit(db, { actor: ctx.actor, action: 'thread.reimport', entityType: 'thread', entityId: id, at: ctx.now,
    before, after: { ...after, messagesAppended: fresh.length } });
  return { created: false, updated: true, messagesCreated: fresh.length, internalNotes, threadId: id };
}

/**
 * The customer's first message (any) and the company's first public reply at or after it: what the response-time
 * statistics measure. Kept on the thread so statistics never read the messages table (see migration 0050).
 */
export function replyTimes(messages: readonly { role: string; visibility: string; sentAt: string }[]): { firstCustomerAt: string | null; firstReplyAt: string | null } {
  let firstCustomerAt: string | null = null;
  for (const m of messages) if (m.role === 'customer' && (firstCustomerAt === null || m.sentAt < firstCustomerAt)) firstCustomerAt = m.sentAt;
  let firstReplyAt: string | null = null;
  if (firstCustomerAt !== null) {
    for (const m of messages) {
      if (m.role === 'staff' && m.visibility === 'public' && m.sentAt >= firstCustomerAt && (firstReplyAt === null || m.sentAt < firstReplyAt)) firstReplyAt = m.sentAt;
    }
  }
  return { firstCustomerAt, firstReplyAt };
}

function insertMessage(s: Statements, threadRowid: number, tId: string, key: string, position: number, m: z.output<typeof MessageInput>): void {
  const row = s.insertMessage.run(messageId(tId, key), threadRowid, key, position, m.role, m.authorName ?? null, m.sentAt, m.body, m.format,
    m.visibility, m.attachments.length ? JSON.stringify(m.attachments) : '[]');
  const messageRowid = Number(row.lastInsertRowid);
  for (const [k, v] of Object.entries(m.privateData)) s.upsertPrivate.run(threadRowid, messageRowid, k, v);
}

/** Writes thread-level private data; says whether anything differs from what was stored (so the thread is re-scanned). */
function writePrivate(s: Statements, rowid: number, t: z.output<typeof ThreadInput>): boolean {
  const c = t.customer;
  const next: [string, string][] = [];
  if (c?.name) next.push(['customer.name', c.name]);
  if (c?.email) next.push(['customer.email', c.email]);
  if (c?.location) next.push(['customer.location', c.location]);
  for (const [k, v] of Object.entries(t.privateData)) next.push([k, v]);
  if (next.length === 0) return false;
  const stored = new Map((s.threadPrivate.all(rowid) as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  let changed = false;
  for (const [k, v] of next) {
    if (stored.get(k) === v) continue;
    s.upsertPrivate.run(rowid, null, k, v);
    changed = true;
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

function toSummary(r: ThreadRow, tags: string[], messageCount: number): ThreadSummary {
  return {
    id: r.id,
    source: r.source,
    externalId: r.external_id,
    kind: r.kind as ThreadKind,
    kindInferred: r.kind_inferred === 1,
    subject: r.subject,
    rating: r.rating,
    satisfaction: r.satisfaction,
    status: r.status as ThreadStatus,
    channel: r.channel,
    openedAt: r.opened_at,
    resolvedAt: r.resolved_at,
    lastActivityAt: r.last_activity_at,
    decision: r.decision as Decision,
    decisionReason: r.decision_reason,
    decisionNote: r.decision_note,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    tags,
    messageCount,
  };
}

export function rowToMessage(r: MessageRow): StoredMessage {
  return {
    id: r.id,
    externalId: r.external_id,
    position: r.position,
    role: r.role as StoredMessage['role'],
    authorName: r.author_name,
    sentAt: r.sent_at,
    body: r.body,
    format: r.format as StoredMessage['format'],
    visibility: r.visibility as StoredMessage['visibility'],
    attachments: JSON.parse(r.attachments) as StoredMessage['attachments'],
  };
}

const rowidById = new WeakMap<DatabaseSync, StatementSync>();

/** Accepts Candor's id (t_…), "source:external-id", or a bare external id when only one source has it. */
export function resolveThreadRowid(db: DatabaseSync, ref: string): number | null {
  // Called once per thread when the site reads 100,000 of them: the statement is prepared once per connection.
  let byIdStatement = rowidById.get(db);
  if (!byIdStatement) rowidById.set(db, (byIdStatement = db.prepare('SELECT rowid FROM threads WHERE id = ?')));
  const byId = byIdStatement.get(ref) as { rowid: number } | undefined;
  if (byId) return byId.rowid;
  const colon = ref.indexOf(':');
  if (colon > 0) {
    const bySource = db.prepare('SELECT rowid FROM threads WHERE source = ? AND external_id = ?').get(ref.slice(0, colon), ref.slice(colon + 1)) as { rowid: number } | undefined;
    if (bySource) return bySource.rowid;
  }
  const byExternal = db.prepare('SELECT rowid FROM threads WHERE external_id = ? LIMIT 2').all(ref) as { rowid: number }[];
  return byExternal.length === 1 ? byExternal[0]!.rowid : null;
}

export function getThread(db: DatabaseSync, ref: string): ThreadDetail | null {
  const rowid = resolveThreadRowid(db, ref);
  if (rowid === null) return null;
  const r = db.prepare('SELECT * FROM threads WHERE rowid = ?').get(rowid) as ThreadRow;
  const tags = (db.prepare('SELECT DISTINCT tag FROM thread_tags WHERE thread_rowid = ? ORDER BY tag').all(rowid) as { tag: string }[]).map((t) => t.tag);
  const messages = (db.prepare('SELECT * FROM messages WHERE thread_rowid = ? ORDER BY position').all(rowid) as MessageRow[]).map(rowToMessage);
  const priv = db.prepare('SELECT key, value FROM private_data WHERE thread_rowid = ? AND message_rowid IS NULL ORDER BY key').all(rowid) as { key: string; value: string }[];
  return { ...toSummary(r, tags, messages.length), messages, privateData: Object.fromEntries(priv.map((p) => [p.key, p.value])) };
}

/** Turns what a person typed into an FTS5 query of quoted terms (all must match), so no syntax can break it. */
export function toFtsQuery(text: string): string | null {
  const terms = text.match(/[\p{L}\p{N}_]+/gu);
  if (!terms || terms.length === 0) return null;
  return terms.slice(0, 32).map((t) => `"${t}"`).join(' ');
}

export type WhereClause = { sql: string[]; params: (string | number)[] };

export function threadWhere(q: z.output<typeof ThreadQuery>): WhereClause {
  const sql: string[] = [];
  const params: (string | number)[] = [];
  if (q.query !== undefined && q.query.trim() !== '') {
    const fts = toFtsQuery(q.query);
    if (fts === null) sql.push('0');
    else {
      sql.push('t.rowid IN (SELECT rowid FROM threads_fts WHERE threads_fts MATCH ?)');
      params.push(fts);
    }
  }
  if (q.kind) { sql.push('t.kind = ?'); params.push(q.kind); }
  if (q.status) { sql.push('t.status = ?'); params.push(q.status); }
  if (q.decision) { sql.push('t.decision = ?'); params.push(q.decision); }
  if (q.source) { sql.push('t.source = ?'); params.push(q.source); }
  if (q.rating !== undefined) { sql.push('t.rating = ?'); params.push(q.rating); }
  if (q.tag) { sql.push('t.rowid IN (SELECT thread_rowid FROM thread_tags WHERE tag = ?)'); params.push(q.tag); }
  if (q.from) { sql.push('t.opened_at >= ?'); params.push(q.from); }
  // A bare date means the whole of that day (UTC): times are stored as full ISO strings.
  if (q.to) { sql.push('t.opened_at <= ?'); params.push(/^\d{4}-\d{2}-\d{2}$/.test(q.to) ? `${q.to}T23:59:59.999Z` : q.to); }
  return { sql, params };
}

const SORT_COLUMNS = { date: 't.opened_at', rating: 't.rating', activity: 't.last_activity_at' } as const;

export function searchThreads(db: DatabaseSync, raw: ThreadQuery = {}, extra?: WhereClause): ThreadPage {
  const q = ThreadQuery.parse(raw);
  const where = threadWhere(q);
  if (extra) { where.sql.push(...extra.sql); where.params.push(...extra.params); }
  const whereSql = where.sql.length ? `WHERE ${where.sql.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM threads t ${whereSql}`).get(...where.params) as { n: number }).n;
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const col = SORT_COLUMNS[q.sort];
  // Dates are NOT NULL, so ordering by the column alone lets its index deliver rows in order (no sort of every
  // match). Unrated threads go last: SQLite sorts NULL lowest, so only ascending ratings need the IS NULL term.
  const order = q.sort === 'rating' && dir === 'ASC' ? `${col} IS NULL, ${col} ${dir}` : `${col} ${dir}`;
  const rows = db.prepare(`SELECT t.* FROM threads t ${whereSql} ORDER BY ${order}, t.rowid ${dir} LIMIT ? OFFSET ?`)
    .all(...where.params, q.limit, q.offset) as ThreadRow[];
  if (rows.length === 0) return { total, threads: [] };
  const ids = rows.map((r) => r.rowid);
  const marks = ids.map(() => '?').join(',');
  const tagRows = db.prepare(`SELECT DISTINCT thread_rowid, tag FROM thread_tags WHERE thread_rowid IN (${marks}) ORDER BY tag`).all(...ids) as { thread_rowid: number; tag: string }[];
  const countRows = db.prepare(`SELECT thread_rowid, count(*) AS n FROM messages WHERE thread_rowid IN (${marks}) GROUP BY thread_rowid`).all(...ids) as { thread_rowid: number; n: number }[];
  const tagsBy = new Map<number, string[]>();
  for (const t of tagRows) tagsBy.set(t.thread_rowid, [...(tagsBy.get(t.thread_rowid) ?? []), t.tag]);
  const countBy = new Map(countRows.map((c) => [c.thread_rowid, c.n]));
  return { total, threads: rows.map((r) => toSummary(r, tagsBy.get(r.rowid) ?? [], countBy.get(r.rowid) ?? 0)) };
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions

export const DecisionInput = z.object({
  decision: z.enum(['publish', 'withhold', 'pending']),
  reason: WithholdReason.optional(),
  note: z.string().max(4000).optional(),
}).superRefine((d, ctx) => {
  if (d.decision === 'withhold' && !d.reason) ctx.addIssue({ code: 'custom', message: `withholding needs a reason: one of ${WithholdReason.options.join(', ')}` });
  if (d.decision !== 'withhold' && d.reason) ctx.addIssue({ code: 'custom', message: 'a reason code is only for withholding' });
});
export type DecisionInput = z.infer<typeof DecisionInput>;

/** A check that may refuse publishing a thread (curation's personal-data policy registers one). */
export type PublishGuard = (db: DatabaseSync, threadRowid: number, threadIdValue: string) => string | null;

/** Caller wraps in a transaction. Returns how many threads changed; unchanged decisions are not re-recorded. */
export function applyDecision(db: DatabaseSync, rowids: readonly number[], input: DecisionInput, ctx: { actor: string; now: string; guards?: readonly PublishGuard[] }): { changed: number; refused: { id: string; reason: string }[] } {
  const select = db.prepare('SELECT * FROM threads WHERE rowid = ?');
  // updated_at is when the thread's content last changed (curation's scans are keyed on it); a decision changes no
  // text, and has its own decided_at. Bumping it would make every scan of a bulk-published workspace stale.
  const update = db.prepare('UPDATE threads SET decision = ?, decision_reason = ?, decision_note = ?, decided_by = ?, decided_at = ? WHERE rowid = ?');
  const s = statements(db);
  let changed = 0;
  const refused: { id: string; reason: string }[] = [];
  for (const rowid of rowids) {
    const r = select.get(rowid) as ThreadRow | undefined;
    if (!r) continue;
    const reason = input.reason ?? null;
    const note = input.note ?? null;
    if (r.decision === input.decision && r.decision_reason === reason && r.decision_note === note) continue;
    if (input.decision === 'publish') {
      const refusal = (ctx.guards ?? []).map((g) => g(db, rowid, r.id)).find((x) => x !== null);
      if (refusal) { refused.push({ id: r.id, reason: refusal }); continue; }
    }
    update.run(input.decision, reason, note, ctx.actor, ctx.now, rowid);
    s.insertDecision.run(rowid, input.decision, reason, note, ctx.actor, ctx.now);
    appendAudit(db, { actor: ctx.actor, action: 'thread.decide', entityType: 'thread', entityId: r.id, at: ctx.now,
      before: { decision: r.decision, reason: r.decision_reason, note: r.decision_note },
      after: { decision: input.decision, reason, note } });
    changed++;
  }
  return { changed, refused };
}
