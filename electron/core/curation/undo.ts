import type { DatabaseSync } from 'node:sqlite';
import { describeAction } from '../../shared/audit-words.ts';
import { CandorError } from '../errors.ts';
import { transaction } from '../db/transaction.ts';
import { appendAudit, listAudit } from '../store/audit.ts';
import type { AuditEntry } from '../store/audit.ts';
import { applyDecision, resolveThreadRowid } from '../store/threads.ts';
import type { PublishGuard } from '../store/threads.ts';
import { correctMessageRole, correctThread } from '../store/corrections.ts';
import type { MessageCorrection, ThreadCorrection } from '../store/corrections.ts';
import type { Workspace } from '../workspace.ts';
import { addManualRedaction, removeManualRedaction } from './findings.ts';
import type { ReviewStatus, SettingKey } from '../../shared/curation/model.ts';
import { restoreReview, reviewStatus } from './review.ts';
import { isSettingKey, readSettings, writeSetting } from './settings.ts';
import { changeManualTags, threadTags } from './tags.ts';

// Undo of a person's last change in the app. A change is journalled with the audit entries it wrote; undoing it
// writes the reverse as new, audited changes (the log only ever grows) and marks the journal row as undone. Before
// anything is reversed, every entity must still be as the change left it: if someone changed it since, undo is
// refused rather than overwrite their work.

type Who = Pick<Workspace, 'db' | 'actor'>;
export type UndoableAction = { id: number; label: string; at: string };

function maxSeq(db: DatabaseSync): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM audit_log').get() as { n: number }).n;
}

function subjectOf(db: DatabaseSync): (id: string) => string | null {
  const stmt = db.prepare('SELECT subject FROM threads WHERE id = ?');
  return (id) => ((stmt.get(id) as { subject: string | null } | undefined)?.subject ?? null);
}

/** Runs a change in one transaction and journals what it wrote, so that it can be undone. */
export function undoable<T>(ws: Who, fn: () => T): T {
  return transaction(ws.db, () => {
    const first = maxSeq(ws.db) + 1;
    const result = fn();
    const last = maxSeq(ws.db);
    if (last >= first) {
      const entries = listAudit(ws.db, { afterSeq: first - 1, beforeSeq: last + 1 });
      ws.db.prepare('INSERT INTO undo_journal (actor, at, label, first_seq, last_seq) VALUES (?, ?, ?, ?, ?)')
        .run(ws.actor, new Date().toISOString(), describeAction(entries, subjectOf(ws.db)), first, last);
    }
    return result;
  });
}

/** This person's latest change that can still be undone, if any. */
export function lastUndoable(ws: Who): UndoableAction | null {
  const r = ws.db.prepare('SELECT id, label, at FROM undo_journal WHERE actor = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1').get(ws.actor) as UndoableAction | undefined;
  return r ?? null;
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

function changedSince(what: string): never {
  throw new CandorError('CHANGED_SINCE', `This cannot be undone: ${what} was changed again since. Change it back by hand if you need to.`);
}

function rowidOf(db: DatabaseSync, id: string): number {
  const r = resolveThreadRowid(db, id);
  if (r === null) changedSince(`conversation ${id}`);
  return r;
}

function undoDecision(ws: Who, e: AuditEntry, subject: string, guards: readonly PublishGuard[]): void {
  const rowid = rowidOf(ws.db, e.entityId);
  const now = ws.db.prepare('SELECT decision, decision_reason AS reason, decision_note AS note FROM threads WHERE rowid = ?').get(rowid) as { decision: string; reason: string | null; note: string | null };
  const after = obj(e.after);
  if (now.decision !== after.decision || now.reason !== (after.reason ?? null) || now.note !== (after.note ?? null)) changedSince(`the decision on “${subject}”`);
  const before = obj(e.before);
  const input = { decision: before.decision as 'publish' | 'withhold' | 'pending', ...(before.reason ? { reason: before.reason as 'other' } : {}), ...(before.note ? { note: String(before.note) } : {}) };
  const { refused } = applyDecision(ws.db, [rowid], input, { actor: ws.actor, now: new Date().toISOString(), guards });
  if (refused[0]) throw new CandorError('REFUSED', `This cannot be undone: “${subject}” cannot be published again. ${refused[0].reason}`);
}

function undoTags(ws: Who, e: AuditEntry, subject: string): void {
  const was = (obj(e.before).manualTags as string[] | undefined) ?? [];
  const now = threadTags(ws.db, e.entityId).manual;
  const after = (obj(e.after).manualTags as string[] | undefined) ?? [];
  if (now.join('\u0000') !== [...after].sort().join('\u0000') && now.join('\u0000') !== after.join('\u0000')) changedSince(`the tags of “${subject}”`);
  changeManualTags(ws.db, ws, e.entityId, { add: was.filter((t) => !now.includes(t)), remove: now.filter((t) => !was.includes(t)) });
}

function undoReview(ws: Who, e: AuditEntry, subject: string): void {
  const rowid = rowidOf(ws.db, e.entityId);
  const before = obj(e.before);
  const after = obj(e.after);
  const pairs = Array.isArray(before.findings)
    ? (before.findings as Record<string, unknown>[]).map((b, i) => ({ b, a: obj((after.findings as unknown[] | undefined)?.[i]) }))
    : [{ b: before, a: after }];
  for (const { b, a } of pairs) {
    const finding = String(b.finding);
    if (reviewStatus(ws.db, rowid, finding) !== a.status) changedSince(`the personal data of “${subject}”`);
    restoreReview(ws.db, ws, rowid, e.entityId, finding, { status: b.status as ReviewStatus, reason: (b.reason as string | null) ?? null });
  }
}

function undoSetting(ws: Who, e: AuditEntry): void {
  const key = e.entityId;
  if (!isSettingKey(key)) throw new CandorError('CANNOT_UNDO', `The setting ${key} is no longer known to Candor.`);
  const now = readSettings(ws.db)[key as SettingKey];
  if (JSON.stringify(now) !== JSON.stringify(obj(e.after)[key])) changedSince(`the setting ${key}`);
  writeSetting(ws.db, ws.actor, key as SettingKey, obj(e.before)[key]);
}

function undoThreadCorrection(ws: Who, e: AuditEntry, subject: string): void {
  const rowid = rowidOf(ws.db, e.entityId);
  const now = ws.db.prepare('SELECT kind, status FROM threads WHERE rowid = ?').get(rowid) as { kind: string; status: string };
  const after = obj(e.after);
  if (now.kind !== after.kind || now.status !== after.status) changedSince(`the kind or status of “${subject}”`);
  const before = obj(e.before);
  correctThread(ws.db, e.entityId, { kind: before.kind, status: before.status } as ThreadCorrection, { actor: ws.actor });
}

function undoRoleCorrection(ws: Who, e: AuditEntry): void {
  const now = ws.db.prepare('SELECT role FROM messages WHERE id = ?').get(e.entityId) as { role: string } | undefined;
  if (!now || now.role !== obj(e.after).role) changedSince('who wrote that message');
  correctMessageRole(ws.db, e.entityId, { role: obj(e.before).role } as MessageCorrection, { actor: ws.actor });
}

function reverse(ws: Who, e: AuditEntry, subject: (id: string) => string | null, guards: readonly PublishGuard[]): void {
  const name = subject(e.entityId) ?? e.entityId;
  switch (e.action) {
    case 'thread.decide':
      return undoDecision(ws, e, name, guards);
    case 'thread.tags':
      return undoTags(ws, e, name);
    case 'redaction.accept':
    case 'redaction.keep':
    case 'redaction.reject':
    case 'redaction.review':
      return undoReview(ws, e, name);
    case 'redaction.span':
      return removeManualRedaction(ws.db, ws, e.entityId, String(obj(e.after).redaction));
    case 'redaction.unspan': {
      const b = obj(e.before);
      addManualRedaction(ws.db, ws, e.entityId, String(b.location), Number(b.start), Number(b.end), typeof b.note === 'string' ? b.note : undefined);
      return;
    }
    case 'settings.set':
      return undoSetting(ws, e);
    case 'thread.correct':
      return undoThreadCorrection(ws, e, name);
    case 'message.correct':
      return undoRoleCorrection(ws, e);
    default:
      throw new CandorError('CANNOT_UNDO', `“${e.action}” cannot be undone in the app.`);
  }
}

/**
 * Undoes this person's latest change that is not undone yet: every entry it wrote is reversed, newest first, in one
 * transaction, and an "action.undo" entry records which change was undone.
 */
export function undoLast(ws: Who, guards: readonly PublishGuard[]): { label: string; reversed: number; next: UndoableAction | null } {
  return transaction(ws.db, () => {
    const action = lastUndoable(ws);
    if (!action) throw new CandorError('NOTHING_TO_UNDO', 'There is nothing of yours to undo in this workspace.');
    const row = ws.db.prepare('SELECT first_seq, last_seq FROM undo_journal WHERE id = ?').get(action.id) as { first_seq: number; last_seq: number };
    const entries = listAudit(ws.db, { afterSeq: row.first_seq - 1, beforeSeq: row.last_seq + 1 });
    const subject = subjectOf(ws.db);
    for (const e of [...entries].reverse()) reverse(ws, e, subject, guards);
    const now = new Date().toISOString();
    ws.db.prepare('UPDATE undo_journal SET undone_at = ?, undone_by = ? WHERE id = ?').run(now, ws.actor, action.id);
    appendAudit(ws.db, { actor: ws.actor, at: now, action: 'action.undo', entityType: 'action', entityId: String(action.id), before: { label: action.label, seqs: [row.first_seq, row.last_seq] }, after: { undone: true } });
    return { label: action.label, reversed: entries.length, next: lastUndoable(ws) };
  });
}

