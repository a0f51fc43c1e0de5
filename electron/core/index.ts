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
  /** Validates the request against the contract, runs the handler, and never throws: errors come back as values. */
  dispatch: (channel: string, request: unknown) => Promise<Result<unknown>>;
  onProgress: (listener: (event: ProgressEvent) => void) => () => void;
  currentWorkspace: () => Workspace | null;
  close: () => void;
};

export function createCore(options: { workspaceDir?: string; secrets?: SecretStore; documentsDir?: () => string } = {}): Core {
  let ws: Workspace | null = options.workspaceDir ? openWorkspace(options.workspaceDir) : null;
  const listeners = new Set<(e: ProgressEvent) => void>();
  const ctx: CoreContext = {
    workspace: () => ws ?? noWorkspace(),
    currentWorkspace: () => ws,
    setWorkspace(next) {
      if (ws && ws !== next) ws.close();
      ws = next;
    },
    emitProgress(event) {
      for (const l of listeners) l(event);
    },
    secrets: options.secrets ?? memorySecretStore(),
    documentsDir: options.documentsDir ?? defaultDocumentsDir,
  };
  return {
    async dispatch(channel, request) {
      try {
        if (!isChannel(channel)) throw new CandorError('UNKNOWN_CHANNEL', `Unknown channel "${channel}".`);
        const spec = contract[channel];
        const parsed = spec.req.safeParse(request ?? {});
        if (!parsed.success) {
          throw new CandorError('BAD_REQUEST', `Invalid request for ${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; ')}`);
        }
        const handler = handlers[channel as Channel] as (req: unknown, c: CoreContext) => unknown;
        const value = await handler(parsed.data, ctx);
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
