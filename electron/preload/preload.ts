// The window's only door to the app: two functions, nothing else from Node or Electron. Runs sandboxed, so it is
// bundled into one CommonJS file (dist/preload/preload.cjs).
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { ProgressEvent, Result, Transport } from '../shared/contract.ts';

// Duplicated from electron/main/ipc.ts on purpose: the sandboxed preload may not pull in main-process modules.
const INVOKE_CHANNEL = 'candor:invoke';
const PROGRESS_CHANNEL = 'candor:progress';

const api: Transport = {
  invoke(channel: string, request: unknown): Promise<Result<unknown>> {
    if (typeof channel !== 'string') return Promise.resolve({ ok: false, error: { code: 'BAD_REQUEST', message: 'The channel must be a name.' } });
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, request) as Promise<Result<unknown>>;
  },
  onProgress(listener: (event: ProgressEvent) => void): () => void {
    const handler = (_event: IpcRendererEvent, progress: ProgressEvent) => listener(progress);
    ipcRenderer.on(PROGRESS_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(PROGRESS_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('candor', api);
