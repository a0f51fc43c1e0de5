import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { transaction } from '../db/transaction.ts';
import { CandorError } from '../errors.ts';
import { appendAudit } from '../store/audit.ts';
import type { Workspace } from '../workspace.ts';
import { LastPublish, TargetKind, TargetName, TargetSpec } from '../../shared/model/publish-target.ts';
import type { Target } from '../../shared/model/publish-target.ts';

// The workspace's publish targets: one row each, settings as JSON (never a secret: the schemas are strict, so a
// stray "password" field is refused, not stored). Every change is one transaction and is audited.

type Row = { id: string; name: string; kind: string; settings: string; created_at: string; updated_at: string; last_publish: string | null };

function fromRow(r: Row): Target {
  const spec = TargetSpec.parse({ kind: r.kind, settings: JSON.parse(r.settings) as unknown });
  return { ...spec, id: r.id, name: r.name, createdAt: r.created_at, updatedAt: r.updated_at, lastPublish: r.last_publish ? LastPublish.parse(JSON.parse(r.last_publish)) : null };
}

export function listTargets(db: DatabaseSync): Target[] {
  return (db.prepare('SELECT * FROM publish_targets ORDER BY name').all() as Row[]).map(fromRow);
}

export function findTarget(db: DatabaseSync, name: string): Target | null {
  const row = db.prepare('SELECT * FROM publish_targets WHERE name = ?').get(name) as Row | undefined;
  return row ? fromRow(row) : null;
}

export function getTarget(db: DatabaseSync, name: string): Target {
  const t = findTarget(db, name);
  if (t) return t;
  const names = listTargets(db).map((x) => x.name);
  throw new CandorError('NO_SUCH_TARGET', `There is no publish target named "${name}"${names.length ? ` (the workspace has: ${names.join(', ')})` : ' (the workspace has none yet)'}.`, { field: 'target' }, 'add one with candor targets add');
}

/** Checks a target as given by a person: every problem named with its field. */
export function checkTargetSpec(input: { kind: string; settings: unknown }): TargetSpec {
  const kind = TargetKind.safeParse(input.kind);
  if (!kind.success) throw new CandorError('INVALID_TARGET', `"${input.kind}" is not a kind of target: say s3, git or sftp.`, { field: 'kind' });
  const parsed = TargetSpec.safeParse({ kind: kind.data, settings: input.settings });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.filter((p) => p !== 'settings').join('.');
  const message = issue.code === 'unrecognized_keys'
    ? `${issue.keys.join(', ')} ${issue.keys.length > 1 ? 'are' : 'is'} not a setting of a ${kind.data} target (secrets such as keys and passwords are entered as credentials, never stored with the settings)`
    : issue.message;
  throw new CandorError('INVALID_TARGET', `${field ? `${field}: ` : ''}${message}.`, field ? { field } : undefined);
}

function auditView(t: Pick<Target, 'name' | 'kind' | 'settings'>): unknown {
  return { name: t.name, kind: t.kind, settings: t.settings };
}

function checkName(value: string): string {
  const r = TargetName.safeParse(value);
  if (!r.success) throw new CandorError('INVALID_TARGET', `${r.error.issues[0]!.message}.`, { field: 'name' });
  return r.data;
}

/** Adds a target, or with `previous` changes the settings (and maybe the name) of the target of that name. */
export function saveTarget(ws: Pick<Workspace, 'db' | 'actor'>, input: { name: string; kind: string; settings: unknown; previous?: string }): Target {
  const name = checkName(input.name);
  const spec = checkTargetSpec(input);
  return transaction(ws.db, () => {
    const before = input.previous === undefined ? null : getTarget(ws.db, input.previous);
    const clash = findTarget(ws.db, name);
    if (clash && clash.id !== before?.id) throw new CandorError('TARGET_EXISTS', `There is already a target named "${name}"${before ? '' : ' (change that one, or remove it first)'}.`, { field: 'name' }, before ? undefined : 'change it with candor targets set');
    const now = new Date().toISOString();
    if (before) {
      if (before.kind !== spec.kind) throw new CandorError('INVALID_TARGET', `"${before.name}" is a ${before.kind} target; add a new target to publish somewhere of another kind.`, { field: 'kind' });
      ws.db.prepare('UPDATE publish_targets SET name = ?, settings = ?, updated_at = ? WHERE id = ?').run(name, JSON.stringify(spec.settings), now, before.id);
      appendAudit(ws.db, { actor: ws.actor, action: 'publish-target.update', entityType: 'publish_target', entityId: before.id, before: auditView(before), after: auditView({ ...spec, name }), at: now });
      return getTarget(ws.db, name);
    }
    const id = `pt_${randomBytes(8).toString('hex')}`;
    ws.db.prepare('INSERT INTO publish_targets (id, name, kind, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, name, spec.kind, JSON.stringify(spec.settings), now, now);
    appendAudit(ws.db, { actor: ws.actor, action: 'publish-target.add', entityType: 'publish_target', entityId: id, after: auditView({ ...spec, name }), at: now });
    return getTarget(ws.db, name);
  });
}

export function removeTarget(ws: Pick<Workspace, 'db' | 'actor'>, name: string): Target {
  return transaction(ws.db, () => {
    const t = getTarget(ws.db, name);
    ws.db.prepare('DELETE FROM publish_targets WHERE id = ?').run(t.id);
    appendAudit(ws.db, { actor: ws.actor, action: 'publish-target.remove', entityType: 'publish_target', entityId: t.id, before: auditView(t) });
    return t;
  });
}

/** The host key seen at the first connection to an SFTP server, kept so later connections must match it. */
export function rememberHostKey(ws: Pick<Workspace, 'db' | 'actor'>, id: string, fingerprint: string): void {
  transaction(ws.db, () => {
    const row = ws.db.prepare('SELECT * FROM publish_targets WHERE id = ?').get(id) as Row | undefined;
    if (!row) return;
    const t = fromRow(row);
    if (t.kind !== 'sftp' || t.settings.hostKey) return;
    const settings = { ...t.settings, hostKey: fingerprint };
    ws.db.prepare('UPDATE publish_targets SET settings = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(settings), new Date().toISOString(), id);
    appendAudit(ws.db, { actor: ws.actor, action: 'publish-target.trust-host-key', entityType: 'publish_target', entityId: id, before: auditView(t), after: auditView({ ...t, settings }) });
  });
}

export function recordPublish(db: DatabaseSync, id: string, last: LastPublish): void {
  transaction(db, () => {
    db.prepare('UPDATE publish_targets SET last_publish = ? WHERE id = ?').run(JSON.stringify(LastPublish.parse(last)), id);
  });
}
