import { QueryClient, useMutation, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useClient } from '../api.ts';
import type { ApiError, Channel, Req, Res } from '../../../electron/shared/contract.ts';

// Every read from the core goes through TanStack Query: one cache per window, keyed by [channel, request], so two
// screens asking the same question share one answer, a change anywhere can refresh every screen
// (queryClient.invalidateQueries), and a refresh keeps showing the previous answer until the new one arrives.

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The core's errors are answers (a missing file, a bad setting), not network hiccups: asking again would not help.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0, gcTime: 5 * 60_000 },
      mutations: { retry: false },
    },
  });
}

/**
 * After a change in the workspace: answers no screen shows now are dropped, the ones on screen are asked again
 * (and stay visible meanwhile). A screen opened later must not show an answer from before the change, even for a
 * moment: after an import, the inbox said "0 shown" until its refresh came in.
 */
export async function refreshAll(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ type: 'inactive' });
  await queryClient.invalidateQueries();
}

export type Loadable<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; error: ApiError; data?: T }
  | { status: 'ready'; data: T; error?: undefined };

/** The core's error as the views show it, whatever was thrown. */
export function apiError(err: unknown): ApiError {
  const e = err as { code?: string; message?: string; location?: ApiError['location']; details?: ApiError['details'] };
  return { code: e.code ?? 'ERROR', message: e.message ?? String(err), ...(e.location ? { location: e.location } : {}), ...(e.details ? { details: e.details } : {}) };
}

/**
 * Asks a channel and keeps its answer. `request: null` means "not yet" (nothing selected). A new `version` asks
 * again, showing the previous answer meanwhile; so does any invalidation of the channel.
 */
export function useCall<C extends Channel>(channel: C, request: Req<C> | null, version = 0): Loadable<Res<C>> & { reload: () => void; refreshing: boolean; updatedAt: number } {
  const client = useClient();
  const requestKey = JSON.stringify(request);
  const query = useQuery({
    queryKey: [channel, request, version],
    queryFn: () => client.call(channel, request as Req<C>),
    enabled: request !== null,
    // Same question asked again (a new version): keep the last answer on screen; a different question starts blank.
    placeholderData: (previous, previousQuery) => (previousQuery && JSON.stringify(previousQuery.queryKey[1]) === requestKey ? previous : undefined),
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const refreshing = query.isFetching && query.data !== undefined;
  const updatedAt = query.dataUpdatedAt;
  if (query.data !== undefined && !(query.isError && !query.isPlaceholderData)) return { status: 'ready', data: query.data, reload, refreshing, updatedAt };
  if (query.isError) return { status: 'error', error: apiError(query.error), reload, refreshing: false, updatedAt };
  return { status: 'loading', reload, refreshing: false, updatedAt };
}

/** Runs changes (decide, save, import) and remembers whether one is running and how the last one failed. */
export function useAction(): { pending: boolean; error: ApiError | null; run: <T>(fn: () => Promise<T>) => Promise<T | undefined>; clearError: () => void } {
  const mutation = useMutation<unknown, unknown, () => Promise<unknown>>({ mutationFn: (fn) => fn() });
  const { mutateAsync, reset } = mutation;
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return (await mutateAsync(fn)) as T;
    } catch {
      return undefined;
    }
  }, [mutateAsync]);
  return { pending: mutation.isPending, error: mutation.isError ? apiError(mutation.error) : null, run, clearError: reset };
}

