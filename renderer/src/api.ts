import { createContext, useContext } from 'react';
import { createClient, httpTransport } from '../../electron/shared/client.ts';
import type { Client } from '../../electron/shared/client.ts';
import type { ProgressEvent, Transport } from '../../electron/shared/contract.ts';

declare global {
  interface Window {
    /** Set by the Electron preload: the only way the window reaches the app. */
    candor?: Transport;
  }
}

/**
 * The window talks to the core through whichever transport it was given: the preload's window.candor in the
 * desktop app, or the loopback HTTP API whose token the harness injected into the page.
 */
export function pickTransport(win: Window = window): Transport | null {
  if (win.candor && typeof win.candor.invoke === 'function') return win.candor;
  const token = win.document.querySelector<HTMLMetaElement>('meta[name="candor-api-token"]')?.content;
  if (token) return httpTransport(win.location.origin, token);
  return null;
}

/**
 * One progress subscription for the whole window, opened at start, shared by every screen. (Over HTTP each
 * subscription is an event stream: one opened only when an import starts could miss the start of it.)
 */
export function shareProgress(transport: Transport): Transport {
  const listeners = new Set<(e: ProgressEvent) => void>();
  transport.onProgress((event) => {
    for (const l of listeners) l(event);
  });
  return {
    invoke: (channel, request) => transport.invoke(channel, request),
    onProgress(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export const ClientContext = createContext<Client | null>(null);

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside <ClientContext.Provider>');
  return client;
}

export { createClient };
export type { Client };
