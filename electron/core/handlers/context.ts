import type { z } from 'zod';
import type { Channel, Contract, ProgressEvent, Res } from '../../shared/contract.ts';
import { CandorError } from '../errors.ts';
import type { Workspace } from '../workspace.ts';
import type { SecretStore } from '../publish/secrets.ts';

/** What every handler may use: the open workspace and the progress channel to the window. */
export type CoreContext = {
  workspace: () => Workspace;
  currentWorkspace: () => Workspace | null;
  setWorkspace: (ws: Workspace | null) => void;
  emitProgress: (event: ProgressEvent) => void;
  /** Where publish targets' secrets are kept (the shell's keychain store in the app); memory when not given. */
  secrets?: SecretStore;
};

export type Handler<C extends Channel> = (req: z.output<Contract[C]['req']>, ctx: CoreContext) => Promise<Res<C>> | Res<C>;
export type Handlers = { [C in Channel]: Handler<C> };
/** The handlers of one domain: exactly the channels of its contract map. */
export type HandlersFor<M> = { [C in keyof M & Channel]: Handler<C> };

export function noWorkspace(): never {
  throw new CandorError('NO_WORKSPACE', 'No workspace is open. Create or open one first.');
}
