import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { CandorError } from '../errors.ts';
import { transaction } from '../db/transaction.ts';
import { appendAudit } from '../store/audit.ts';
import { resolveThreadRowid } from '../store/threads.ts';
import { HIGH_CONFIDENCE_KINDS } from '../../shared/curation/pii-finding.ts';
import { safeSpan } from './pii/redact.ts';
import type { FindingView, ManualRedaction, ThreadRedactions } from '../../shared/curation/model.ts';
import { findingViews, isRedacted, manualRedactions } from './finding-views.ts';
import { recount, refreshScans } from './scan.ts';

type Actor = { actor: string };

export function threadRowid(db: DatabaseSync, ref: string): { rowid: number; id: string } {
  const rowid = resolveThreadRowid(db, ref);
  if (rowid === null) throw new CandorError('NOT_FOUND', `No thread "${ref}" in this workspace.`, undefined, 'use the id shown by candor threads');
  const row = db.prepare('SELECT id FROM threads WHERE rowid = ?').get(rowid) as { id: string };
  return { rowid, id: row.id };
}

/** Everything curation knows about one thread's personal data, freshly scanned. */
export function threadRedactions(db: DatabaseSync, ref: string): ThreadRedactions {
  const { rowid, id } = threadRowid(db, ref);
  refreshScans(db, { rowids: [rowid] });
  const findings = findingViews(db, [rowid]).get(rowid) ?? [];
  const manual = manualRedactions(db, [rowid]).get(rowid) ?? [];
  const pending = findings.filter((f) => f.status === 'pending');
  const subject = db.prepare('SELECT subject FROM threads WHERE rowid = ?').get(rowid) as { subject: string | null };
  const messages = db.prepare("SELECT id, role, sent_at, body FROM messages WHERE thread_rowid = ? AND visibility = 'public' ORDER BY position").all(rowid) as { id: string; role: string; sent_at: string; body: string }[];
  const places = [
    ...(subject.subject ? [{ location: 'subject', role: null, sentAt: null, length: subject.subject.length }] : []),
    ...messages.map((m) => ({ location: `message:${m.id}`, role: m.role, sentAt: m.sent_at, length: m.body.length })),
  ];
  return {
    threadId: id,
    findings,
    manual,
    places,
    summary: { total: findings.length, pending: pending.length, pendingHigh: pending.filter((f) => f.confidence === 'high').length, redacted: findings.filter((f) => f.redacted).length + manual.length },
  };
}

export type ReviewAction = 'accept' | 'reject';

/**
 * Accept (remove when published) or reject (publish as written) one finding. Keeping a high-confidence finding
 * needs a reason; both are in the audit log.
 */
export function reviewFinding(db: DatabaseSync, who: Actor, ref: string, findingId: string, action: ReviewAction, reason?: string): FindingView {
  const { rowid, id } = threadRowid(db, ref);
  refreshScans(db, { rowids: [rowid] });
  return transaction(db, () => {
    const f = (findingViews(db, [rowid]).get(rowid) ?? []).find((x) => x.id === findingId);
    if (!f) throw new CandorError('NOT_FOUND', `Thread ${id} has no finding "${findingId}" (it may have changed since it was shown).`, undefined, `list them with: candor redactions <workspace> ${id}`);
    const note = reason?.trim() || null;
    if (action === 'reject' && HIGH_CONFIDENCE_KINDS.includes(f.kind) && !note) {
      throw new CandorError('USAGE', `Keeping ${f.kind} "${f.text}" as written needs a reason: it would otherwise be removed when published.`, undefined, '--reason "<why>"');
    }
    const status = action === 'accept' ? 'accepted' : 'rejected';
    if (f.status === status && f.reason === note) return f;
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO pii_reviews (thread_rowid, finding_id, status, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (thread_rowid, finding_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, actor = excluded.actor, at = excluded.at`)
      .run(rowid, findingId, status, note, who.actor, now);
    appendAudit(db, {
      actor: who.actor, at: now, action: action === 'accept' ? 'redaction.accept' : HIGH_CONFIDENCE_KINDS.includes(f.kind) ? 'redaction.keep' : 'redaction.reject',
      entityType: 'thread', entityId: id,
      before: { finding: findingId, status: f.status, reason: f.reason },
      after: { finding: findingId, kind: f.kind, location: f.location, start: f.start, end: f.end, status, reason: note },
    });
    recount(db, rowid);
    return { ...f, status, reason: note, redacted: isRedacted(f.confidence, status) };
  });
}

/** The text a location holds: the subject or one public message of the thread. */
function locationText(db: DatabaseSync, rowid: number, location: string): string {
  if (location === 'subject') {
    const r = db.prepare('SELECT subject FROM threads WHERE rowid = ?').get(rowid) as { subject: string | null };
    if (!r.subject) throw new CandorError('USAGE', 'This thread has no subject to redact.');
    return r.subject;
  }
  const messageId = location.startsWith('message:') ? location.slice('message:'.length) : location;
  const m = db.prepare('SELECT body, visibility FROM messages WHERE thread_rowid = ? AND (id = ? OR external_id = ?)').get(rowid, messageId, messageId) as { body: string; visibility: string } | undefined;
  if (!m) throw new CandorError('NOT_FOUND', `This thread has no message "${messageId}".`);
  if (m.visibility === 'internal') throw new CandorError('USAGE', `Message ${messageId} is an internal note: internal notes are never published, so there is nothing to redact.`);
  return m.body;
}

function canonicalLocation(db: DatabaseSync, rowid: number, location: string): string {
  if (location === 'subject') return 'subject';
  const messageId = location.startsWith('message:') ? location.slice('message:'.length) : location;
  const m = db.prepare('SELECT id FROM messages WHERE thread_rowid = ? AND (id = ? OR external_id = ?)').get(rowid, messageId, messageId) as { id: string } | undefined;
  if (!m) throw new CandorError('NOT_FOUND', `This thread has no message "${messageId}".`);
  return `message:${m.id}`;
}

/** Adds a manual redaction over [start, end) of a message (or the subject). Offsets are JavaScript string indices. */
export function addManualRedaction(db: DatabaseSync, who: Actor, ref: string, location: string, start: number, end: number, note?: string): ManualRedaction {
  const { rowid, id } = threadRowid(db, ref);
  return transaction(db, () => {
    const loc = canonicalLocation(db, rowid, location);
    const text = locationText(db, rowid, loc);
    if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end <= start || end > text.length) {
      throw new CandorError('USAGE', `The span ${start}-${end} is not inside the text (it has ${text.length} characters; give start-end with start < end).`);
    }
    const [s, e] = safeSpan(text, start, end);
    const r: ManualRedaction = { id: `r_${randomUUID().replace(/-/g, '').slice(0, 12)}`, location: loc, start: s, end: e, text: text.slice(s, e), note: note?.trim() || null, actor: who.actor, createdAt: new Date().toISOString() };
    db.prepare('INSERT INTO manual_redactions (id, thread_rowid, location, start, "end", text, note, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(r.id, rowid, r.location, r.start, r.end, r.text, r.note, r.actor, r.createdAt);
    appendAudit(db, { actor: who.actor, at: r.createdAt, action: 'redaction.span', entityType: 'thread', entityId: id, after: { redaction: r.id, location: r.location, start: r.start, end: r.end, note: r.note } });
    return r;
  });
}

export function removeManualRedaction(db: DatabaseSync, who: Actor, ref: string, redactionId: string): void {
  const { rowid, id } = threadRowid(db, ref);
  transaction(db, () => {
    const r = db.prepare('SELECT location, start, "end" AS "end", note FROM manual_redactions WHERE thread_rowid = ? AND id = ?').get(rowid, redactionId) as { location: string; start: number; end: number; note: string | null } | undefined;
    if (!r) throw new CandorError('NOT_FOUND', `Thread ${id} has no manual redaction "${redactionId}".`);
    db.prepare('DELETE FROM manual_redactions WHERE id = ?').run(redactionId);
    appendAudit(db, { actor: who.actor, action: 'redaction.unspan', entityType: 'thread', entityId: id, before: { redaction: redactionId, ...r } });
  });
}
