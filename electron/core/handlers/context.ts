import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { z } from 'zod';
import type { Channel, Contract, ProgressEvent, Res } from '../../shared/contract.ts';
import { CandorError } from '../errors.ts';
import type { Workspace } from '../workspace.ts';
import type { SecretStore } from '../publish/secrets.ts';
import type { PublishGuard } from '../store/threads.ts';

/** What every handler may use: the open workspace and the progress channel to the window. */
export type CoreContext = {
  workspace: () => Workspace;
  currentWorkspace: () => Workspace | null;
  setWorkspace: (ws: Workspace | null) => void;
  emitProgress: (event: ProgressEvent) => void;
  /** The checks that may refuse publishing, given by whoever composes the core (createCore); decisions receive them. */
  publishGuards: readonly PublishGuard[];
  /** Where publish targets' secrets are kept (the shell's keychain store in the app); memory when not given. */
  secrets?: SecretStore;
  /** Where a relative path typed in the app goes: the person's documents folder (never the app's own folder). */
  documentsDir?: () => string;
  /** Cancels running long jobs of this core (all, or one kind); how many were asked to stop. */
  cancelJobs?: (job?: string) => number;
  /** The browser harness's recent workspaces and preferences, when shared between sessions (the core host). */
  appState: { recent: { dir: string; name: string; openedAt: string }[]; preferences: { theme: 'system' | 'light' | 'dark' } };
};

type Handler<C extends Channel> = (req: z.output<Contract[C]['req']>, ctx: CoreContext) => Promise<Res<C>> | Res<C>;
export type Handlers = { [C in Channel]: Handler<C> };
/** The handlers of one domain: exactly the channels of its contract map. */
export type HandlersFor<M> = { [C in keyof M & Channel]: Handler<C> };

export function noWorkspace(): never {
  throw new CandorError('NO_WORKSPACE', 'No workspace is open. Create or open one first.');
}

/** The documents folder when the platform has one, else the home folder. The Electron shell passes its own. */
export function defaultDocumentsDir(): string {
  const docs = join(homedir(), 'Documents');
  return existsSync(docs) ? docs : homedir();
}

/** A path typed in the app: absolute as typed; relative ("Candor/acme", "~/x") under the documents or home folder. */
export function userPath(ctx: Pick<CoreContext, 'documentsDir'>, typed: string): string {
  const p = typed.trim();
  if (p === '~' || p.startsWith('~/')) return join(homedir(), p.slice(1));
  return isAbsolute(p) ? resolve(p) : resolve((ctx.documentsDir ?? defaultDocumentsDir)(), p);
}
