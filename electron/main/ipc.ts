import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { z } from 'zod';
import { contract, isChannel } from '../shared/contract.ts';
import type { Channel, Contract, Res, Result } from '../shared/contract.ts';
import { isOnHost } from './protocol.ts';

// One IPC channel carries the whole contract: the renderer calls invoke(channel, request) and always gets a Result.
export const INVOKE_CHANNEL = 'candor:invoke';
export const PROGRESS_CHANNEL = 'candor:progress';

export type Dispatch = (channel: string, request: unknown) => Promise<Result<unknown>>;

/** Channels the shell answers itself (dialogs, electron-store); everything else goes to the core. */
export type ShellHandlers = { [C in Channel]?: (req: z.output<Contract[C]['req']>) => Promise<Res<C>> | Res<C> };

/** Only the app's own top-level page may call: not the preview frame, not anything navigated to. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  return isOnHost(frame.url, 'app');
}

export function createDispatcher(coreDispatch: Dispatch, shell: ShellHandlers): Dispatch {
  return async (channel, request) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${String(channel)}".` } };
    }
    const handler = shell[channel] as ((req: unknown) => unknown) | undefined;
    if (!handler) return coreDispatch(channel, request);
    const parsed = contract[channel].req.safeParse(request ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'BAD_REQUEST', message: `Invalid request for ${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; ')}` } };
    }
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      const e = err as { code?: unknown; message?: unknown };
      return { ok: false, error: { code: typeof e.code === 'string' ? e.code : 'INTERNAL', message: typeof e.message === 'string' ? e.message : String(err) } };
    }
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, request: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'This call did not come from the Candor window.' } };
    }
    return dispatch(typeof channel === 'string' ? channel : '', request);
  });
}
