import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ProgressEvent, Result } from '../shared/contract.ts';
import { createCore } from './index.ts';
import type { Core } from './index.ts';
import { memorySecretStore } from './publish/secrets.ts';
import { newAppState } from './handlers/app.ts';
import { jobWorker } from './job-worker-link.ts';
import type { SecretStore, SecretValues } from './publish/secrets.ts';

// The core host: the core run beside the window, not in it. It speaks one small message protocol over a port (a
// worker thread's parentPort, an Electron utility process's parentPort), so the window's process only forwards
// calls and never waits on SQLite, a scan or a build. It keeps one core per session (a desktop window; a browser
// tab of `npm run web`), each with its own open workspace, and checks that a call was made for the workspace its
// session has open now. Long jobs (imports, site builds, claims lint) run on the host's job worker, not on the
// host's own thread, so a read is answered in milliseconds whatever is running.

/** The two ends of a message port, whatever carries it. */
export type HostPort = {
  postMessage: (message: FromHost) => void;
  onMessage: (listener: (message: unknown) => void) => void;
};

/** The workspace a session has open: `id` changes each time a workspace is opened, `dir` names it for people. */
export type WorkspaceTag = { id: string; dir: string };

const ToHost = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('call'), id: z.number().int(), session: z.string().min(1), channel: z.string(), request: z.unknown(), workspace: z.string().optional() }),
  z.object({ kind: z.literal('cancel'), id: z.number().int() }),
  z.object({ kind: z.literal('end'), session: z.string().min(1) }),
  z.object({ kind: z.literal('secret-answer'), id: z.number().int(), ok: z.boolean(), value: z.unknown(), message: z.string().optional() }),
  z.object({ kind: z.literal('shutdown') }),
]);
export type ToHost = z.input<typeof ToHost>;

export type FromHost =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: Result<unknown>; workspace: WorkspaceTag | null }
  | { kind: 'progress'; session: string; event: ProgressEvent }
  | { kind: 'secret'; id: number; op: 'get' | 'set' | 'clear'; targetId: string; values?: SecretValues }
  | { kind: 'closed' };

export const HostOptions = z.object({
  /** Where typed relative paths go (the shell passes the person's documents folder). */
  documentsDir: z.string().optional(),
  /** memory: publish credentials for this run only; parent: asked of the process that started the host (keychain). */
  secrets: z.enum(['memory', 'parent']).default('memory'),
  /** A workspace every new session starts with (npm run web --workspace). */
  startWorkspace: z.string().optional(),
});
export type HostOptions = z.input<typeof HostOptions>;

type Session = { core: Core; tag: WorkspaceTag | null; seen: unknown; calls: Set<number>; ending: boolean };

/** A secret store whose every operation is asked of the host's parent (Electron's safeStorage lives in main). */
function parentSecrets(port: HostPort): { store: SecretStore; answer: (id: number, ok: boolean, value: unknown, message?: string) => void } {
  let next = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const ask = (op: 'get' | 'set' | 'clear', targetId: string, values?: SecretValues) => new Promise<unknown>((resolve, reject) => {
    const id = next++;
    waiting.set(id, { resolve, reject });
    port.postMessage({ kind: 'secret', id, op, targetId, ...(values ? { values } : {}) });
  });
  return {
    store: {
      kind: 'keychain',
      get: async (targetId) => (await ask('get', targetId)) as SecretValues,
      set: async (targetId, values) => void (await ask('set', targetId, values)),
      clear: async (targetId) => void (await ask('clear', targetId)),
    },
    answer(id, ok, value, message) {
      const w = waiting.get(id);
      waiting.delete(id);
      if (ok) w?.resolve(value);
      else w?.reject(new Error(message ?? 'The keychain did not answer.'));
    },
  };
}

function refused(code: string, message: string): Result<unknown> {
  return { ok: false, error: { code, message } };
}

/** A new Workspace object means the session opened (or closed) a workspace: the tag changes with it. */
function tagOf(s: Session): WorkspaceTag | null {
  const ws = s.core.currentWorkspace();
  if (ws !== s.seen) {
    s.seen = ws;
    s.tag = ws ? { id: randomBytes(9).toString('base64url'), dir: ws.dir } : null;
  }
  return s.tag;
}

/** Serves the core over `port` until told to shut down. Returns a function that closes every session. */
export function runCoreHost(port: HostPort, options: HostOptions = {}): () => void {
  const opts = HostOptions.parse(options);
  const sessions = new Map<string, Session>();
  const calls = new Map<number, { controller: AbortController; session: Session }>();
  const secrets = opts.secrets === 'parent' ? parentSecrets(port) : null;
  const sharedSecrets = secrets?.store ?? memorySecretStore();
  const documentsDir = opts.documentsDir;
  // Recent workspaces and preferences (where the shell does not keep them) are the person's, not one tab's.
  const appState = newAppState();
  const jobs = jobWorker(documentsDir ? { documentsDir } : {});

  const session = async (name: string): Promise<Session> => {
    let s = sessions.get(name);
    if (s) return s;
    const core = createCore({ secrets: sharedSecrets, appState, runJob: jobs.run, ...(documentsDir ? { documentsDir: () => documentsDir } : {}) });
    s = { core, tag: null, seen: null, calls: new Set(), ending: false };
    sessions.set(name, s);
    core.onProgress((event) => port.postMessage({ kind: 'progress', session: name, event }));
    if (opts.startWorkspace) await core.dispatch('workspace.open', { dir: opts.startWorkspace });
    return s;
  };

  const call = async (m: Extract<z.output<typeof ToHost>, { kind: 'call' }>) => {
    const s = await session(m.session);
    const before = tagOf(s);
    if (m.workspace !== undefined && m.workspace !== (before?.id ?? '')) {
      const what = before ? `${before.dir} is open in this window now` : 'no workspace is open in this window now';
      port.postMessage({ kind: 'result', id: m.id, workspace: before, result: refused('WORKSPACE_CHANGED', `This was asked of a workspace that is no longer open (${what}). Nothing was changed; reload to see the workspace that is open.`) });
      return;
    }
    const controller = new AbortController();
    calls.set(m.id, { controller, session: s });
    s.calls.add(m.id);
    try {
      const result = await s.core.dispatch(m.channel, m.request, { signal: controller.signal });
      port.postMessage({ kind: 'result', id: m.id, result, workspace: s.ending ? null : tagOf(s) });
    } finally {
      calls.delete(m.id);
      s.calls.delete(m.id);
      if (s.ending && s.calls.size === 0) s.core.close();
    }
  };

  // A session that ends (its tab closed) cancels its jobs; its workspace is closed once they have unwound.
  const end = (name: string) => {
    const s = sessions.get(name);
    if (!s) return;
    sessions.delete(name);
    s.ending = true;
    for (const id of s.calls) calls.get(id)?.controller.abort();
    if (s.calls.size === 0) s.core.close();
  };

  const closeAll = () => {
    for (const c of calls.values()) c.controller.abort();
    for (const s of sessions.values()) s.core.close();
    sessions.clear();
    void jobs.end();
  };

  port.onMessage((raw) => {
    const parsed = ToHost.safeParse(raw);
    if (!parsed.success) return;
    const m = parsed.data;
    if (m.kind === 'call') {
      call(m).catch((err: unknown) => port.postMessage({ kind: 'result', id: m.id, workspace: null, result: refused('INTERNAL', (err as Error).message) }));
    } else if (m.kind === 'cancel') {
      calls.get(m.id)?.controller.abort();
    } else if (m.kind === 'end') {
      end(m.session);
    } else if (m.kind === 'secret-answer') {
      secrets?.answer(m.id, m.ok, m.value, m.message);
    } else {
      closeAll();
      port.postMessage({ kind: 'closed' });
    }
  });
  port.postMessage({ kind: 'ready' });
  return closeAll;
}
