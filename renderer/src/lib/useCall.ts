import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from '../api.ts';
import type { ApiError, Channel, Req, Res } from '../../../electron/shared/contract.ts';

export type Loadable<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; error: ApiError; data?: T }
  | { status: 'ready'; data: T; error?: undefined };

/**
 * Calls a channel and keeps its answer. A reload keeps showing the previous answer until the new one arrives, so
 * lists do not flash. `request: null` means "not yet" (e.g. nothing selected); a new `version` asks again.
 */
export function useCall<C extends Channel>(channel: C, request: Req<C> | null, version = 0): Loadable<Res<C>> & { reload: () => void; refreshing: boolean } {
  const client = useClient();
  const key = request === null ? null : JSON.stringify(request);
  const [state, setState] = useState<Loadable<Res<C>>>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [tick, setTick] = useState(0);
  const lastKey = useRef<string | null>(null);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    const sameRequest = lastKey.current === key;
    lastKey.current = key;
    if (sameRequest) setRefreshing(true);
    else setState({ status: 'loading' });
    client.invoke(channel, JSON.parse(key) as Req<C>).then((result) => {
      if (!live) return;
      setRefreshing(false);
      setState(result.ok ? { status: 'ready', data: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [client, channel, key, tick, version]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload, refreshing };
}

/** Runs changes (decide, save, import) and remembers whether one is running and how the last one failed. */
export function useAction(): { pending: boolean; error: ApiError | null; run: <T>(fn: () => Promise<T>) => Promise<T | undefined>; clearError: () => void } {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setPending(true);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      const e = err as { code?: string; message?: string; location?: ApiError['location'] };
      setError({ code: e.code ?? 'ERROR', message: e.message ?? String(err), ...(e.location ? { location: e.location } : {}) });
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, error, run, clearError: useCallback(() => setError(null), []) };
}
