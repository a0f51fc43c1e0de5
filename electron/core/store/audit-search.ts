import { renameSync, writeFileSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { actionName, describeEntry } from '../../shared/audit-words.ts';
import { csvRows } from '../csv-write.ts';
import type { AuditFilter, AuditRow } from '../../shared/model/audit.ts';

// The audit log for people: filters by person, action and date, each entry in words with the conversation's
// subject, and the same rows as a CSV file for a spreadsheet.

type Row = { seq: number; at: string; actor: string; action: string; entity_type: string; entity_id: string; before: string | null; after: string | null; subject: string | null };

function where(f: AuditFilter): { sql: string; params: string[] } {
  const sql: string[] = [];
  const params: string[] = [];
  if (f.actor) { sql.push('a.actor = ?'); params.push(f.actor); }
  if (f.action) { sql.push('a.action = ?'); params.push(f.action); }
  if (f.entityType) { sql.push('a.entity_type = ?'); params.push(f.entityType); }
  if (f.entityId) { sql.push('a.entity_id = ?'); params.push(f.entityId); }
  if (f.from) { sql.push('a.at >= ?'); params.push(`${f.from}T00:00:00.000Z`); }
  if (f.to) { sql.push('a.at <= ?'); params.push(`${f.to}T23:59:59.999Z`); }
  return { sql: sql.join(' AND '), params };
}

function toRow(r: Row): AuditRow {
  const e = {
    seq: r.seq, at: r.at, actor: r.actor, action: r.action, entityType: r.entity_type, entityId: r.entity_id,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown), after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  };
  return { ...e, actionName: actionName(e.action), summary: describeEntry(e), subject: r.subject };
}

const SELECT = `SELECT a.*, CASE WHEN a.entity_type = 'thread' THEN (SELECT t.subject FROM threads t WHERE t.id = a.entity_id)
  WHEN a.entity_type = 'claim' THEN (SELECT c.title FROM claims c WHERE c.id = a.entity_id) END AS subject FROM audit_log a`;

/** Newest first, a page at a time (beforeSeq: the last seq of the previous page). */
export function searchAudit(db: DatabaseSync, f: AuditFilter & { beforeSeq?: number; limit?: number }): AuditRow[] {
  const w = where(f);
  const conds = [w.sql, f.beforeSeq !== undefined ? 'a.seq < ?' : ''].filter(Boolean);
  const params: (string | number)[] = [...w.params, ...(f.beforeSeq !== undefined ? [f.beforeSeq] : [])];
  const rows = db.prepare(`${SELECT} ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY a.seq DESC LIMIT ?`).all(...params, f.limit ?? 200) as Row[];
  return rows.map(toRow);
}

/** Who appears in the log and which actions, for the filters. */
export function auditFacets(db: DatabaseSync): { actors: string[]; actions: { code: string; name: string }[] } {
  const actors = (db.prepare('SELECT DISTINCT actor FROM audit_log ORDER BY actor').all() as { actor: string }[]).map((r) => r.actor);
  const actions = (db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').all() as { action: string }[]).map((r) => ({ code: r.action, name: actionName(r.action) }));
  return { actors, actions };
}

export const AUDIT_CSV_COLUMNS = ['seq', 'when', 'who', 'action', 'what', 'on', 'id', 'subject', 'action_code', 'before', 'after'];

/** Every matching entry, oldest first, as CSV (formula-safe cells). Written beside and renamed: never half a file. */
export function exportAuditCsv(db: DatabaseSync, path: string, f: AuditFilter): { path: string; rows: number } {
  const w = where(f);
  const stmt = db.prepare(`${SELECT} ${w.sql ? `WHERE ${w.sql}` : ''} ORDER BY a.seq`);
  const parts = [csvRows([AUDIT_CSV_COLUMNS])];
  let rows = 0;
  for (const r of stmt.iterate(...w.params) as Iterable<Row>) {
    const e = toRow(r);
    parts.push(csvRows([[e.seq, e.at, e.actor, e.actionName, e.summary, e.entityType, e.entityId, e.subject, e.action,
      e.before === null ? null : JSON.stringify(e.before), e.after === null ? null : JSON.stringify(e.after)]]));
    rows++;
  }
  writeFileSync(`${path}.tmp`, `\ufeff${parts.join('')}`);
  renameSync(`${path}.tmp`, path);
  return { path, rows };
}
