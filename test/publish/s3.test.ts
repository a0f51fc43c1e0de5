import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli as inProcess } from '../helpers/cli.ts';
import { spawnCli, tempDir } from '../helpers/workspace.ts';
import type { CliResult } from '../helpers/workspace.ts';
import { demoSites } from './demo.ts';
import type { DemoSites } from './demo.ts';
import { downloadS3, s3Client } from './download.ts';
import { S3_KEYS, startS3 } from './servers.ts';
import type { S3Server } from './servers.ts';

// The demo site published to a real S3-compatible server (s3rver on loopback) with the candor command, its keys
// in environment variables as a user's CI would have them. The first publish and the refusals go through the real
// binary (exit codes, streams, start-up); the other commands run in this process (test/helpers/cli.ts), a second
// each saved on a spawned Node start.

const ENV = { CANDOR_TARGET_DEMO_S3_ACCESS_KEY_ID: S3_KEYS.accessKeyId, CANDOR_TARGET_DEMO_S3_SECRET_ACCESS_KEY: S3_KEYS.secretAccessKey };

/** The CLI in a child process, without blocking this process (the S3 server runs here). */
function spawned(args: string[], env: Record<string, string> = ENV): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawnCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString('utf8'); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The same command in this process, the target's keys in the environment for the call. */
const cli = (args: string[], env: Record<string, string> = ENV): Promise<CliResult> => inProcess(args, env);

type Published = { uploaded: string[]; deleted: string[]; unchanged: number; checked: number; manifest: string };

/** A proxy in front of the S3 server that refuses every upload of one key, as a storage having a bad moment. */
async function failingProxy(target: string, failKey: string): Promise<{ endpoint: string; server: Server }> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    if (req.method === 'PUT' && decodeURIComponent((req.url ?? '').split('?')[0]!).endsWith(`/${failKey}`)) {
      req.resume();
      res.writeHead(500, { 'content-type': 'application/xml' }).end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>');
      return;
    }
    const up = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let t: ReturnType<typeof tempDir>;
let demo: DemoSites;
let s3: S3Server;

beforeAll(async () => {
  t = tempDir('candor-publish-s3-');
  demo = await demoSites(t.dir);
  s3 = await startS3(join(t.dir, 's3'));
  const added = await cli(['targets', 'add', demo.ws, 'demo-s3', '--type', 's3', '--bucket', s3.bucket, '--endpoint', s3.endpoint, '--public-url', 'https://transparency.fernhill.example/']);
  expect(added.stderr).toBe('');
  expect(added.code).toBe(0);
}, 120_000);

afterAll(async () => {
  await s3?.close();
  t?.cleanup();
});

async function verifiedDownload(name: string): Promise<CliResult> {
  const dir = join(t.dir, name);
  await downloadS3(s3, dir);
  return cli(['verify', dir, '--json']);
}

describe('publishing to S3-compatible storage', () => {
  it('puts the whole demo site up the first time, manifest.json last, and a fresh download verifies', async () => {
    const r = await spawned(['publish', demo.ws, demo.v1, '--to', 'demo-s3', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Published & { previousManifest: string | null; url: string };
    expect(out.uploaded).toHaveLength(demo.m1.files.length + 1);
    expect(out.uploaded.at(-1)).toBe('manifest.json');
    expect(s3.puts.at(-1)).toBe('manifest.json');
    expect(out.previousManifest).toBeNull();
    expect(out.checked).toBeGreaterThan(10);
    expect(out.url).toBe('https://transparency.fernhill.example/');
    // Pages only after what they link to: every hashed asset before the first page.
    const firstPage = out.uploaded.findIndex((p) => p.endsWith('.html'));
    expect(out.uploaded.slice(firstPage).filter((p) => p.endsWith('.pf_fragment'))).toEqual([]);
    const v = await verifiedDownload('download-1');
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, files: demo.m1.files.length });
    expect(v.code).toBe(0);
  });

  it('serves pages, hashed assets and the manifest with their content types and cache headers', async () => {
    const client = s3Client(s3);
    const head = (key: string) => client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
    const fragment = demo.m1.files.find((f) => f.path.endsWith('.pf_fragment'))!.path;
    expect(await head('index.html')).toMatchObject({ ContentType: 'text/html; charset=utf-8', CacheControl: 'public, max-age=300' });
    expect(await head('assets/site.css')).toMatchObject({ ContentType: 'text/css; charset=utf-8', CacheControl: 'public, max-age=300' });
    expect(await head(fragment)).toMatchObject({ ContentType: 'application/octet-stream', CacheControl: 'public, max-age=31536000, immutable' });
    expect(await head('data/threads.csv')).toMatchObject({ ContentType: 'text/csv; charset=utf-8' });
    expect(await head('manifest.json')).toMatchObject({ ContentType: 'application/json; charset=utf-8', CacheControl: 'no-cache' });
    client.destroy();
  });

  it('after one conversation changed, uploads only the changed files plus the manifest, then removes what is gone', async () => {
    expect(demo.changed.length).toBeGreaterThan(0);
    expect(demo.changed.length).toBeLessThan(demo.m2.files.length / 10);
    const before = s3.puts.length;
    const r = await cli(['publish', demo.ws, demo.v2, '--to', 'demo-s3', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Published;
    expect([...out.uploaded].sort()).toEqual([...demo.changed, 'manifest.json'].sort());
    expect(out.uploaded.at(-1)).toBe('manifest.json');
    // What the server saw written, not only what candor says it sent.
    expect([...s3.puts.slice(before)].sort()).toEqual([...demo.changed, 'manifest.json'].sort());
    expect(out.deleted).toEqual(demo.removed);
    expect(out.unchanged).toBe(demo.m2.files.length - demo.changed.length);
    const v = await verifiedDownload('download-2');
    expect(v.code).toBe(0);
  });

  it('says the copy is up to date and sends nothing when nothing changed; a dry run lists and sends nothing', async () => {
    const before = s3.puts.length;
    const again = await cli(['publish', demo.ws, demo.v2, '--to', 'demo-s3']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/is up to date: all [\d,]+ files match/);
    const dry = await cli(['publish', demo.ws, demo.v1, '--to', 'demo-s3', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const onlyInV2 = demo.m2.files.filter((f) => !demo.m1.files.some((g) => g.path === f.path)).map((f) => f.path).sort();
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, deleted: onlyInV2, checked: 0 });
    expect(s3.puts.length).toBe(before);
  });

  it('a failure part-way puts back what it replaced, says what to retry, and publishing again finishes', async () => {
    // Going back to the first version: the changed conversation's page fails at the storage.
    const failing = demo.changed.find((p) => p.startsWith('threads/'))!;
    const proxy = await failingProxy(s3.endpoint, failing);
    try {
      expect((await cli(['targets', 'set', demo.ws, 'demo-s3', '--endpoint', proxy.endpoint])).code).toBe(0);
      const r = await cli(['publish', demo.ws, demo.v1, '--to', 'demo-s3']);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`Could not upload ${failing}`);
      expect(r.stderr, r.stderr).toMatch(/put back as they were: the site online is the previous one, unchanged\. Publish again to retry\./);
    } finally {
      proxy.server.close();
    }
    const v = await verifiedDownload('download-3');
    expect(v.code).toBe(0);
    expect((await cli(['verify', join(t.dir, 'download-3')])).stdout).toContain(`all ${demo.m2.files.length.toLocaleString('en')} files match`);

    expect((await cli(['targets', 'set', demo.ws, 'demo-s3', '--endpoint', s3.endpoint])).code).toBe(0);
    const retry = await cli(['publish', demo.ws, demo.v1, '--to', 'demo-s3', '--json']);
    expect(retry.code).toBe(0);
    expect((JSON.parse(retry.stdout) as Published).deleted).toEqual([...demo.changed].filter((p) => !demo.m1.files.some((f) => f.path === p)).sort());
    const back = await verifiedDownload('download-4');
    expect(JSON.parse(back.stdout)).toMatchObject({ ok: true, files: demo.m1.files.length });
  }, 90_000);

  it('refuses without keys, naming the environment variables, and never publishes a damaged site folder', async () => {
    const noKeys = await spawned(['publish', demo.ws, demo.v2, '--to', 'demo-s3'], { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' });
    expect(noKeys.code, noKeys.stdout + noKeys.stderr).toBe(1);
    expect(noKeys.stderr).toContain('CANDOR_TARGET_DEMO_S3_ACCESS_KEY_ID and CANDOR_TARGET_DEMO_S3_SECRET_ACCESS_KEY');
    const wrongKeys = await spawned(['publish', demo.ws, demo.v2, '--to', 'demo-s3'], { ...ENV, CANDOR_TARGET_DEMO_S3_ACCESS_KEY_ID: 'NOT-A-KEY' });
    expect(wrongKeys.code, wrongKeys.stderr).toBe(1);
    expect(wrongKeys.stderr).toMatch(/refused the target's keys/);
    const missing = await cli(['publish', demo.ws, join(t.dir, 'no-such-site'), '--to', 'demo-s3']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/is not a folder/);
  });
});
