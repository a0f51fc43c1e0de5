import { useState } from 'react';
import type { Res } from '../../../../electron/shared/contract.ts';
import { Notice } from '../../components/States.tsx';
import { formatCount, plural } from '../../lib/format.ts';
import { sourceLabel } from '../../lib/labels.ts';

type Report = Res<'imports.run'>['reports'][number];

export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

function totals(reports: readonly Report[]): { created: number; updated: number; messages: number; internal: number; rejected: number; skipped: number } {
  return reports.reduce((t, r) => ({ created: t.created + r.threadsCreated, updated: t.updated + r.threadsUpdated, messages: t.messages + r.messagesCreated, internal: t.internal + r.internalNotes, rejected: t.rejected + r.rejected.length, skipped: t.skipped + (r.skipped?.length ?? 0) }), { created: 0, updated: 0, messages: 0, internal: 0, rejected: 0, skipped: 0 });
}

/** The import found no message from staff: every reply would be credited to the customer. */
function noStaffFound(reports: readonly Report[]): boolean {
  return reports.some((r) => (r.warnings ?? []).some((w) => w.startsWith('No message from your staff')));
}

/** Asks for the staff addresses and imports again: the messages already stored are re-classified. */
function AddStaff({ onAdd }: { onAdd: (addresses: string[]) => void }) {
  const [value, setValue] = useState('');
  const addresses = value.split(/[\s,;]+/).map((a) => a.trim()).filter(Boolean);
  return (
    <form className="card add-staff" onSubmit={(e) => { e.preventDefault(); if (addresses.length) onAdd(addresses); }}>
      <h3 className="subheading">No message from your staff was found</h3>
      <p className="small">Every message was credited to the customer, so your replies look like the customer's words. Give the addresses your support team writes from, and the same files are imported again: the messages already imported are corrected, nothing is duplicated.</p>
      <label className="field">
        <span className="field-label">Your staff's e-mail addresses or domains</span>
        <input className="input" value={value} onChange={(e) => setValue(e.target.value)} placeholder="@yourcompany.com, support@yourcompany.com" />
      </label>
      <div className="form-actions form-actions-start">
        <button type="submit" className="btn btn-primary" disabled={addresses.length === 0}>Import again with these addresses</button>
      </div>
    </form>
  );
}

/** What the import did, file by file, and every record it could not take, with where it is. */
export function ImportResult({ reports, onReview, onAgain, onAddStaff }: { reports: Report[]; onReview: () => void; onAgain: () => void; onAddStaff?: (addresses: string[]) => void }) {
  const t = totals(reports);
  const warnings = reports.flatMap((r) => (r.warnings ?? []).filter((w) => !w.startsWith('No message from your staff')));
  return (
    <section className="import-result" aria-labelledby="import-done">
      <Notice tone={t.rejected ? 'warning' : 'success'} title={t.rejected ? 'Imported, with records left out' : 'Import finished'}>
        <p id="import-done">
          {plural(t.created, 'new conversation')}, {plural(t.updated, 'updated conversation')}, {plural(t.messages, 'message')} ({plural(t.internal, 'internal note')}, kept internal).
          {t.rejected ? ` ${plural(t.rejected, 'record')} could not be imported — see below.` : ''}
          {t.skipped ? ` ${plural(t.skipped, 'record')} kept out on purpose (automated mail, deleted tickets) — see below.` : ''}
        </p>
      </Notice>
      {noStaffFound(reports) && onAddStaff ? <AddStaff onAdd={onAddStaff} /> : null}
      {warnings.length ? (
        <Notice tone="warning" title="Worth checking">
          <ul>{warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </Notice>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">Import report by file</caption>
        <thead>
          <tr><th scope="col">File</th><th scope="col">Format</th><th scope="col">New</th><th scope="col">Updated</th><th scope="col">Messages</th><th scope="col">Internal notes</th><th scope="col">Left out</th></tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.file}>
              <td title={r.file}>{fileName(r.file)}</td>
              <td>{sourceLabel(r.format)}</td>
              <td>{formatCount(r.threadsCreated)}</td>
              <td>{formatCount(r.threadsUpdated)}</td>
              <td>{formatCount(r.messagesCreated)}</td>
              <td>{formatCount(r.internalNotes)}</td>
              <td>{formatCount(r.rejected.length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {t.rejected ? (
        <div className="card">
          <h3 className="subheading">Records left out</h3>
          <p className="muted small">Nothing else was changed by these. Fix them in the file and import it again: records already imported are not duplicated.</p>
          <table className="table rejected-table">
            <thead><tr><th scope="col">Where</th><th scope="col">Why</th></tr></thead>
            <tbody>
              {reports.flatMap((r) => r.rejected.map((x, i) => (
                <tr key={`${r.file}-${i}`}>
                  <td className="nowrap"><code>{x.location || fileName(r.file)}</code></td>
                  <td>{x.reason}</td>
                </tr>
              )))}
            </tbody>
          </table>
        </div>
      ) : null}
      {t.skipped ? (
        <div className="card">
          <h3 className="subheading">Kept out on purpose</h3>
          <p className="muted small">Not customer conversations: bounces, auto-replies and bulk mail, tickets deleted at the source.</p>
          <table className="table rejected-table">
            <thead><tr><th scope="col">Where</th><th scope="col">Why</th></tr></thead>
            <tbody>
              {reports.flatMap((r) => (r.skipped ?? []).map((x, i) => (
                <tr key={`${r.file}-skip-${i}`}>
                  <td className="nowrap"><code>{x.location || fileName(r.file)}</code></td>
                  <td>{x.reason}</td>
                </tr>
              )))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="form-actions form-actions-start">
        <button type="button" className="btn btn-primary" onClick={onReview}>Review conversations</button>
        <button type="button" className="btn btn-secondary" onClick={onAgain}>Import more files</button>
      </div>
    </section>
  );
}
