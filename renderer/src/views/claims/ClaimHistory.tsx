import { ErrorNotice, Loading } from '../../components/States.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useCall } from '../../lib/useCall.ts';

/** Published revisions (frozen) with what changed between them, and every workflow step with who and when. */
export function ClaimHistory({ id, version }: { id: string; version: number }) {
  const history = useCall('claims.history', { id }, version);
  if (history.status === 'loading') return <Loading label="Loading the history…" />;
  if (history.status === 'error') return <ErrorNotice error={history.error} onRetry={history.reload} />;
  const h = history.data;
  return (
    <section className="history" aria-labelledby="history-heading">
      <h3 id="history-heading" className="subheading">Revision history</h3>
      {h.unpublished && h.unpublished.length ? (
        <div className="revision revision-unpublished">
          <div className="revision-head"><span className="strong">Not yet published</span><span className="muted small">changes in the working copy</span></div>
          <Changes changes={h.unpublished} />
        </div>
      ) : null}
      {h.revisions.length === 0 ? <p className="muted">Not published yet. Publishing creates a revision that cannot be changed afterwards.</p> : null}
      <ol className="revision-list" reversed>
        {[...h.revisions].reverse().map((r) => (
          <li key={r.revision} className="revision">
            <div className="revision-head">
              <span className="strong">Revision {r.revision}</span>
              <span className="muted small">published {formatDateTime(r.publishedAt)} by {r.publishedBy} · checked as of {formatDate(r.reviewedAsOf)}</span>
            </div>
            {r.overrideReason ? <p className="override-note">Published over {r.findings.filter((f) => f.severity === 'error').length} error(s): “{r.overrideReason}”</p> : null}
            {r.changes.length ? <Changes changes={r.changes} /> : <p className="muted small">First published version.</p>}
            <p className="muted small mono">sha256 {r.contentSha256.slice(0, 16)}…</p>
          </li>
        ))}
      </ol>
      {h.events.length ? (
        <details className="events">
          <summary>Workflow steps ({h.events.length})</summary>
          <ul className="plain-list">
            {[...h.events].reverse().map((e, i) => (
              <li key={i}><span className="muted small">{formatDateTime(e.at)}</span> · {e.actor}: {e.action.replace(/^claim\./, '')}{e.from || e.to ? ` (${e.from ?? '—'} → ${e.to ?? '—'})` : ''}{e.detail ? ` — ${e.detail}` : ''}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function Changes({ changes }: { changes: { field: string; label: string; before: string | null; after: string | null }[] }) {
  return (
    <table className="table changes">
      <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <td>{c.label}</td>
            <td className="change-before">{c.before ?? '—'}</td>
            <td className="change-after">{c.after ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
