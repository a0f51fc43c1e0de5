import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useClient } from '../../api.ts';
import type { ApiError } from '../../../../electron/shared/contract.ts';
import { apiError } from '../../lib/useCall.ts';
import { SCAN_PHASE } from '../../lib/scan-phase.ts';
import type { ThreadQuery } from './filters.ts';
import type { ThreadSummary } from './ThreadList.tsx';

// The inbox shows a window onto a list that may hold 100k conversations: rows are fetched a page at a time, only
// for the pages the visible range touches. Pages are TanStack Query entries keyed by the query and the page number,
// so a page is never asked for twice at once, scrolling back is instant, and a change anywhere refreshes the pages
// on screen while they stay visible.

const PAGE_SIZE = 100;

export function pagesForRange(start: number, end: number, total: number, pageSize = PAGE_SIZE): number[] {
  if (total <= 0 || end < start) return [];
  const first = Math.max(0, Math.floor(start / pageSize));
  const last = Math.min(Math.floor((total - 1) / pageSize), Math.floor(Math.max(start, end) / pageSize));
  const pages: number[] = [];
  for (let p = first; p <= last; p++) pages.push(p);
  return pages;
}

type Page = { total: number; threads: ThreadSummary[]; stillChecking?: number };
const pageKey = (query: ThreadQuery, page: number) => ['curation.search', query, 'page', page] as const;

export type ThreadListState = {
  status: 'loading' | 'ready' | 'error';
  error: ApiError | null;
  total: number;
  rowAt: (index: number) => ThreadSummary | undefined;
  /** Fetches the row at an index if it is not here yet (keyboard moves past the loaded pages). */
  ensure: (index: number) => Promise<ThreadSummary | undefined>;
  indexOf: (id: string) => number;
  reload: () => void;
  /** Conversations the personal-data check after an import has not reached yet (counted as unreviewed meanwhile). */
  stillChecking: number;
};

/** How often the list asks again while conversations are still being checked (the check may run in another window). */
const CHECKING_POLL_MS = 3000;

/**
 * Fetches the pages the visible rows touch and re-renders its caller when they arrive. Called by the list itself,
 * so scrolling renders the list alone, never the inbox and the open conversation beside it.
 */
export function useVisiblePages(query: ThreadQuery, start: number, end: number, total: number): void {
  const client = useClient();
  const pages = pagesForRange(start, end, total).filter((p) => p > 0);
  useQueries({ queries: pages.map((p) => ({ queryKey: pageKey(query, p), queryFn: () => client.call('curation.search', { ...query, limit: PAGE_SIZE, offset: p * PAGE_SIZE }) })) });
}

/** The query's first page and total, and rows from whatever pages are cached; a new query starts over. */
export function useThreadList(query: ThreadQuery): ThreadListState {
  const client = useClient();
  const queryClient = useQueryClient();
  const fetchPage = useCallback((page: number) => client.call('curation.search', { ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE }), [client, query]);

  // Page 0 always (it carries the total); then whatever the visible range touches.
  const first = useQueries({ queries: [{
    queryKey: pageKey(query, 0),
    queryFn: () => fetchPage(0),
    refetchInterval: (q: { state: { data?: Page } }) => ((q.state.data?.stillChecking ?? 0) > 0 ? CHECKING_POLL_MS : false),
  }] })[0]!;
  const total = first.data?.total ?? 0;
  const stillChecking = first.data?.stillChecking ?? 0;
  useRefreshWhenChecked(stillChecking);
  const rowAt = useCallback((index: number) => {
    const page = Math.floor(index / PAGE_SIZE);
    return queryClient.getQueryData<Page>(pageKey(query, page))?.threads[index % PAGE_SIZE];
  }, [queryClient, query]);

  const ensure = useCallback(async (index: number) => {
    const have = rowAt(index);
    if (have) return have;
    const page = Math.floor(index / PAGE_SIZE);
    const data = await queryClient.fetchQuery({ queryKey: pageKey(query, page), queryFn: () => fetchPage(page) });
    return data.threads[index % PAGE_SIZE];
  }, [rowAt, queryClient, query, fetchPage]);

  const indexOf = useCallback((id: string) => {
    for (const [page, data] of queryClient.getQueriesData<Page>({ queryKey: ['curation.search', query, 'page'] })) {
      const i = data?.threads.findIndex((r) => r.id === id) ?? -1;
      if (i >= 0) return Number(page[3]) * PAGE_SIZE + i;
    }
    return -1;
  }, [queryClient, query]);

  return {
    status: first.isError ? 'error' : first.isPending ? 'loading' : 'ready',
    error: first.isError ? apiError(first.error) : null,
    total,
    rowAt,
    ensure,
    indexOf,
    reload: () => void queryClient.invalidateQueries({ queryKey: ['curation.search', query, 'page'] }),
    stillChecking,
  };
}

/**
 * While the check runs, every answer counted the unchecked conversations as unreviewed: when it ends (its last
 * progress event in this window, or a poll that finds nothing left to check, whoever ran it) every list and count
 * read from curation's search is asked again.
 */
function useRefreshWhenChecked(stillChecking: number): void {
  const client = useClient();
  const queryClient = useQueryClient();
  const was = useRef(stillChecking);
  useEffect(() => {
    if (was.current > 0 && stillChecking === 0) void queryClient.invalidateQueries({ queryKey: ['curation.search'] });
    was.current = stillChecking;
  }, [stillChecking, queryClient]);
  useEffect(() => client.onProgress((e) => {
    if (e.job === 'import' && e.phase === SCAN_PHASE && e.total > 0 && e.done === e.total) void queryClient.invalidateQueries({ queryKey: ['curation.search'] });
  }), [client, queryClient]);
}
