import { readFileSync, createReadStream } from 'node:fs';
import { DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CandorError } from '../errors.ts';
import { reason } from './remote.ts';
import type { OpenRemote, Remote } from './remote.ts';
import type { S3Settings } from '../../shared/model/publish-target.ts';
import { targetLocation } from '../../shared/model/publish-target.ts';

// S3-compatible object storage: AWS S3, Cloudflare R2, MinIO, Backblaze B2. Every object is put with its content
// type and cache header. The SDK's newer default checksums (aws-chunked uploads with trailing CRCs) are sent only
// where the API requires them: several S3-compatible stores refuse them.

/** Files up to this size are sent from memory (one request, known length); larger ones are streamed. */
const IN_MEMORY = 8 * 1024 * 1024;

function client(settings: S3Settings, secrets: Record<string, string>): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.pathStyle ?? settings.endpoint !== undefined,
    credentials: { accessKeyId: secrets.accessKeyId!, secretAccessKey: secrets.secretAccessKey!, ...(secrets.sessionToken ? { sessionToken: secrets.sessionToken } : {}) },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
}

function isMissing(err: unknown): boolean {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.Code === 'NoSuchKey' || (e.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket');
}

function explain(err: unknown, settings: S3Settings): CandorError | null {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (e.name === 'NoSuchBucket') return new CandorError('PUBLISH_FAILED', `The bucket "${settings.bucket}" does not exist${settings.endpoint ? ` at ${settings.endpoint}` : ''}. Create it first, or correct the target's bucket name.`, { field: 'bucket' });
  if (e.name === 'InvalidAccessKeyId' || e.name === 'SignatureDoesNotMatch' || e.$metadata?.httpStatusCode === 403) {
    return new CandorError('PUBLISH_FAILED', `The storage refused the target's keys (${reason(err)}). Check the access key ID and secret, and that they may read and write the bucket "${settings.bucket}".`, { field: 'accessKeyId' });
  }
  return null;
}

export const openS3: OpenRemote = async (target, secrets) => {
  if (target.kind !== 's3') throw new Error('openS3 needs an s3 target');
  const settings = target.settings;
  const s3 = client(settings, secrets);
  const key = (path: string) => (settings.prefix ? `${settings.prefix}/${path}` : path);
  const remote: Remote = {
    location: targetLocation(target),
    atomic: false,
    concurrency: 8,
    async read(path, signal) {
      try {
        const r = await s3.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key(path) }), { abortSignal: signal });
        return r.Body ? Buffer.from(await r.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (err) {
        if (isMissing(err)) return null;
        throw explain(err, settings) ?? new CandorError('PUBLISH_FAILED', `Could not read ${path} from ${remote.location}: ${reason(err)}`, { file: path });
      }
    },
    async put(file, signal) {
      try {
        await s3.send(new PutObjectCommand({
          Bucket: settings.bucket,
          Key: key(file.path),
          Body: file.size <= IN_MEMORY ? readFileSync(file.abs) : createReadStream(file.abs),
          ContentLength: file.size,
          ContentType: file.contentType,
          CacheControl: file.cacheControl,
        }), { abortSignal: signal });
      } catch (err) {
        throw explain(err, settings) ?? new CandorError('PUBLISH_FAILED', `Could not upload ${file.path}: ${reason(err)}`, { file: file.path });
      }
    },
    async remove(paths, signal) {
      const failed: { path: string; error: string }[] = [];
      // DeleteObjects takes at most 1,000 keys a request.
      for (let i = 0; i < paths.length; i += 1000) {
        const batch = paths.slice(i, i + 1000);
        try {
          const r = await s3.send(new DeleteObjectsCommand({ Bucket: settings.bucket, Delete: { Objects: batch.map((p) => ({ Key: key(p) })), Quiet: true } }), { abortSignal: signal });
          for (const e of r.Errors ?? []) failed.push({ path: e.Key && settings.prefix ? e.Key.slice(settings.prefix.length + 1) : (e.Key ?? '?'), error: e.Message ?? e.Code ?? 'refused' });
        } catch (err) {
          for (const p of batch) failed.push({ path: p, error: reason(err) });
        }
      }
      return failed;
    },
    async commit() {
      return null;
    },
    async close() {
      s3.destroy();
    },
  };
  return remote;
};
