import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Req, Res } from '../../../../electron/shared/contract.ts';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { Field } from '../../components/Field.tsx';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/States.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { apiError, useAction, useCall } from '../../lib/useCall.ts';

type Entry = Res<'audit.search'>['entries'][number];
type Filter = Omit<Req<'audit.search'>, 'beforeSeq' | 'limit'>;

const PAGE = 200;

/** The log, newest first, a page at a time (a large import writes one entry per conversation). */
function useAuditPages(filter: Filter) {
  const client = useClient();
  return useInfiniteQuery({
    queryKey: ['audit.search', filter],
    queryFn: ({ pageParam }) => client.call('audit.search', { ...filter, limit: PAGE, ...(pageParam === null ? {} : { beforeSeq: pageParam }) }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.entries.length === PAGE ? last.entries[last.entries.length - 1]!.seq : undefined),
  });
}

export function AuditView() {
  const [filter, setFilter] = useState<Filter>({});
  const log = useAuditPages(filter);
  const facets = useCall('audit.facets', {});
  const [open, setOpen] = useState<number | null>(null);
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const set = (key: keyof Filter, value: string) => setFilter((f) => {
    const next = { ...f };
    if (value) next[key] = value;
    else delete next[key];
    return next;
  });
  const filtered = Object.keys(filter).length > 0;

  return (
    <main className="page" id="main" tabIndex={-1}>
      <header className="page-header">
        <div>
          <h1 className="page-title">Audit log</h1>
          <p className="muted">Every change in this workspace — decisions, personal data, claims, settings — with who made it and when. Entries are never edited or removed; an undo is a change of its own.</p>
        </div>
      </header>
      <div className="page-body">
        <form className="audit-filters" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
          <Field label="Who">
            <select className="input input-small" value={filter.actor ?? ''} onChange={(e) => set('actor', e.target.value)}>
              <option value="">Everyone</option>
              {facets.data?.actors.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          </Field>
          <Field label="What">
            <select className="input input-small" value={filter.action ?? ''} onChange={(e) => set('action', e.target.value)}>
              <option value="">Every kind of change</option>
              {facets.data?.actions.map((a) => <option key={a.code} value={a.code}>{a.name}</option>)}
            </select>
          </Field>
          <Field label="From">
            <input type="date" className="input input-small" value={filter.from ?? ''} onChange={(e) => set('from', e.target.value)} />
          </Field>
          <Field label="To">
            <input type="date" className="input input-small" value={filter.to ?? ''} onChange={(e) => set('to', e.target.value)} />
          </Field>
          {filtered ? <button type="button" className="btn btn-ghost btn-small" onClick={() => setFilter({})}>Clear filters</button> : null}
        </form>
        <ExportCsv filter={filter} />
        {log.isPending ? <Loading label="Loading the audit log…" /> : null}
        {log.isError ? <ErrorNotice error={apiError(log.error)} onRetry={() => void log.refetch()} /> : null}
        {log.isSuccess && entries.length === 0 ? (
          <EmptyState title={filtered ? 'No change matches these filters' : 'No changes recorded yet'}>
            <p>{filtered ? 'Try another person, kind of change or dates.' : 'Imports, decisions, personal data reviews and claim changes will appear here.'}</p>
          </EmptyState>
        ) : null}
        {entries.length > 0 ? (
          <>
            <table className="table audit-table">
              <caption className="visually-hidden">Changes, newest first</caption>
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
                {entries.map((e) => <AuditRow key={e.seq} entry={e} open={open === e.seq} onToggle={() => setOpen(open === e.seq ? null : e.seq)} />)}
              </tbody>
            </table>
            {log.hasNextPage ? (
              <button type="button" className="btn btn-secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>Show older entries</button>
            ) : <p className="muted small">{formatCount(entries.length)} {entries.length === 1 ? 'entry' : 'entries'}{filtered ? ' match' : ' — the beginning of the log'}.</p>}
          </>
        ) : null}
      </div>
    </main>
  );
}

/** Saves the entries the filters show (all of them, oldest first) as a CSV file for a spreadsheet. */
function ExportCsv({ filter }: { filter: Filter }) {
  const client = useClient();
  const [path, setPath] = useState('Candor audit log.csv');
  const action = useAction();
  const [saved, setSaved] = useState<Res<'audit.export'> | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    void action.run(async () => setSaved(await client.call('audit.export', { ...filter, path: path.trim() })));
  };
  return (
    <details className="audit-export">
      <summary>Export as CSV</summary>
      <form className="form" onSubmit={submit}>
        <Field label="Save as" hint="A file name goes in your Documents folder; a full path goes where it says. The filters above apply.">
          <input className="input" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} />
        </Field>
        {action.error ? <ErrorNotice error={action.error} title="The file was not saved" /> : null}
        {saved ? <Notice tone="success" title="Saved">{formatCount(saved.rows)} entries in <code>{saved.path}</code>.</Notice> : null}
        <div className="form-actions form-actions-start">
          <button type="submit" className="btn btn-secondary" disabled={!path.trim() || action.pending}>Save CSV</button>
        </div>
      </form>
    </details>
  );
}

function AuditRow({ entry, open, onToggle }: { entry: Entry; open: boolean; onToggle: () => void }) {
  const { navigate } = useApp();
  const linkable = entry.entityType === 'thread' || entry.entityType === 'claim';
  const name = entry.subject ?? entry.entityId;
  const go = () => (entry.entityType === 'thread' ? navigate({ view: 'inbox', threadId: entry.entityId }) : navigate({ view: 'claims', claimId: entry.entityId }));
  return (
    <>
      <tr>
        <td className="nowrap">{formatDateTime(entry.at)}</td>
        <td>{entry.actor}</td>
        <td><span className="audit-action">{entry.actionName}</span><span className="audit-summary">{entry.summary !== entry.actionName ? entry.summary : ''}</span></td>
        <td>
          {linkable ? <button type="button" className="link-button" onClick={go}>{name}</button> : <span className="muted">{entry.entityType === 'setting' ? `Setting ${entry.entityId}` : entry.entityType === 'detector' ? 'Personal-data detection' : name}</span>}
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
            <p className="muted small">Recorded as <code>{entry.action}</code> on {entry.entityType} {entry.entityId}.</p>
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
