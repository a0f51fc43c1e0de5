import { formatDateTime } from '../../lib/format.ts';
import { DECISION_LABEL, reasonLabel } from '../../lib/labels.ts';
import type { Decision } from '../../lib/labels.ts';

export function DecisionBar({ decision, reason, note, by, at, onPublish, onWithhold, onPending, pending }: {
  decision: Decision;
  reason: string | null;
  note: string | null;
  by: string | null;
  at: string | null;
  onPublish: () => void;
  onWithhold: () => void;
  onPending: () => void;
  pending: boolean;
}) {
  return (
    <div className={`decision-bar decision-${decision}`}>
      <div className="decision-state" aria-live="polite">
        <span className={`badge badge-decision-${decision}`}>{DECISION_LABEL[decision]}</span>
        {decision === 'withhold' && reason ? <span className="decision-reason">{reasonLabel(reason)}</span> : null}
        {note ? <span className="decision-note">“{note}”</span> : null}
        {by && at ? <span className="muted decision-by">by {by}, {formatDateTime(at)}</span> : null}
      </div>
      <div className="decision-actions" role="group" aria-label="Decision">
        <button type="button" className="btn btn-primary" onClick={onPublish} disabled={pending || decision === 'publish'} aria-keyshortcuts="p">
          Publish <kbd aria-hidden="true">p</kbd>
        </button>
        <button type="button" className="btn btn-danger-outline" onClick={onWithhold} disabled={pending} aria-keyshortcuts="w">
          Withhold… <kbd aria-hidden="true">w</kbd>
        </button>
        {decision !== 'pending' ? (
          <button type="button" className="btn btn-ghost" onClick={onPending} disabled={pending} aria-keyshortcuts="u">
            Back to review
          </button>
        ) : null}
      </div>
    </div>
  );
}
