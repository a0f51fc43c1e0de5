import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Res } from '../../../../electron/shared/contract.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { excerpt } from '../../lib/format.ts';
import { KIND_LABEL, KINDS, ROLE_LABEL, STATUS_LABEL, STATUSES } from '../../lib/labels.ts';
import type { Kind, Role, Status } from '../../lib/labels.ts';

type Thread = Res<'threads.get'>;
const ROLES = Object.keys(ROLE_LABEL) as Role[];

/** What the curator changed in the dialog: only the fields that differ from what the import decided. */
export type Correction = { kind?: Kind; status?: Status; roles: { messageId: string; role: Role }[] };

/** The changes between the thread as stored and the dialog's values (pure, so it is tested on its own). */
export function correctionOf(thread: Pick<Thread, 'kind' | 'status' | 'messages'>, kind: Kind, status: Status, roles: Record<string, Role>): Correction {
  return {
    ...(kind !== thread.kind ? { kind } : {}),
    ...(status !== thread.status ? { status } : {}),
    roles: thread.messages.filter((m) => roles[m.id] && roles[m.id] !== m.role).map((m) => ({ messageId: m.id, role: roles[m.id]! })),
  };
}

export function isEmptyCorrection(c: Correction): boolean {
  return c.kind === undefined && c.status === undefined && c.roles.length === 0;
}

/**
 * Correcting what an import decided: the conversation's kind and status, and who wrote each message. Every change
 * is audited, counted in the statistics, and kept when the same export is imported again.
 */
export function CorrectDialog({ thread, onCancel, onSave, pending }: { thread: Thread; onCancel: () => void; onSave: (c: Correction) => void; pending?: boolean }) {
  const [kind, setKind] = useState<Kind>(thread.kind);
  const [status, setStatus] = useState<Status>(thread.status);
  const [roles, setRoles] = useState<Record<string, Role>>(() => Object.fromEntries(thread.messages.map((m) => [m.id, m.role])));
  const change = correctionOf(thread, kind, status, roles);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!isEmptyCorrection(change)) onSave(change);
  };
  let n = 0;
  return (
    <Dialog title="Correct this conversation" onClose={onCancel} scrollable>
      <form className="form" onSubmit={submit}>
        <p className="muted">Change what the import decided. The change is recorded in the audit log, counted in the statistics, and kept when the same export is imported again.</p>
        <div className="grid-2">
          <Field label="Kind" hint={thread.kindInferred ? 'Candor guessed it from the rating and the words used.' : undefined}>
            <select className="input" value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-autofocus>
              {KINDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
            </select>
          </Field>
          <Field label="Status">
            <select className="input" value={status} onChange={(e) => setStatus(e.target.value as Status)}>
              {STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
            </select>
          </Field>
        </div>
        <fieldset className="correct-roles">
          <legend className="field-label">Who wrote each message</legend>
          <ul className="correct-role-list">
            {thread.messages.map((m) => {
              const label = m.visibility === 'internal' ? 'Internal note' : `Message ${++n}`;
              return (
                <li key={m.id} className="correct-role">
                  <label className="correct-role-label" htmlFor={`role-${m.id}`}>
                    <span>{label}{m.authorName ? ` by ${m.authorName}` : ''}</span>
                    <span className="muted small">“{excerpt(m.body, 70)}”</span>
                  </label>
                  <select id={`role-${m.id}`} className="input input-small" value={roles[m.id]} onChange={(e) => setRoles((r) => ({ ...r, [m.id]: e.target.value as Role }))}>
                    {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABEL[r]}</option>)}
                  </select>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>Cancel</button>
          <button type="submit" className="btn btn-primary" disabled={pending || isEmptyCorrection(change)}>Save correction</button>
        </div>
      </form>
    </Dialog>
  );
}
