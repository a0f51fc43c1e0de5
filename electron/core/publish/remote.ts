import type { SecretValues } from './secrets.ts';
import type { Target } from '../../shared/model/publish-target.ts';

// One kind of place a site can be published to. The publisher (publish.ts) decides what goes where and in which
// order; a remote only moves bytes. S3 and SFTP make each file visible as it arrives; git stages everything and
// makes it visible at once with commit().

export type PutFile = { path: string; abs: string; size: number; sha256: string; contentType: string; cacheControl: string };

export type Remote = {
  /** Where the site is, for people. */
  location: string;
  /** True when nothing is visible online before commit() (git): a failure before it changes nothing. */
  atomic: boolean;
  /** How many uploads may run at once. */
  concurrency: number;
  /** The file's bytes on the remote, or null when there is no such file. */
  read: (path: string, signal: AbortSignal) => Promise<Buffer | null>;
  put: (file: PutFile, signal: AbortSignal) => Promise<void>;
  /** Uploads many at once when that is cheaper (git stages a batch with one process); `done` after each file. */
  putMany?: (files: readonly PutFile[], signal: AbortSignal, done: (n: number) => void) => Promise<void>;
  /** Removes files; the ones that could not be removed come back with the reason. */
  remove: (paths: readonly string[], signal: AbortSignal) => Promise<{ path: string; error: string }[]>;
  /** Makes the changes visible (git: commit and push). Returns what was created (a commit), or null. */
  commit: (message: string, signal: AbortSignal) => Promise<string | null>;
  close: () => Promise<void>;
};

export type RemoteContext = {
  /** A folder the remote may keep between publishes (git keeps its clone there). */
  cacheDir: string;
  /** Who is publishing (a commit's author). */
  actor: string;
  /** An SFTP server's host key seen for the first time, to be remembered with the target. */
  onHostKey?: (fingerprint: string) => void;
};

export type OpenRemote = (target: Target, secrets: SecretValues, ctx: RemoteContext, signal: AbortSignal) => Promise<Remote>;

/** Runs `work` over `items` with at most `limit` at a time; stops starting new ones after the first failure. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: { error: unknown } | null = null;
  const lane = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failed) throw (failed as { error: unknown }).error;
}

/** A readable reason from whatever a client library threw. */
export function reason(err: unknown): string {
  if (err instanceof Error) {
    const e = err as Error & { Code?: string; code?: string | number; $metadata?: { httpStatusCode?: number } };
    const code = e.Code ?? (typeof e.code === 'string' ? e.code : undefined);
    const status = e.$metadata?.httpStatusCode;
    return `${e.message || e.name}${code && !e.message.includes(code) ? ` (${code})` : ''}${status && status >= 400 ? ` [HTTP ${status}]` : ''}`;
  }
  return String(err);
}
