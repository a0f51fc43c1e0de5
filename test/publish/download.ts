import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import SftpClient from 'ssh2-sftp-client';
import { git, S3_KEYS } from './servers.ts';
import type { S3Server, SshServer } from './servers.ts';

// Fresh downloads of a published copy, the way a reader's tools would fetch it, for `candor verify`.

function save(dir: string, path: string, bytes: Uint8Array): void {
  const file = join(dir, ...path.split('/'));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

export function s3Client(s3: S3Server): S3Client {
  return new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: S3_KEYS });
}

export async function downloadS3(s3: S3Server, dir: string, prefix = ''): Promise<string[]> {
  const client = s3Client(s3);
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of page.Contents ?? []) keys.push(o.Key!);
    token = page.NextContinuationToken;
  } while (token);
  for (const key of keys) {
    const r = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    save(dir, key.slice(prefix.length), await r.Body!.transformToByteArray());
  }
  client.destroy();
  return keys;
}

/** A clone of the branch, as GitHub Pages checks it out, without the .git folder. */
export function downloadGit(repo: string, branch: string, dir: string): void {
  git(['clone', '--quiet', '--branch', branch, '--depth', '1', `file://${repo}`, dir]);
  rmSync(join(dir, '.git'), { recursive: true, force: true });
}

export async function downloadSftp(ssh: SshServer, dir: string): Promise<number> {
  const client = new SftpClient();
  const sock = connect({ host: ssh.host, port: ssh.port, noDelay: true });
  await new Promise((resolve, reject) => sock.once('connect', resolve).once('error', reject));
  await client.connect({ sock, host: ssh.host, port: ssh.port, username: ssh.username, privateKey: ssh.privateKey });
  let n = 0;
  const walk = async (remote: string, rel: string) => {
    for (const e of await client.list(remote)) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.type === 'd') await walk(`${remote}/${e.name}`, path);
      else {
        save(dir, path, (await client.get(`${remote}/${e.name}`)) as Buffer);
        n++;
      }
    }
  };
  await walk(ssh.root, '');
  await client.end();
  return n;
}
