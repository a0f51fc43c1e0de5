import { useState } from 'react';
import type { FormEvent } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { REASON_LABEL, WITHHOLD_REASONS } from '../../lib/labels.ts';
import type { WithholdReason } from '../../lib/labels.ts';

/**
 * Withholding always records why: the reason is counted on the public moderation report, the note is internal.
 * `subject` is a quoted subject (one conversation) or a count ("12 selected conversations").
 */
export function WithholdDialog({ subject, onCancel, onConfirm, pending }: { subject: string; onCancel: () => void; onConfirm: (reason: WithholdReason, note: string) => void; pending?: boolean }) {
  const [reason, setReason] = useState<WithholdReason | ''>('');
  const [note, setNote] = useState('');
  const needsNote = reason === 'other';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason && (!needsNote || note.trim())) onConfirm(reason, note.trim());
  };
  return (
    <Dialog title={subject.startsWith('“') ? 'Withhold this conversation' : 'Withhold these conversations'} onClose={onCancel}>
      <form className="form" onSubmit={submit}>
        <p className="muted">{subject} will not be published. The reason is counted on the site’s moderation report; the note stays internal.</p>
        <Field label="Reason">
          <select className="input" value={reason} onChange={(e) => setReason(e.target.value as WithholdReason | '')} required data-autofocus>
            <option value="">Choose a reason…</option>
            {WITHHOLD_REASONS.map((r) => <option key={r} value={r}>{REASON_LABEL[r]}</option>)}
          </select>
        </Field>
        <Field label={needsNote ? 'Note (required for “Other”)' : 'Note (optional)'} hint="Internal: for colleagues and the audit log.">
          <textarea className="input" rows={3} value={note} onChange={(e) => setNote(e.target.value)} required={needsNote} />
        </Field>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>Cancel</button>
          <button type="submit" className="btn btn-danger" disabled={pending || !reason || (needsNote && !note.trim())}>Withhold</button>
        </div>
      </form>
    </Dialog>
  );
}
