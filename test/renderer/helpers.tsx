import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { createQueryClient } from '../../renderer/src/lib/useCall.ts';
import { ClientContext, createClient } from '../../renderer/src/api.ts';
import { AppContext } from '../../renderer/src/app/context.ts';
import type { AppContextValue } from '../../renderer/src/app/context.ts';
import type { Channel, ProgressEvent, Req, Res, Result, Transport } from '../../electron/shared/contract.ts';

export type FakeHandlers = { [C in Channel]?: (req: Req<C>) => Res<C> | Promise<Res<C>> };

/** A transport answered by plain functions, recording every call: the views' tests need no core. */
export function fakeTransport(handlers: FakeHandlers) {
  const calls: { channel: string; request: unknown }[] = [];
  const listeners = new Set<(e: ProgressEvent) => void>();
  const transport: Transport = {
    async invoke(channel, request) {
      calls.push({ channel, request });
      const h = (handlers as Record<string, ((r: unknown) => unknown) | undefined>)[channel];
      if (!h) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `No fake for ${channel}` } } as Result<unknown>;
      try {
        return { ok: true, value: await h(request) };
      } catch (err) {
        const e = err as { code?: string; message: string; details?: Record<string, number | string> };
        return { ok: false, error: { code: e.code ?? 'ERROR', message: e.message, ...(e.details ? { details: e.details } : {}) } };
      }
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { transport, client: createClient(transport), calls, emit: (e: ProgressEvent) => listeners.forEach((l) => l(e)), callsTo: (c: Channel) => calls.filter((x) => x.channel === c).map((x) => x.request) };
}

export const browserInfo: Res<'app.info'> = { shell: 'browser', version: '0.1.0', platform: 'linux', dialogs: false, openPaths: false, previewBase: '/preview/' };

export function appContext(overrides: Partial<AppContextValue> = {}): AppContextValue {
  return {
    info: browserInfo,
    workspace: { dir: '/ws/acme', name: 'Acme Ltd', createdAt: '2026-01-01T00:00:00Z', schemaVersion: 10, recoveredFromCrash: false, threads: 3 },
    workspaceChanged: () => undefined,
    refreshWorkspace: () => undefined,
    navigate: () => undefined,
    toast: () => undefined,
    afterChange: async () => undefined,
    undo: async () => undefined,
    dataVersion: 0,
    dataChanged: () => undefined,
    ...overrides,
  };
}

export function Providers({ fake, app, children }: { fake: ReturnType<typeof fakeTransport>; app?: Partial<AppContextValue>; children: ReactNode }) {
  // One query cache per rendered test, as the app has one per window.
  const [queryClient] = useState(createQueryClient);
  return (
    <ClientContext.Provider value={fake.client}>
      <QueryClientProvider client={queryClient}>
        <AppContext.Provider value={appContext(app)}>{children}</AppContext.Provider>
      </QueryClientProvider>
    </ClientContext.Provider>
  );
}

type Summary = Res<'threads.search'>['threads'][number];
export function summary(id: string, patch: Partial<Summary> = {}): Summary {
  return {
    id, source: 'zendesk', externalId: id.replace(/\D/g, '') || '1', kind: 'complaint', kindInferred: false, subject: `Subject ${id}`, rating: null, satisfaction: null,
    status: 'open', channel: null, openedAt: '2026-03-01T09:00:00.000Z', resolvedAt: null, lastActivityAt: '2026-03-02T09:00:00.000Z', decision: 'pending',
    decisionReason: null, decisionNote: null, decidedBy: null, decidedAt: null, tags: [], messageCount: 2, ...patch,
  };
}
