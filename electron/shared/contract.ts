import type { z } from 'zod';
import { appChannels } from './contract/app.ts';
import { threadChannels } from './contract/threads.ts';
import { curationChannels } from './contract/curation.ts';
import { workspaceChannels } from './contract/workspace.ts';
import { claimChannels } from './contract/claims.ts';
import { siteChannels } from './contract/site.ts';
import { correctionChannels } from './contract/corrections.ts';
import { publishChannels } from './contract/publish.ts';
import { curatingChannels } from './contract/curating.ts';

/**
 * The one typed contract between the app's window and the core: channel -> request and response schemas.
 * The core implements it once (electron/core/handlers); Electron IPC and the loopback HTTP transport carry it.
 * Payloads are plain JSON (no Dates, no Buffers) so both transports behave the same.
 */
export const contract = {
  ...workspaceChannels,
  ...threadChannels,
  ...appChannels,
  ...curationChannels,
  ...claimChannels,
  ...siteChannels,
  ...correctionChannels,
  ...publishChannels,
  ...curatingChannels,
  // <domain channel maps above this line>
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Req<C extends Channel> = z.input<Contract[C]['req']>;
export type Res<C extends Channel> = z.output<Contract[C]['res']>;

export type ApiError = {
  code: string;
  message: string;
  location?: { file?: string; line?: number; record?: number; field?: string };
  /** Figures the app acts on without reading the message (SITE_WOULD_SHRINK: published, wouldPublish). */
  details?: Readonly<Record<string, number | string>>;
};
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Progress of a long core job (import, build), pushed to the window. */
export type ProgressEvent = { job: string; phase: string; done: number; total: number; unit: 'bytes' | 'records' | 'pages' | 'files' | 'claims'; message?: string };

/** What both transports provide: the preload's window.candor, and the browser harness's HTTP client. */
export type Transport = {
  invoke: (channel: string, request: unknown) => Promise<Result<unknown>>;
  onProgress: (listener: (event: ProgressEvent) => void) => () => void;
};

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
