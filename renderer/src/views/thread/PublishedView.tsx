import type { Res } from '../../../../electron/shared/contract.ts';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { formatDateTime, stars } from '../../lib/format.ts';
import { KIND_LABEL, STATUS_LABEL, sourceLabel } from '../../lib/labels.ts';
import { useCall } from '../../lib/useCall.ts';

type Published = Res<'curation.publishedView'>;

/** Exactly what the site will show, as the core computes it: this screen never redacts anything itself. */
export function PublishedView({ threadId, decision }: { threadId: string; decision: string }) {
  const view = useCall('curation.publishedView', { threadId });
  if (view.status === 'loading') return <Loading label="Preparing the published view…" />;
  if (view.status === 'error') return <ErrorNotice error={view.error} onRetry={view.reload} />;
  return <PublishedThreadView thread={view.data} decision={decision} />;
}

function PublishedThreadView({ thread, decision }: { thread: Published; decision: string }) {
  return (
    <article className="published" aria-label="Published view">
      {decision !== 'publish' ? (
        <p className="published-banner">
          {decision === 'withhold' ? 'Withheld: this conversation will not appear on the site. This is what it would show if published.' : 'Not published yet: this is what the site will show once you publish it.'}
        </p>
      ) : (
        <p className="published-banner published-banner-live">This is exactly what the site shows.</p>
      )}
      <header className="published-head">
        <h3 className="published-subject">{thread.subject || '(no subject)'}</h3>
        <p className="muted">
          {KIND_LABEL[thread.kind]} · {STATUS_LABEL[thread.status]} · {sourceLabel(thread.source)} · opened {formatDateTime(thread.openedAt)}
          {thread.rating != null ? <> · <span aria-label={`${thread.rating} of 5 stars`}>{stars(thread.rating)}</span></> : null}
        </p>
        {thread.topics.length + thread.tags.length ? (
          <ul className="chip-list">
            {[...thread.topics, ...thread.tags].map((t) => <li key={t} className="chip">{t}</li>)}
          </ul>
        ) : null}
      </header>
      <ol className="conversation">
        {thread.messages.map((m) => (
          <li key={m.id} className={`message message-${m.role}`}>
            <div className="message-head">
              <span className="message-author">{m.author}</span>
              <time className="muted message-time" dateTime={m.sentAt}>{formatDateTime(m.sentAt)}</time>
            </div>
            <div className="message-body">{m.body}</div>
          </li>
        ))}
      </ol>
    </article>
  );
}
