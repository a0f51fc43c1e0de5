import { contract, isChannel } from '../shared/contract.ts';
import type { Channel, ProgressEvent, Result } from '../shared/contract.ts';
import { CandorError, toErrorInfo } from './errors.ts';
import type { CoreContext, Handlers } from './handlers/context.ts';
import { defaultDocumentsDir, noWorkspace } from './handlers/context.ts';
import { appHandlers } from './handlers/app.ts';
import { threadHandlers } from './handlers/threads.ts';
import { curationHandlers } from './handlers/curation.ts';
import { workspaceHandlers } from './handlers/workspace.ts';
import { claimHandlers } from './handlers/claims.ts';
import { siteHandlers } from './handlers/site.ts';
import { correctionHandlers } from './handlers/corrections.ts';
import { publishHandlers } from './handlers/publish.ts';
import { memorySecretStore } from './publish/secrets.ts';
import type { SecretStore } from './publish/secrets.ts';
import { curatingHandlers } from './handlers/curating.ts';
import { openWorkspace } from './workspace.ts';
import type { Workspace } from './workspace.ts';
import { isLongJob, jobRegistry } from './jobs.ts';
import { PUBLISH_GUARDS } from './publish-guards.ts';

// The whole API, implemented once. A channel in the contract without a handler here is a compile error.
export const handlers = {
  ...workspaceHandlers,
  ...threadHandlers,
  ...appHandlers,
  ...curationHandlers,
  ...claimHandlers,
  ...siteHandlers,
  ...correctionHandlers,
  ...publishHandlers,
  ...curatingHandlers,
  // <domain handler maps above this line>
} satisfies Handlers;

export type Core = {
  /**
   * Validates the request against the contract, runs the handler, and never throws: errors come back as values.
   * `signal` cancels a long job (it ends with CANCELLED at its next progress report).
   */
  dispatch: (channel: string, request: unknown, options?: { signal?: AbortSignal }) => Promise<Result<unknown>>;
  onProgress: (listener: (event: ProgressEvent) => void) => () => void;
  currentWorkspace: () => Workspace | null;
  close: () => void;
};

/** A long job run somewhere else (the core host's job worker): the same call, answered as dispatch answers it. */
export type JobRunner = (job: { channel: string; request: unknown; workspace: Workspace; signal: AbortSignal; emit: (event: ProgressEvent) => void }) => Promise<Result<unknown>>;

type CoreOptions = {
  workspaceDir?: string;
  /** A workspace already open (a job worker's own connection to it). */
  workspace?: Workspace;
  secrets?: SecretStore;
  documentsDir?: () => string;
  appState?: CoreContext['appState'];
  /** Where long jobs (imports, builds, lint) run instead of here, so this thread stays free to answer reads. */
  runJob?: JobRunner;
};

export function createCore(options: CoreOptions = {}): Core {
  let ws: Workspace | null = options.workspace ?? (options.workspaceDir ? openWorkspace(options.workspaceDir) : null);
  const listeners = new Set<(e: ProgressEvent) => void>();
  const jobs = jobRegistry();
  const emit = (event: ProgressEvent) => {
    for (const l of listeners) l(event);
  };
  const runJob = options.runJob;
  const ctx: CoreContext = {
    workspace: () => ws ?? noWorkspace(),
    currentWorkspace: () => ws,
    setWorkspace(next) {
      if (ws && ws !== next) ws.close();
      ws = next;
    },
    emitProgress(event) {
      jobs.check();
      emit(event);
    },
    cancelJobs: (job) => jobs.cancel(job),
    // Registered here, where the core is composed: the decision path (curation/decisions.ts) receives them.
    publishGuards: PUBLISH_GUARDS,
    secrets: options.secrets ?? memorySecretStore(),
    documentsDir: options.documentsDir ?? defaultDocumentsDir,
    // Recent workspaces and preferences where no shell keeps them: whoever composes the core owns them (the core
    // host shares one between its sessions); a core made alone gets its own.
    appState: options.appState ?? { recent: [], preferences: { theme: 'system' } },
  };
  return {
    async dispatch(channel, request, options = {}) {
      try {
        if (!isChannel(channel)) throw new CandorError('UNKNOWN_CHANNEL', `Unknown channel "${channel}".`);
        const spec = contract[channel];
        const parsed = spec.req.safeParse(request ?? {});
        if (!parsed.success) {
          throw new CandorError('BAD_REQUEST', `Invalid request for ${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; ')}`);
        }
        if (runJob && isLongJob(channel)) {
          // Validated here too, so a bad request is refused at once; the job's side validates it again.
          const workspace = ctx.workspace();
          return await jobs.run(channel, (signal) => runJob({ channel, request: request ?? {}, workspace, signal, emit }), options.signal);
        }
        const handler = handlers[channel as Channel] as (req: unknown, c: CoreContext) => unknown;
        const value = await jobs.run(channel, async () => handler(parsed.data, ctx), options.signal);
        return { ok: true, value };
      } catch (err) {
        return { ok: false, error: toErrorInfo(err) };
      }
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    currentWorkspace: () => ws,
    close() {
      ws?.close();
      ws = null;
    },
  };
}
