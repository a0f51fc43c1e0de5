import type { UtilityProcess } from 'electron';
import { hostClient } from '../core/host-client.ts';
import type { HostClient } from '../core/host-client.ts';
import type { HostOptions } from '../core/host.ts';
import type { SecretStore } from '../core/publish/secrets.ts';

// The core beside the window: the main process starts it in an Electron utility process and only forwards the
// contract to it, so SQLite, scans, imports and builds never hold up the window, the menus or IPC.

export type ForkUtility = (modulePath: string, args: string[], options: { serviceName: string; stdio: 'inherit' }) => Pick<UtilityProcess, 'postMessage' | 'on' | 'kill'>;

/** Starts the core process; its calls fail with CORE_GONE (never hang) if it dies. */
export function startCoreProcess(fork: ForkUtility, modulePath: string, options: HostOptions, secrets: SecretStore): HostClient & { kill: () => void } {
  const child = fork(modulePath, [JSON.stringify(options)], { serviceName: 'Candor core', stdio: 'inherit' });
  const client = hostClient({
    postMessage: (m) => child.postMessage(m),
    onMessage: (listener) => child.on('message', listener),
  }, { secrets });
  child.on('exit', (code: number) => client.fail(`Candor's core process stopped (exit code ${code}). Restart Candor; nothing saved is lost.`));
  return { ...client, kill: () => void child.kill() };
}

/** Waits for the core to close every workspace (WAL checkpointed), but not forever: quitting must not hang. */
export async function shutdownCore(client: Pick<HostClient, 'shutdown'>, ms = 5_000): Promise<'closed' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const result = await Promise.race([client.shutdown().then(() => 'closed' as const), timeout]);
  clearTimeout(timer);
  return result;
}
