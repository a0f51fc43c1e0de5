import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { shortcutsBlocked } from '../../components/Dialog.tsx';
import { EmptyState, ErrorNotice, Loading } from '../../components/States.tsx';
import { formatCount, plural } from '../../lib/format.ts';
import type { Decision, WithholdReason } from '../../lib/labels.ts';
import { ThreadView } from '../thread/ThreadView.tsx';
import { BulkBar, TagDialog } from './BulkBar.tsx';
import { activeFilterCount, EMPTY_FILTERS, toThreadQuery } from './filters.ts';
import type { InboxFilters } from './filters.ts';
import { FilterBar } from './FilterBar.tsx';
import { extend, isPicked, NO_SELECTION, selectAll, selectionSize, targetOf, toggle } from './selection.ts';
import type { Selection, Target } from './selection.ts';
import { ThreadList } from './ThreadList.tsx';
import type { Pick } from './ThreadList.tsx';
import { useFacets } from './useFacets.ts';
import { useThreadList } from './useThreadList.ts';
import { WithholdDialog } from './WithholdDialog.tsx';
import { useTopics } from './useTopics.ts';
import { DetectorNewsNotice } from './DetectorNewsNotice.tsx';

export type DecideFn = (id: string, decision: Decision, reason?: WithholdReason, note?: string) => Promise<boolean>;

export function Inbox({ threadId, preset }: { threadId?: string; preset?: 'pending' | 'unreviewed' }) {
  const client = useClient();
  const app = useApp();
  const [filters, setFilters] = useState<InboxFilters>(EMPTY_FILTERS);
  // A link from elsewhere (the export check) asks for "waiting for a decision" or "personal data to review".
  const [appliedPreset, setAppliedPreset] = useState<string | undefined>(undefined);
  if (preset && preset !== appliedPreset) {
    setAppliedPreset(preset);
    setFilters(preset === 'pending' ? { ...EMPTY_FILTERS, decision: 'pending' } : { ...EMPTY_FILTERS, unreviewedPii: true });
  }
  const query = useMemo(() => toThreadQuery(filters), [filters]);
  const list = useThreadList(query);
  const topics = useTopics();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const facets = useFacets(filters, topics, filtersOpen);
  // The list position and the chosen rows belong to one query: a new search starts from the top, nothing chosen.
  const queryKey = JSON.stringify(query);
  const [position, setPosition] = useState({ key: queryKey, index: -1 });
  const [picked, setPicked] = useState<{ key: string; sel: Selection }>({ key: queryKey, sel: NO_SELECTION });
  const selection = picked.key === queryKey ? picked.sel : NO_SELECTION;
  const setSelection = useCallback((sel: Selection) => setPicked({ key: queryKey, sel }), [queryKey]);
  const [dialog, setDialog] = useState<{ kind: 'withhold' | 'tag'; target: Target; what: string; advance: string | null } | null>(null);
  const [publishedView, setPublishedView] = useState(false);
  const [busy, setBusy] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  // The route names the open conversation; the list position follows it when the row is loaded.
  const routeIndex = threadId ? list.indexOf(threadId) : -1;
  const currentIndex = routeIndex >= 0 ? routeIndex : (position.key === queryKey ? position.index : -1);
  const current = threadId ?? null;
  const count = selectionSize(selection, list.total);

  const select = useCallback(async (index: number) => {
    if (index < 0 || index >= list.total) return;
    setPosition({ key: queryKey, index });
    const row = await list.ensure(index);
    if (row) app.navigate({ view: 'inbox', threadId: row.id }, { replace: true });
  }, [list, app, queryKey]);

  const pick = useCallback((index: number, how: Pick) => {
    const id = list.rowAt(index)?.id;
    if (!id) return;
    setSelection(how.shift ? extend(selection, index, (i) => list.rowAt(i)?.id) : toggle(selection, id, index));
  }, [list, selection, setSelection]);

  /** Shift+j / Shift+k: the open conversation and the next (or previous) one join the selection, and it moves on. */
  const grow = useCallback((to: number) => {
    if (currentIndex < 0 || to < 0 || to >= list.total) return;
    const from = selection.anchor ?? currentIndex;
    setSelection(extend({ ...selection, anchor: from }, to, (i) => list.rowAt(i)?.id));
    void select(to);
  }, [currentIndex, list, selection, setSelection, select]);

  // Open the first conversation when none is chosen, so the detail pane is never empty for no reason.
  useEffect(() => {
    if (!threadId && list.status === 'ready' && list.total > 0) {
      const first = list.rowAt(0);
      if (first) app.navigate({ view: 'inbox', threadId: first.id }, { replace: true });
    }
  }, [threadId, list, app]);

  /** What an action applies to: the chosen conversations, else the open one (then the next one opens after it). */
  const subject = useCallback(() => {
    if (count > 0) return { target: targetOf(selection, query), what: selection.all ? `All ${plural(list.total, 'matching conversation')}` : plural(count, 'selected conversation'), advance: null };
    if (!current) return null;
    const row = currentIndex >= 0 ? list.rowAt(currentIndex) : undefined;
    return { target: { ids: [current] }, what: `“${row?.subject?.trim() || 'This conversation'}”`, advance: list.rowAt(currentIndex + 1)?.id ?? null };
  }, [count, selection, query, list, current, currentIndex]);

  const run = useCallback(async (fn: () => Promise<object>, advance: string | null): Promise<boolean> => {
    setBusy(true);
    try {
      const r = await fn();
      const refused = 'refused' in r ? (r.refused as { id: string; reason: string }[]) : [];
      if (count > 0) setSelection(NO_SELECTION);
      // Move on at once, before the screens refresh: a click made meanwhile must not be overridden afterwards.
      if (!refused.length && advance) app.navigate({ view: 'inbox', threadId: advance }, { replace: true });
      await app.afterChange();
      if (refused.length) app.toast(`${plural(refused.length, 'conversation was', 'conversations were')} not published: ${refused[0]!.reason}`, 'error');
      return refused.length === 0;
    } catch (err) {
      app.toast((err as Error).message, 'error');
      return false;
    } finally {
      setBusy(false);
    }
  }, [app, count, setSelection]);

  const decideTarget = useCallback((target: Target, advance: string | null, decision: Decision, reason?: WithholdReason, note?: string) =>
    run(() => client.call('curation.decide', { target, decision, ...(reason ? { reason } : {}), ...(note ? { note } : {}) }), decision === 'pending' ? null : advance), [client, run]);

  const decide = useCallback<DecideFn>(async (id, decision, reason, note) => {
    const next = id === current ? list.rowAt(currentIndex + 1)?.id ?? null : null;
    return decideTarget({ ids: [id] }, next, decision, reason, note);
  }, [decideTarget, current, currentIndex, list]);

  const act = useCallback((what: 'publish' | 'pending' | 'withhold' | 'tag' | 'review') => {
    const s = subject();
    if (!s) return;
    if (what === 'withhold' || what === 'tag') return setDialog({ kind: what, ...s });
    if (what === 'review') return void run(() => client.call('curation.review', { target: s.target, mode: 'as-shown' }), null);
    void decideTarget(s.target, s.advance, what);
  }, [subject, run, client, decideTarget]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || shortcutsBlocked(e.target)) return;
      const keys: Record<string, () => void> = {
        j: () => void select(currentIndex < 0 ? 0 : currentIndex + 1),
        k: () => void select(Math.max(0, currentIndex - 1)),
        J: () => grow(currentIndex + 1),
        K: () => grow(currentIndex - 1),
        x: () => { if (currentIndex >= 0) pick(currentIndex, { shift: false, toggle: true }); },
        '*': () => setSelection(selectAll()),
        Escape: () => setSelection(NO_SELECTION),
        '/': () => { searchRef.current?.focus(); searchRef.current?.select(); },
        p: () => act('publish'),
        u: () => act('pending'),
        w: () => act('withhold'),
        t: () => act('tag'),
        r: () => act('review'),
        v: () => setPublishedView((p) => !p),
      };
      const handler = keys[e.key];
      if (!handler || (e.key === 'Escape' && count === 0)) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select, pick, grow, act, currentIndex, count, setSelection]);

  // "No conversations yet" only when nothing narrows the list: a filter that empties it says "Nothing matches".
  const noThreadsAtAll = facets !== null && facets.all === 0 && !filters.query && activeFilterCount(filters) === 0 && list.total === 0;

  return (
    <main className="inbox" id="main" tabIndex={-1}>
      <section className="inbox-list-pane" aria-label="Conversation list">
        <header className="pane-header">
          <h1 className="page-title">Conversations</h1>
          <span className="muted" aria-live="polite">{list.status === 'ready' ? `${formatCount(list.total)} shown` : ''}</span>
        </header>
        <FilterBar filters={filters} onChange={setFilters} facets={facets} searchRef={searchRef} topics={topics} piiFilter open={filtersOpen} onOpen={setFiltersOpen} />
        <DetectorNewsNotice />
        {list.stillChecking > 0 ? (
          <p className="notice notice-info still-checking" role="status">
            Still checking {formatCount(list.stillChecking)} {list.stillChecking === 1 ? 'conversation' : 'conversations'} for personal data — the list updates when it is done.
          </p>
        ) : null}
        {count > 0 ? (
          <BulkBar
            count={count} total={list.total} all={selection.all} busy={busy}
            onSelectAll={() => setSelection(selectAll())} onClear={() => setSelection(NO_SELECTION)}
            onPublish={() => act('publish')} onWithhold={() => act('withhold')} onTag={() => act('tag')} onReview={() => act('review')}
          />
        ) : null}
        {list.status === 'error' && list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'loading' ? <Loading label="Loading conversations…" /> : null}
        {list.status === 'ready' && list.total === 0 ? (
          noThreadsAtAll ? (
            <EmptyState title="No conversations yet" action={<button type="button" className="btn btn-primary" onClick={() => app.navigate({ view: 'import' })}>Import conversations</button>}>
              <p>Import an export from your help desk, review site or mailbox to start.</p>
            </EmptyState>
          ) : (
            <EmptyState title="Nothing matches" action={<button type="button" className="btn btn-secondary" onClick={() => setFilters(EMPTY_FILTERS)}>Clear search and filters</button>}>
              <p>No conversation matches the search and filters.{filters.unreviewedPii ? ' All personal data in them has been reviewed.' : ''}</p>
            </EmptyState>
          )
        ) : null}
        {list.status === 'ready' && list.total > 0 ? (
          <ThreadList
            query={query} total={list.total} rowAt={list.rowAt} selectedIndex={currentIndex} onSelect={(i) => void select(i)}
            onPick={pick} isChecked={(i) => isPicked(selection, list.rowAt(i)?.id)} label="Conversations"
          />
        ) : null}
        <p className="pane-foot muted">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>x</kbd> select · <kbd>p</kbd> publish · <kbd>w</kbd> withhold · <kbd>r</kbd> reviewed · <kbd>z</kbd> undo · <kbd>?</kbd> help
        </p>
      </section>
      <section className="inbox-detail-pane" aria-label="Conversation">
        {current ? (
          <ThreadView
            key={current}
            id={current}
            publishedView={publishedView}
            onPublishedView={setPublishedView}
            onDecide={decide}
            onWithhold={(what) => setDialog({ kind: 'withhold', target: { ids: [current] }, what: `“${what}”`, advance: list.rowAt(currentIndex + 1)?.id ?? null })}
          />
        ) : (
          <EmptyState title="No conversation selected">
            <p>Choose one from the list, or press <kbd>j</kbd>.</p>
          </EmptyState>
        )}
      </section>
      {dialog?.kind === 'withhold' ? (
        <WithholdDialog
          subject={dialog.what}
          onCancel={() => setDialog(null)}
          onConfirm={(reason, note) => {
            setDialog(null);
            void decideTarget(dialog.target, dialog.advance, 'withhold', reason, note);
          }}
        />
      ) : null}
      {dialog?.kind === 'tag' ? (
        <TagDialog
          what={dialog.what}
          onCancel={() => setDialog(null)}
          onConfirm={(tag, remove) => {
            setDialog(null);
            void run(() => client.call('curation.bulkTags', { target: dialog.target, ...(remove ? { remove: [tag] } : { add: [tag] }) }), null);
          }}
        />
      ) : null}
    </main>
  );
}
