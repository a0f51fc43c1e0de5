import type { DatabaseSync } from 'node:sqlite';

export { AuditEntry } from '../../shared/model/audit.ts';
import type { AuditEntry } from '../../shared/model/audit.ts';

export type AuditInput = {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  at?: string;
};

const statements = new WeakMap<DatabaseSync, ReturnType<DatabaseSync['prepare']>>();

/** Append one entry. Call it inside the transaction that makes the change, so the two commit together. */
export function appendAudit(db: DatabaseSync, entry: AuditInput): void {
  let stmt = statements.get(db);
  if (!stmt) {
    stmt = db.prepare('INSERT INTO audit_log (at, actor, action, entity_type, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
    statements.set(db, stmt);
  }
  stmt.run(
    entry.at ?? new Date().toISOString(),
    entry.actor,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  );
}

type AuditRow = { seq: number; at: string; actor: string; action: string; entity_type: string; entity_id: string; before: string | null; after: string | null };

/** newest: the latest entries first (the app's audit view pages backwards with beforeSeq). */
export type AuditQuery = { entityType?: string; entityId?: string; limit?: number; afterSeq?: number; beforeSeq?: number; newest?: boolean };

export function listAudit(db: DatabaseSync, query: AuditQuery = {}): AuditEntry[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.entityType) { where.push('entity_type = ?'); params.push(query.entityType); }
  if (query.entityId) { where.push('entity_id = ?'); params.push(query.entityId); }
  if (query.afterSeq !== undefined) { where.push('seq > ?'); params.push(query.afterSeq); }
  if (query.beforeSeq !== undefined) { where.push('seq < ?'); params.push(query.beforeSeq); }
  const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq${query.newest ? ' DESC' : ''} ${query.limit ? `LIMIT ${Math.max(1, Math.floor(query.limit))}` : ''}`;
  const rows = db.prepare(sql).all(...params) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}
