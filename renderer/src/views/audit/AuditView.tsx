import { useCallback, useEffect, useState } from 'react';
import type { ApiError, Res, Result } from '../../../../electron/shared/contract.ts';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { EmptyState, ErrorNotice, Loading } from '../../components/States.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';

type Entry = Res<'audit.list'>['entries'][number];

const ENTITY_LABEL: Record<string, string> = { thread: 'Conversation', claim: 'Claim', setting: 'Setting', settings: 'Setting', workspace: 'Workspace', import: 'Import', site: 'Site', finding: 'Personal data' };

/** "thread.decide" -> "Decide" etc.: the code stays visible, in a readable form. */
export function actionLabel(action: string): string {
  const last = action.split('.').slice(1).join(' ') || action;
  return last.replace(/[-_]/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

export function describeChange(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

const PAGE = 200;
const ENTITY_TYPES = ['thread', 'claim', 'setting', 'import'];

/** The log, newest first, a page at a time (a large import writes one entry per conversation). */
function useAuditPages(entityType: string, version: number) {
  const client = useClient();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; error?: ApiError; more: boolean }>({ status: 'loading', more: false });
  const apply = useCallback((r: Result<{ entries: Entry[] }>, replace: boolean) => {
    if (!r.ok) return setState({ status: 'error', error: r.error, more: false });
    setEntries((old) => (replace ? r.value.entries : [...old, ...r.value.entries]));
    setState({ status: 'ready', more: r.value.entries.length === PAGE });
  }, []);
  const request = useCallback((before?: number) => client.invoke('audit.list', { ...(entityType ? { entityType } : {}), limit: PAGE, newest: true, ...(before !== undefined ? { beforeSeq: before } : {}) }), [client, entityType]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    void request().then((r) => {
      if (live) apply(r, true);
    });
    return () => {
      live = false;
    };
  }, [request, apply, version, tick]);
  const load = (before: number | undefined, replace: boolean) => request(before).then((r) => apply(r, replace));
  return { entries, ...state, more: () => void load(entries[entries.length - 1]?.seq, false), reload: () => setTick((t) => t + 1), hasMore: state.more };
}

export function AuditView() {
  const { navigate, dataVersion } = useApp();
  const [entityType, setEntityType] = useState('');
  const log = useAuditPages(entityType, dataVersion);
  const [open, setOpen] = useState<number | null>(null);
  const entries = log.entries;

  const openEntity = (e: Entry) => {
    if (e.entityType === 'thread') navigate({ view: 'inbox', threadId: e.entityId });
    else if (e.entityType === 'claim') navigate({ view: 'claims', claimId: e.entityId });
  };

  return (
    <main className="page" id="main" tabIndex={-1}>
      <header className="page-header">
        <div>
          <h1 className="page-title">Audit log</h1>
          <p className="muted">Every change in this workspace — decisions, redactions, claims, settings — with who made it and when. Entries are never edited or removed.</p>
        </div>
        <label className="filter">
          <span>Show</span>
          <select className="input input-small" value={entityType} onChange={(e) => setEntityType(e.target.value)}>
            <option value="">All changes</option>
            {ENTITY_TYPES.map((t) => <option key={t} value={t}>{ENTITY_LABEL[t] ?? t}</option>)}
          </select>
        </label>
      </header>
      <div className="page-body">
        {log.status === 'loading' ? <Loading label="Loading the audit log…" /> : null}
        {log.status === 'error' && log.error ? <ErrorNotice error={log.error} onRetry={log.reload} /> : null}
        {log.status === 'ready' && entries.length === 0 ? (
          <EmptyState title="No changes recorded yet">
            <p>Imports, decisions, redactions and claim changes will appear here.</p>
          </EmptyState>
        ) : null}
        {entries.length > 0 ? (
          <>
            <p className="muted small">Newest first.</p>
            <table className="table audit-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">On</th>
                  <th scope="col"><span className="visually-hidden">Details</span></th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <AuditRow key={e.seq} entry={e} open={open === e.seq} onToggle={() => setOpen(open === e.seq ? null : e.seq)} onOpenEntity={() => openEntity(e)} />
                ))}
              </tbody>
            </table>
            {log.hasMore ? (
              <button type="button" className="btn btn-secondary" onClick={log.more}>Show older entries</button>
            ) : <p className="muted small">{formatCount(entries.length)} entries — the beginning of the log.</p>}
          </>
        ) : null}
      </div>
    </main>
  );
}

function AuditRow({ entry, open, onToggle, onOpenEntity }: { entry: Entry; open: boolean; onToggle: () => void; onOpenEntity: () => void }) {
  const linkable = entry.entityType === 'thread' || entry.entityType === 'claim';
  return (
    <>
      <tr>
        <td className="nowrap">{formatDateTime(entry.at)}</td>
        <td>{entry.actor}</td>
        <td><code className="code-chip">{entry.action}</code></td>
        <td>
          {ENTITY_LABEL[entry.entityType] ?? entry.entityType}{' '}
          {linkable ? <button type="button" className="link-button" onClick={onOpenEntity}>{entry.entityId}</button> : <span className="muted">{entry.entityId}</span>}
        </td>
        <td>
          {entry.before !== null || entry.after !== null ? (
            <button type="button" className="btn btn-ghost btn-small" aria-expanded={open} onClick={onToggle}>{open ? 'Hide' : 'Details'}</button>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr className="audit-detail">
          <td colSpan={5}>
            <dl className="audit-change">
              {entry.before !== null ? (<><dt>Before</dt><dd><pre>{JSON.stringify(entry.before, null, 2)}</pre></dd></>) : null}
              {entry.after !== null ? (<><dt>After</dt><dd><pre>{JSON.stringify(entry.after, null, 2)}</pre></dd></>) : null}
            </dl>
          </td>
        </tr>
      ) : null}
    </>
  );
}
