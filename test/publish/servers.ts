import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

// Real servers for the publish tests, started on loopback by the tests themselves: s3rver (an S3-compatible
// server in Node), a bare git repository, and Debian's OpenSSH sshd with its own config, host key and authorized
// key in a temporary folder. A missing server binary skips its tests with the reason in their name, except on CI
// (CI=true), where .ci/run installs it and a missing one is a failure.

export const ON_CI = Boolean(process.env.CI);

export const S3_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export type S3Server = { endpoint: string; bucket: string; dir: string; puts: string[]; close: () => Promise<void> };

/** s3rver with one bucket; `puts` lists every object key written (from its S3 event notifications), in order. */
export async function startS3(dir: string, bucket = 'site'): Promise<S3Server> {
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [] }] });
  const puts: string[] = [];
  server.on('event', (e: { Records: { eventName: string; s3: { object: { key: string } } }[] }) => {
    for (const r of e.Records) if (r.eventName.startsWith('ObjectCreated')) puts.push(decodeURIComponent(r.s3.object.key));
  });
  const address = (await server.run()) as AddressInfo;
  return { endpoint: `http://127.0.0.1:${address.port}`, bucket, dir, puts, close: () => server.close() };
}

export function gitMissing(): string | null {
  return spawnSync('git', ['--version']).status === 0 ? null : 'the git command is not installed (apt-get install git)';
}

export function git(args: string[], cwd?: string): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A bare repository, as a Pages host keeps one. */
export function bareRepo(dir: string): string {
  const repo = join(dir, 'pages.git');
  git(['init', '--bare', '--quiet', '--initial-branch=main', repo]);
  return repo;
}

const SSHD = ['/usr/sbin/sshd', '/usr/bin/sshd'];

export function sshdMissing(): string | null {
  if (!SSHD.some((p) => existsSync(p))) return 'Debian\'s openssh-server is not installed (apt-get install openssh-server): no sshd';
  if (!existsSync('/usr/lib/openssh/sftp-server') && !existsSync('/usr/lib/sftp-server')) return 'sshd has no sftp-server';
  if (spawnSync('ssh-keygen', ['-?']).error) return 'ssh-keygen is not installed';
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited (${child.exitCode}): ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1');
      c.once('data', () => { c.destroy(); resolve(true); });
      c.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`sshd did not answer on port ${port}: ${log()}`);
}

export type SshServer = { host: string; port: number; username: string; privateKey: string; hostKeyFingerprint: string; root: string; close: () => Promise<void> };

/** sshd on a random loopback port, key login for the current user only, SFTP served by internal-sftp. */
export async function startSshd(dir: string): Promise<SshServer> {
  const sshd = SSHD.find((p) => existsSync(p))!;
  mkdirSync(dir, { recursive: true });
  const hostKey = join(dir, 'host_ed25519');
  const clientKey = join(dir, 'client_ed25519');
  for (const k of [hostKey, clientKey]) {
    const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'candor-test', '-f', k]);
    if (r.status !== 0) throw new Error(`ssh-keygen: ${r.stderr}`);
  }
  const authorized = join(dir, 'authorized_keys');
  writeFileSync(authorized, readFileSync(`${clientKey}.pub`));
  chmodSync(authorized, 0o600);
  const root = join(dir, 'www');
  mkdirSync(root);
  const port = await freePort();
  // Privilege separation needs this folder when sshd runs as root (as on CI); Debian creates it only at boot.
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const config = join(dir, 'sshd_config');
  writeFileSync(config, [
    `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${hostKey}`, `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${authorized}`, 'StrictModes no', 'UsePAM no', 'PasswordAuthentication no', 'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes', 'PermitRootLogin prohibit-password', `AllowUsers ${userInfo().username}`,
    'Subsystem sftp internal-sftp', 'LogLevel ERROR', '',
  ].join('\n'));
  const child = spawn(sshd, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (b: Buffer) => { log += b.toString('utf8'); });
  await waitForPort(port, child, () => log);
  const fp = spawnSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${hostKey}.pub`], { encoding: 'utf8' }).stdout.split(' ')[1]!;
  return {
    host: '127.0.0.1', port, username: userInfo().username, privateKey: readFileSync(clientKey, 'utf8'), hostKeyFingerprint: fp, root,
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
