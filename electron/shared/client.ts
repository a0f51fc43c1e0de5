import type { Channel, ProgressEvent, Req, Res, Result, Transport, ApiError } from './contract.ts';

export class CandorApiError extends Error {
  readonly code: string;
  readonly location: ApiError['location'];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'CandorApiError';
    this.code = error.code;
    this.location = error.location;
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

/** The loopback HTTP transport (browser harness, e2e tests): POST /api/<channel>, progress as server-sent events. */
export function httpTransport(baseUrl: string, token: string): Transport {
  return {
    async invoke(channel, request) {
      try {
        const res = await fetch(`${baseUrl}/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(request ?? {}),
        });
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
