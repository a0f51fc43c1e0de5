import type { Channel, ProgressEvent, Req, Res, Result, Transport, ApiError } from './contract.ts';

export class CandorApiError extends Error {
  readonly code: string;
  readonly location: ApiError['location'];
  readonly details: ApiError['details'];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'CandorApiError';
    this.code = error.code;
    this.location = error.location;
    this.details = error.details;
  }
}

export type Client = {
  /** Calls a channel and returns its value, or throws CandorApiError with the core's code and message. */
  call: <C extends Channel>(channel: C, request: Req<C>) => Promise<Res<C>>;
  /** The same, returning the Result without throwing. */
  invoke: <C extends Channel>(channel: C, request: Req<C>) => Promise<Result<Res<C>>>;
  onProgress: (listener: (event: ProgressEvent) => void) => () => void;
};

export function createClient(transport: Transport): Client {
  const invoke = async <C extends Channel>(channel: C, request: Req<C>) => (await transport.invoke(channel, request)) as Result<Res<C>>;
  return {
    invoke,
    async call(channel, request) {
      const result = await invoke(channel, request);
      if (!result.ok) throw new CandorApiError(result.error);
      return result.value;
    },
    onProgress: transport.onProgress,
  };
}

/**
 * The loopback HTTP transport (npm run web, e2e tests): POST /api/<channel>, progress as server-sent events. `token`
 * is the tab's session id; the browser's sign-in cookie goes along by itself (same origin). Every call names the
 * workspace the tab had open when it was made (the server says which on each answer), so a call that arrives after
 * the tab opened another workspace is refused instead of changing the wrong one. `headers` are for callers outside a
 * browser (tests), which carry the cookie themselves.
 */
export function httpTransport(baseUrl: string, token: string, options: { headers?: Record<string, string> } = {}): Transport {
  let workspace: string | null = null;
  return {
    async invoke(channel, request) {
      try {
        const res = await fetch(`${baseUrl}/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { ...options.headers, 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(workspace !== null ? { 'x-candor-workspace': workspace } : {}) },
          body: JSON.stringify(request ?? {}),
        });
        const now = res.headers.get('x-candor-workspace');
        if (now !== null) workspace = now;
        return (await res.json()) as Result<unknown>;
      } catch (err) {
        return { ok: false, error: { code: 'TRANSPORT', message: `Could not reach Candor's core: ${(err as Error).message}` } };
      }
    },
    onProgress(listener) {
      const source = new EventSource(`${baseUrl}/api/progress?token=${encodeURIComponent(token)}`);
      const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data) as ProgressEvent);
      source.addEventListener('message', handler);
      return () => source.close();
    },
  };
}
