import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from '../../api.ts';
import type { ApiError } from '../../../../electron/shared/contract.ts';
import { PageCache } from './page-cache.ts';
import type { ThreadQuery } from './filters.ts';
import type { ThreadSummary } from './ThreadList.tsx';

export type ThreadListState = {
  status: 'loading' | 'ready' | 'error';
  error: ApiError | null;
  total: number;
  rowAt: (index: number) => ThreadSummary | undefined;
  onRange: (start: number, end: number) => void;
  /** Fetches the row at an index if it is not here yet (keyboard moves past the loaded pages). */
  ensure: (index: number) => Promise<ThreadSummary | undefined>;
  patch: (id: string, change: (row: ThreadSummary) => ThreadSummary) => void;
  indexOf: (id: string) => number;
  reload: () => void;
};

/** The query's rows, fetched page by page as the list scrolls; a new query starts over. */
export function useThreadList(query: ThreadQuery, version: number): ThreadListState {
  const client = useClient();
  const key = JSON.stringify(query);
  const cache = useRef(new PageCache<ThreadSummary>());
  const generation = useRef(0);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<ThreadListState['status']>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const [, setTick] = useState(0);
  const [reloadTick, setReloadTick] = useState(0);

  const fetchPage = useCallback(async (page: number, gen: number) => {
    const size = cache.current.pageSize;
    const r = await client.invoke('curation.search', { ...(JSON.parse(key) as ThreadQuery), limit: size, offset: page * size });
    if (gen !== generation.current) return;
    if (!r.ok) {
      cache.current.failed(page);
      setError(r.error);
      setStatus('error');
      return;
    }
    cache.current.put(page, r.value.threads);
    setTotal(r.value.total);
    setStatus('ready');
    setTick((t) => t + 1);
  }, [client, key]);

  // A new query starts from the first page.
  useEffect(() => {
    const gen = ++generation.current;
    cache.current.clear();
    cache.current.claimMissing(0, 0, 1);
    void fetchPage(0, gen);
  }, [fetchPage]);

  // Data changed (a decision, an import): the pages already shown are fetched again, and stay on screen meanwhile.
  const firstRefresh = useRef(true);
  const fetchRef = useRef(fetchPage);
  useEffect(() => {
    fetchRef.current = fetchPage;
  }, [fetchPage]);
  useEffect(() => {
    if (firstRefresh.current) {
      firstRefresh.current = false;
      return;
    }
    const gen = ++generation.current;
    const pages = cache.current.loadedPages();
    for (const page of pages.length ? pages : [0]) void fetchRef.current(page, gen);
  }, [version, reloadTick]);

  const onRange = useCallback((start: number, end: number) => {
    const gen = generation.current;
    for (const page of cache.current.claimMissing(start, end, total)) void fetchPage(page, gen);
  }, [fetchPage, total]);

  const ensure = useCallback(async (index: number) => {
    const have = cache.current.get(index);
    if (have) return have;
    const gen = generation.current;
    const pages = cache.current.claimMissing(index, index, total);
    await Promise.all(pages.map((p) => fetchPage(p, gen)));
    return cache.current.get(index);
  }, [fetchPage, total]);

  return {
    status,
    error,
    total,
    rowAt: (i) => cache.current.get(i),
    onRange,
    ensure,
    patch: (id, change) => {
      if (cache.current.update((r) => r.id === id, change)) setTick((t) => t + 1);
    },
    indexOf: (id) => cache.current.indexOf((r) => r.id === id),
    reload: () => setReloadTick((t) => t + 1),
  };
}
