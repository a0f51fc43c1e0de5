import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import SftpClient from 'ssh2-sftp-client';
import { CandorError } from '../errors.ts';
import { reason } from './remote.ts';
import type { OpenRemote, Remote } from './remote.ts';
import { targetLocation } from '../../shared/model/publish-target.ts';

// SFTP, for classic web hosting. Each file is written under a temporary name beside its place and renamed over the
// old one (OpenSSH's posix-rename), so a reader gets the old file or the new one, never half of one. The server's
// host key is checked on every connection against the one saved with the target; the first connection saves it.
// One operation at a time: ssh2-sftp-client advises against parallel requests on one connection.

/** ssh-keygen -l's form: SHA256: and the unpadded base64 of the key's SHA-256. */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/**
 * The TCP connection, opened here to turn Nagle's algorithm off: SFTP is one small request and answer after another,
 * and with it each waits for the peer's delayed acknowledgement (40 ms on Linux): 180 ms a file instead of 3.
 */
function openSocket(host: string, port: number, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    // The signal may stop the connecting only: once connected, the socket must outlive a cancellation.
    const sock = connect({ host, port, noDelay: true, timeout: 20_000 });
    const onAbort = () => sock.destroy(new DOMException('The operation was aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    sock.once('connect', () => {
      signal.removeEventListener('abort', onAbort);
      sock.setTimeout(0);
      resolve(sock);
    });
    sock.once('timeout', () => sock.destroy(new Error('the server did not answer within 20 seconds')));
    sock.once('error', (err) => {
      signal.removeEventListener('abort', onAbort);
      reject(err);
    });
  });
}

function isMissing(err: unknown): boolean {
  const e = err as { code?: unknown; message?: string };
  return e.code === 2 || e.code === 'ENOENT' || /no such file/i.test(e.message ?? '');
}

type SftpTarget = Extract<Parameters<OpenRemote>[0], { kind: 'sftp' }>;

/** Logs in, checking the host key against the saved fingerprint; returns the fingerprint the server showed. */
async function login(client: SftpClient, target: SftpTarget, secrets: Parameters<OpenRemote>[1], signal: AbortSignal): Promise<string | null> {
  const settings = target.settings;
  let seen: string | null = null;
  const host = settings.host.replace(/^\[|\]$/g, '');
  try {
    await client.connect({
      sock: await openSocket(host, settings.port, signal),
      host,
      port: settings.port,
      username: settings.username,
      ...(secrets.password ? { password: secrets.password } : {}),
      ...(secrets.privateKey ? { privateKey: secrets.privateKey } : {}),
      ...(secrets.passphrase ? { passphrase: secrets.passphrase } : {}),
      readyTimeout: 20_000,
      hostVerifier: (key: Buffer) => {
        seen = hostKeyFingerprint(key);
        return settings.hostKey === undefined || settings.hostKey === seen;
      },
    });
  } catch (err) {
    await client.end().catch(() => undefined);
    if (seen && settings.hostKey && seen !== settings.hostKey) {
      throw new CandorError('HOST_KEY_MISMATCH', `The server ${settings.host} answered with the host key ${seen}, but the target "${target.name}" expects ${settings.hostKey}. Someone may be intercepting the connection; nothing was sent. If your host really changed its key, confirm the new fingerprint with them and save it with the target.`, { field: 'hostKey' });
    }
    const text = reason(err);
    throw new CandorError('PUBLISH_FAILED', /authentication/i.test(text)
      ? `The server ${settings.host} refused the login of ${settings.username} (${text}). Check the target's password or private key.`
      : `Could not connect to ${settings.host}:${settings.port} (${text}).`, { field: /authentication/i.test(text) ? 'password' : 'host' });
  }
  return seen;
}

export const openSftp: OpenRemote = async (target, secrets, ctx, signal) => {
  if (target.kind !== 'sftp') throw new Error('openSftp needs an sftp target');
  const settings = target.settings;
  const client = new SftpClient('candor-publish');
  const seen = await login(client, target, secrets, signal);
  if (!settings.hostKey && seen) ctx.onHostKey?.(seen);

  const root = settings.dir.replace(/\/+$/, '');
  const at = (path: string) => `${root}/${path}`;
  const made = new Set<string>();
  const ensureDir = async (dir: string) => {
    if (made.has(dir)) return;
    await client.mkdir(dir, true);
    made.add(dir);
  };

  const remote: Remote = {
    location: targetLocation(target),
    atomic: false,
    concurrency: 1,
    async read(path) {
      try {
        return (await client.get(at(path))) as Buffer;
      } catch (err) {
        if (isMissing(err)) return null;
        throw new CandorError('PUBLISH_FAILED', `Could not read ${at(path)} on ${settings.host}: ${reason(err)}`, { file: path });
      }
    },
    // Cancelling never cuts the connection: putting back what was replaced needs it. A cancelled upload stops
    // before its rename, so the old file stays in place.
    async put(file, sig) {
      const dest = at(file.path);
      const temp = `${dest}.candor-${randomBytes(4).toString('hex')}`;
      try {
        await ensureDir(dest.slice(0, dest.lastIndexOf('/')) || '/');
        await client.put(file.abs, temp);
        sig.throwIfAborted();
        await client.posixRename(temp, dest);
      } catch (err) {
        await client.delete(temp, true).catch(() => undefined);
        if (sig.aborted) throw err;
        throw new CandorError('PUBLISH_FAILED', `Could not upload ${file.path} to ${settings.host}: ${reason(err)}`, { file: file.path });
      }
    },
    async remove(paths) {
      const failed: { path: string; error: string }[] = [];
      for (const p of paths) {
        try {
          await client.delete(at(p), true);
        } catch (err) {
          failed.push({ path: p, error: reason(err) });
        }
      }
      return failed;
    },
    async commit() {
      return null;
    },
    async close() {
      await client.end().catch(() => undefined);
    },
  };
  return remote;
};
