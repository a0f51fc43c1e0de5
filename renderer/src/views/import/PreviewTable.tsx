import type { Res } from '../../../../electron/shared/contract.ts';
import { excerpt, formatDateTime } from '../../lib/format.ts';

type Preview = Res<'imports.preview'>;

/** The first threads as Candor will store them: the check that columns and roles came out right. */
export function PreviewTable({ preview }: { preview: Preview }) {
  if (preview.threads.length === 0 && preview.rejected.length === 0) return <p className="muted">The file has no records.</p>;
  return (
    <div className="preview">
      {preview.threads.length ? (
        <table className="table preview-table">
          <caption className="visually-hidden">First conversations in the file</caption>
          <thead>
            <tr><th scope="col">Conversation</th><th scope="col">Opened</th><th scope="col">Messages</th><th scope="col">First message</th></tr>
          </thead>
          <tbody>
            {preview.threads.map((t) => {
              const customer = t.messages.filter((m) => m.role === 'customer').length;
              const staff = t.messages.filter((m) => m.role === 'staff' && m.visibility === 'public').length;
              const internal = t.messages.filter((m) => m.visibility === 'internal').length;
              const first = t.messages[0];
              return (
                <tr key={`${t.source}-${t.externalId}`}>
                  <td>
                    <div className="strong">{t.subject?.trim() || '(no subject)'}</div>
                    <div className="muted small">#{t.externalId}{t.rating != null ? ` · ${t.rating}★` : ''}</div>
                  </td>
                  <td className="nowrap">{formatDateTime(t.openedAt ?? first?.sentAt ?? null)}</td>
                  <td className="nowrap">
                    {customer} customer · {staff} staff{internal ? <> · <span className="internal-label">{internal} internal</span></> : null}
                  </td>
                  <td>{first ? excerpt(first.body, 110) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {preview.rejected.length ? (
        <div className="notice notice-warning">
          <strong className="notice-title">Records that would be left out</strong>
          <ul className="plain-list">
            {preview.rejected.map((r, i) => <li key={i}><code>{r.location}</code> — {r.reason}</li>)}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
