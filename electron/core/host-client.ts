import { Worker } from 'node:worker_threads';
import type { ProgressEvent, Result } from '../shared/contract.ts';
import type { FromHost, HostOptions, ToHost, WorkspaceTag } from './host.ts';
import type { SecretStore } from './publish/secrets.ts';

// The window's side of the core host (host.ts): the Electron main process and `npm run web` call the core through
// this, never directly. It numbers calls, matches answers, passes progress on, answers the host's questions for the
// keychain, and turns a host that died into an error on every call still waiting.

/** The parent's end of the host's port: a Worker, an Electron UtilityProcess. */
export type ClientPort = {
  postMessage: (message: ToHost) => void;
  onMessage: (listener: (message: unknown) => void) => void;
};

export type Answer = { result: Result<unknown>; workspace: WorkspaceTag | null };
export type CallOptions = { workspace?: string; signal?: AbortSignal };

export type HostClient = {
  /** Resolves once the host has started. */
  ready: Promise<void>;
  call: (session: string, channel: string, request: unknown, options?: CallOptions) => Promise<Answer>;
  /** The contract's dispatch for one session. */
  dispatchFor: (session: string) => (channel: string, request: unknown) => Promise<Result<unknown>>;
  onProgress: (listener: (session: string, event: ProgressEvent) => void) => () => void;
  /** The session is over (a tab closed): its jobs are cancelled and its workspace closed. */
  endSession: (session: string) => void;
  /** Every call still waiting fails with this message (the host process is gone). */
  fail: (message: string) => void;
  /** Closes every session's workspace (WAL checkpointed) and resolves when the host says it is done. */
  shutdown: () => Promise<void>;
};

function isMessage(m: unknown): m is FromHost {
  return typeof m === 'object' && m !== null && typeof (m as { kind?: unknown }).kind === 'string';
}

export function hostClient(port: ClientPort, options: { secrets?: SecretStore } = {}): HostClient {
  let next = 1;
  let gone: string | null = null;
  const waiting = new Map<number, (a: Answer) => void>();
  const listeners = new Set<(session: string, event: ProgressEvent) => void>();
  let markReady: () => void = () => undefined;
  let markClosed: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });

  const answerSecret = async (m: Extract<FromHost, { kind: 'secret' }>) => {
    try {
      const store = options.secrets;
      if (!store) throw new Error('No keychain here.');
      const value = m.op === 'get' ? await store.get(m.targetId) : m.op === 'set' ? await store.set(m.targetId, m.values ?? {}) : await store.clear(m.targetId);
      port.postMessage({ kind: 'secret-answer', id: m.id, ok: true, value: value ?? null });
    } catch (err) {
      port.postMessage({ kind: 'secret-answer', id: m.id, ok: false, value: null, message: (err as Error).message });
    }
  };

  port.onMessage((m) => {
    if (!isMessage(m)) return;
    if (m.kind === 'ready') markReady();
    else if (m.kind === 'closed') markClosed();
    else if (m.kind === 'progress') for (const l of listeners) l(m.session, m.event);
    else if (m.kind === 'secret') void answerSecret(m);
    else if (m.kind === 'result') {
      const done = waiting.get(m.id);
      waiting.delete(m.id);
      done?.({ result: m.result, workspace: m.workspace });
    }
  });

  const call: HostClient['call'] = (session, channel, request, opts = {}) => {
    if (gone) return Promise.resolve({ result: { ok: false, error: { code: 'CORE_GONE', message: gone } }, workspace: null });
    const id = next++;
    const answer = new Promise<Answer>((resolve) => waiting.set(id, resolve));
    port.postMessage({ kind: 'call', id, session, channel, request: request ?? {}, ...(opts.workspace !== undefined ? { workspace: opts.workspace } : {}) });
    opts.signal?.addEventListener('abort', () => port.postMessage({ kind: 'cancel', id }), { once: true });
    return answer;
  };

  return {
    ready,
    call,
    dispatchFor: (session) => async (channel, request) => (await call(session, channel, request)).result,
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    endSession: (session) => port.postMessage({ kind: 'end', session }),
    fail(message) {
      gone = message;
      markReady();
      markClosed();
      for (const [id, done] of waiting) {
        waiting.delete(id);
        done({ result: { ok: false, error: { code: 'CORE_GONE', message } }, workspace: null });
      }
    },
    async shutdown() {
      if (!gone) port.postMessage({ kind: 'shutdown' });
      await closed;
    },
  };
}

/** The core host on a worker thread of this process (npm run web, tests). */
export function startCoreWorker(options: HostOptions = {}): HostClient & { worker: Worker } {
  const worker = new Worker(new URL('./host-worker.ts', import.meta.url), { workerData: options });
  const client = hostClient({ postMessage: (m) => worker.postMessage(m), onMessage: (l) => worker.on('message', l) });
  worker.on('error', (err) => client.fail(`Candor's core stopped: ${err.message}`));
  worker.on('exit', (code) => client.fail(`Candor's core stopped (exit code ${code}).`));
  return {
    ...client,
    worker,
    async shutdown() {
      await client.shutdown();
      await worker.terminate();
    },
  };
}
