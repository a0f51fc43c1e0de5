import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { shortcutsBlocked } from '../../components/Dialog.tsx';
import { EmptyState, ErrorNotice, Loading } from '../../components/States.tsx';
import { formatCount } from '../../lib/format.ts';
import { DECISION_LABEL } from '../../lib/labels.ts';
import type { Decision, WithholdReason } from '../../lib/labels.ts';
import { ThreadView } from '../thread/ThreadView.tsx';
import { EMPTY_FILTERS, toThreadQuery } from './filters.ts';
import type { InboxFilters } from './filters.ts';
import { FilterBar } from './FilterBar.tsx';
import { ThreadList } from './ThreadList.tsx';
import { useFacets } from './useFacets.ts';
import { useThreadList } from './useThreadList.ts';
import { WithholdDialog } from './WithholdDialog.tsx';
import { useTopics } from './useTopics.ts';
import { DetectorNewsNotice } from './DetectorNewsNotice.tsx';

export type DecideFn = (id: string, decision: Decision, reason?: WithholdReason, note?: string) => Promise<boolean>;

export function Inbox({ threadId }: { threadId?: string }) {
  const client = useClient();
  const app = useApp();
  const [filters, setFilters] = useState<InboxFilters>(EMPTY_FILTERS);
  const [version, setVersion] = useState(0);
  const query = useMemo(() => toThreadQuery(filters), [filters]);
  const list = useThreadList(query, app.dataVersion);
  const topics = useTopics(app.dataVersion);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const facets = useFacets(filters, topics, version + app.dataVersion, filtersOpen);
  // The list position belongs to one query: a new search starts from the top (j opens its first conversation).
  const queryKey = JSON.stringify(query);
  const [selection, setSelection] = useState({ key: queryKey, index: -1 });
  const selectedIndex = selection.key === queryKey ? selection.index : -1;
  const [withholding, setWithholding] = useState<{ id: string; subject: string } | null>(null);
  const [publishedView, setPublishedView] = useState(false);
  const [detailVersion, setDetailVersion] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);

  // The route names the thread; the list position follows it when the row is loaded.
  const routeIndex = threadId ? list.indexOf(threadId) : -1;
  const currentIndex = routeIndex >= 0 ? routeIndex : selectedIndex;
  const current = threadId ?? null;

  const select = useCallback(async (index: number) => {
    if (index < 0 || index >= list.total) return;
    setSelection({ key: queryKey, index });
    const row = await list.ensure(index);
    if (row) app.navigate({ view: 'inbox', threadId: row.id }, { replace: true });
  }, [list, app, queryKey]);

  // Open the first conversation when none is chosen, so the detail pane is never empty for no reason.
  useEffect(() => {
    if (!threadId && list.status === 'ready' && list.total > 0) {
      const first = list.rowAt(0);
      if (first) app.navigate({ view: 'inbox', threadId: first.id }, { replace: true });
    }
  }, [threadId, list, app]);

  const decide = useCallback<DecideFn>(async (id, decision, reason, note) => {
    const r = await client.invoke('curation.decide', { target: { ids: [id] }, decision, ...(reason ? { reason } : {}), ...(note ? { note } : {}) });
    if (!r.ok) {
      app.toast(r.error.message, 'error');
      return false;
    }
    const refused = r.value.refused[0];
    if (refused) {
      app.toast(`Not ${decision === 'publish' ? 'published' : 'changed'}: ${refused.reason}`, 'error');
      return false;
    }
    list.patch(id, (row) => ({ ...row, decision, decisionReason: reason ?? null, decisionNote: note ?? null }));
    setDetailVersion((v) => v + 1);
    setVersion((v) => v + 1);
    app.toast(decision === 'withhold' ? 'Withheld — it will be counted on the moderation report.' : `Marked “${DECISION_LABEL[decision]}”.`);
    return true;
  }, [client, app, list]);

  const selectedRow = currentIndex >= 0 ? list.rowAt(currentIndex) : undefined;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || shortcutsBlocked(e.target)) return;
      switch (e.key) {
        case 'j':
          e.preventDefault();
          void select(currentIndex < 0 ? 0 : currentIndex + 1);
          break;
        case 'k':
          e.preventDefault();
          void select(Math.max(0, currentIndex - 1));
          break;
        case '/':
          e.preventDefault();
          searchRef.current?.focus();
          searchRef.current?.select();
          break;
        case 'p':
          if (current) {
            e.preventDefault();
            void decide(current, 'publish');
          }
          break;
        case 'u':
          if (current) {
            e.preventDefault();
            void decide(current, 'pending');
          }
          break;
        case 'w':
          if (current) {
            e.preventDefault();
            setWithholding({ id: current, subject: selectedRow?.subject ?? 'This conversation' });
          }
          break;
        case 'v':
          e.preventDefault();
          setPublishedView((p) => !p);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select, currentIndex, current, decide, selectedRow]);

  const noThreadsAtAll = facets !== null && facets.all === 0 && !filters.query && list.total === 0;

  return (
    <main className="inbox" id="main" tabIndex={-1}>
      <section className="inbox-list-pane" aria-label="Conversation list">
        <header className="pane-header">
          <h1 className="page-title">Conversations</h1>
          <span className="muted" aria-live="polite">{list.status === 'ready' ? `${formatCount(list.total)} shown` : ''}</span>
        </header>
        <FilterBar filters={filters} onChange={setFilters} facets={facets} searchRef={searchRef} topics={topics} piiFilter open={filtersOpen} onOpen={setFiltersOpen} />
        <DetectorNewsNotice />
        {list.status === 'error' && list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'loading' ? <Loading label="Loading conversations…" /> : null}
        {list.status === 'ready' && list.total === 0 ? (
          noThreadsAtAll ? (
            <EmptyState title="No conversations yet" action={<button type="button" className="btn btn-primary" onClick={() => app.navigate({ view: 'import' })}>Import conversations</button>}>
              <p>Import an export from your help desk, review site or mailbox to start.</p>
            </EmptyState>
          ) : (
            <EmptyState title="Nothing matches" action={<button type="button" className="btn btn-secondary" onClick={() => setFilters(EMPTY_FILTERS)}>Clear search and filters</button>}>
              <p>No conversation matches the search and filters.</p>
            </EmptyState>
          )
        ) : null}
        {list.status === 'ready' && list.total > 0 ? (
          <ThreadList total={list.total} rowAt={list.rowAt} onRange={list.onRange} selectedIndex={currentIndex} onSelect={(i) => void select(i)} label="Conversations" />
        ) : null}
        <p className="pane-foot muted">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>p</kbd> publish · <kbd>w</kbd> withhold · <kbd>/</kbd> search · <kbd>?</kbd> help
        </p>
      </section>
      <section className="inbox-detail-pane" aria-label="Conversation">
        {current ? (
          <ThreadView
            key={current}
            id={current}
            version={detailVersion}
            publishedView={publishedView}
            onPublishedView={setPublishedView}
            onDecide={decide}
            onWithhold={(subject) => setWithholding({ id: current, subject })}
            onChanged={() => {
              setVersion((v) => v + 1);
              list.reload();
            }}
          />
        ) : (
          <EmptyState title="No conversation selected">
            <p>Choose one from the list, or press <kbd>j</kbd>.</p>
          </EmptyState>
        )}
      </section>
      {withholding ? (
        <WithholdDialog
          subject={withholding.subject}
          onCancel={() => setWithholding(null)}
          onConfirm={(reason, note) => {
            const target = withholding.id;
            setWithholding(null);
            void decide(target, 'withhold', reason, note);
          }}
        />
      ) : null}
    </main>
  );
}
