import type { ProgressEvent } from '../../../electron/shared/contract.ts';
import { formatBytes, formatCount } from '../lib/format.ts';

export function progressRatio(p: Pick<ProgressEvent, 'done' | 'total'> | null): number | null {
  if (!p || p.total <= 0) return null;
  return Math.max(0, Math.min(1, p.done / p.total));
}

export function progressText(p: ProgressEvent): string {
  const amount = p.unit === 'bytes' ? `${formatBytes(p.done)} of ${formatBytes(p.total)}` : `${formatCount(p.done)} of ${formatCount(p.total)} ${p.unit}`;
  return p.message ? `${amount} · ${p.message}` : amount;
}

/** A labelled progress bar; indeterminate until the job knows its total. */
export function ProgressBar({ label, progress }: { label: string; progress: ProgressEvent | null }) {
  const ratio = progressRatio(progress);
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{label}</span>
        <span className="muted">{ratio === null ? 'Starting…' : `${Math.round(ratio * 100)}%`}</span>
      </div>
      <div
        className={`progress-track${ratio === null ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={ratio === null ? undefined : Math.round(ratio * 100)}
      >
        <div className="progress-fill" style={{ width: ratio === null ? undefined : `${ratio * 100}%` }} />
      </div>
      {progress ? <div className="progress-detail muted">{progressText(progress)}</div> : null}
    </div>
  );
}
