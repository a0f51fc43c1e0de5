import { useState } from 'react';
import { useClient } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { ErrorNotice } from '../../components/States.tsx';
import { useAction, useCall } from '../../lib/useCall.ts';
import type { LintFinding } from './claim-form.ts';
import { FindingList } from './Findings.tsx';

/**
 * Publishing is never one click: the dialog names what the check found. Error-level findings need a reason to
 * publish over them (stored with the revision, shown on the public page); warnings are listed to read first.
 */
export function PublishDialog({ title, findings, onCancel, onPublish }: { title: string; findings: readonly LintFinding[]; onCancel: () => void; onPublish: (override?: string) => void }) {
  const [reason, setReason] = useState('');
  const errors = findings.filter((f) => f.severity === 'error');
  const others = findings.filter((f) => f.severity !== 'error');
  return (
    <Dialog title={errors.length ? 'Publish despite the check?' : `Publish “${title}”?`} onClose={onCancel} size="large">
      <div className="form">
        {errors.length ? (
          <>
            <p>The check found {errors.length} {errors.length === 1 ? 'problem' : 'problems'} that should be fixed before publishing. If you publish anyway, your reason is stored with the revision, in the audit log, and shown on the public claim page with the {errors.length === 1 ? 'problem' : 'problems'}.</p>
            <FindingList findings={errors} compact />
          </>
        ) : (
          <p>The claim goes on the public site as a new revision that cannot be changed afterwards; later changes become further revisions, all shown.</p>
        )}
        {others.length ? (
          <>
            <p className="muted">{others.length === 1 ? 'One further finding' : `${others.length} further findings`} to read before publishing:</p>
            <FindingList findings={others} compact />
          </>
        ) : null}
        {!errors.length && !others.length ? <p className="muted">The check found nothing.</p> : null}
        {errors.length ? (
          <Field label="Reason for publishing anyway">
            <textarea className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />
          </Field>
        ) : null}
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>{errors.length ? 'Go back and fix' : 'Cancel'}</button>
          {errors.length ? (
            <button type="button" className="btn btn-danger" disabled={!reason.trim()} onClick={() => onPublish(reason.trim())}>Publish anyway</button>
          ) : (
            <button type="button" className="btn btn-primary" data-autofocus onClick={() => onPublish()}>Publish</button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

/** Retiring asks why: the reason and the date are shown on the public claim page. */
export function RetireDialog({ title, onCancel, onRetire }: { title: string; onCancel: () => void; onRetire: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <Dialog title={`Retire “${title}”?`} onClose={onCancel}>
      <div className="form">
        <p>A retired claim is no longer made. It stays on the public site, marked retired, with its history, the date and the reason you give here.</p>
        <Field label="Why it is retired" hint="Shown on the public claim page, e.g. “The product was discontinued.”">
          <textarea className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />
        </Field>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>Cancel</button>
          <button type="button" className="btn btn-danger" onClick={() => onRetire(reason.trim())}>Retire</button>
        </div>
      </div>
    </Dialog>
  );
}

/** The workspace's second-approver setting, where claims are approved. */
export function SecondApproverSetting() {
  const client = useClient();
  const [version, setVersion] = useState(0);
  const settings = useCall('claims.settings.get', {}, version);
  const action = useAction();
  if (settings.status !== 'ready') return null;
  const toggle = async (on: boolean) => {
    const r = await action.run(() => client.call('claims.settings.set', { secondApprover: on }));
    if (r) setVersion((v) => v + 1);
  };
  return (
    <div className="pane-foot second-approver">
      <label className="check">
        <input type="checkbox" checked={settings.data.secondApprover} disabled={action.pending} onChange={(e) => void toggle(e.target.checked)} />
        <span>Require a second approver</span>
      </label>
      <div className="muted">{settings.data.secondApprover ? 'Whoever last wrote a claim cannot approve or publish it.' : 'Anyone may approve and publish.'}</div>
      {action.error ? <ErrorNotice error={action.error} title="Setting not changed" /> : null}
    </div>
  );
}
