import type { ReactNode } from 'react';
import type { ApiError } from '../../../electron/shared/contract.ts';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state-empty">
      <h2 className="state-title">{title}</h2>
      {children ? <div className="state-body">{children}</div> : null}
      {action ? <div className="state-action">{action}</div> : null}
    </div>
  );
}

/** Says what went wrong in the core's own words, with where, and offers to try again. */
export function ErrorNotice({ error, onRetry, title = 'Something went wrong' }: { error: ApiError; onRetry?: () => void; title?: string }) {
  const where = error.location ? [error.location.file, error.location.line !== undefined ? `line ${error.location.line}` : error.location.record !== undefined ? `record ${error.location.record}` : null, error.location.field ? `field ${error.location.field}` : null].filter(Boolean).join(', ') : '';
  return (
    <div className="notice notice-error" role="alert">
      <strong className="notice-title">{title}</strong>
      <p className="notice-body">{error.message}</p>
      {where && !(error.location?.file && error.message.includes(error.location.file) && !error.location.line && error.location.record === undefined) ? <p className="notice-where">Where: {where}</p> : null}
      {onRetry ? (
        <button type="button" className="btn btn-secondary btn-small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function Notice({ tone = 'info', title, children }: { tone?: 'info' | 'success' | 'warning'; title?: string; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'warning' ? 'alert' : 'status'}>
      {title ? <strong className="notice-title">{title}</strong> : null}
      <div className="notice-body">{children}</div>
    </div>
  );
}
