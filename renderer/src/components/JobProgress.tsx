import { useState } from 'react';
import type { ApiError, ProgressEvent } from '../../../electron/shared/contract.ts';
import { useClient } from '../api.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { Notice } from './States.tsx';

// A long job's progress with a way to stop it. The core stops a job at its next progress report and unwinds it the
// way any failure does (an import rolls back, a build leaves the previous site): a cancelled job changed nothing.

/** The progress bar and, beside it, Cancel: asks the core to stop this window's job of that name. */
export function JobProgress({ job, label, progress, cancelLabel = 'Cancel', cancelHint }: { job: string; label: string; progress: ProgressEvent | null; cancelLabel?: string; cancelHint?: string }) {
  const client = useClient();
  const [asked, setAsked] = useState(false);
  const cancel = () => {
    setAsked(true);
    void client.invoke('app.cancel', { job }).then((r) => {
      // Nothing was running any more (it just finished): the button can be used again for the next job.
      if (!r.ok || r.value.cancelled === 0) setAsked(false);
    });
  };
  return (
    <div className="job-progress">
      <ProgressBar label={label} progress={progress} />
      <div className="job-progress-actions">
        <button type="button" className="btn btn-secondary btn-small" onClick={cancel} disabled={asked}>{asked ? 'Stopping…' : cancelLabel}</button>
        {cancelHint ? <span className="muted small">{cancelHint}</span> : null}
      </div>
    </div>
  );
}

export function isCancelled(error: ApiError | null | undefined): boolean {
  return error?.code === 'CANCELLED';
}

/** What a person sees when the job they cancelled has stopped. */
export function CancelledNotice() {
  return (
    <Notice title="Cancelled — nothing was changed">
      <p>The job stopped before it finished; everything is as it was before you started it.</p>
    </Notice>
  );
}
