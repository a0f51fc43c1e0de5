import { z } from 'zod';
import { LastPublish, TargetKind, TargetSpec } from '../model/publish-target.ts';
import { channels } from './base.ts';

// Publishing a built site to the workspace's targets (S3-compatible storage, a git branch, SFTP). Secrets go one
// way only: the window can save or clear them, and learn which are saved, never read them back.

export const SecretFieldStatus = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  multiline: z.boolean().optional(),
  /** The environment variable the candor command reads it from. */
  envName: z.string(),
  saved: z.boolean(),
  inEnvironment: z.boolean(),
});

export const TargetView = TargetSpec.and(z.object({
  id: z.string(),
  name: z.string(),
  kindLabel: z.string(),
  location: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastPublish: LastPublish.nullable(),
  secrets: z.array(SecretFieldStatus),
  /** Where saved secrets are kept: the operating system's keychain, or (browser harness) memory for this session. */
  secretStore: z.enum(['keychain', 'memory']),
}));
export type TargetView = z.infer<typeof TargetView>;

export const PublishResult = z.object({
  target: z.string(),
  kind: TargetKind,
  location: z.string(),
  url: z.string().nullable(),
  dryRun: z.boolean(),
  uploaded: z.array(z.string()),
  deleted: z.array(z.string()),
  unchanged: z.number().int(),
  bytes: z.number().int(),
  checked: z.number().int(),
  manifest: z.string(),
  previousManifest: z.string().nullable(),
  commit: z.string().nullable(),
  leftovers: z.array(z.object({ path: z.string(), error: z.string() })),
  warnings: z.array(z.string()),
  /** An SFTP server's host key trusted at this first connection (saved with the target). */
  trustedHostKey: z.string().nullable(),
  ms: z.number().int(),
});
export type PublishResult = z.infer<typeof PublishResult>;

export const publishChannels = channels({
  'publish.targets.list': { req: z.object({}), res: z.object({ targets: z.array(TargetView) }) },
  /** Adds a target; with `previous`, changes that target (its settings, and its name to `name`). */
  'publish.targets.save': { req: z.object({ name: z.string(), kind: z.string(), settings: z.record(z.string(), z.unknown()), previous: z.string().optional() }), res: TargetView },
  /** Removes the target and its saved secrets. The site online stays as it is. */
  'publish.targets.remove': { req: z.object({ name: z.string() }), res: z.object({ removed: z.string() }) },
  /** Saves the secrets given (blank removes one); answers which are saved, never their values. */
  'publish.credentials.set': { req: z.object({ target: z.string(), values: z.record(z.string(), z.string()) }), res: TargetView },
  'publish.credentials.clear': { req: z.object({ target: z.string() }), res: TargetView },
  /** Publishes a built site folder to a target; progress as job "publish". */
  'publish.run': { req: z.object({ dir: z.string().min(1), target: z.string(), full: z.boolean().optional(), dryRun: z.boolean().optional() }), res: PublishResult },
  /** Cancels the running publish, if any, before its manifest goes up. */
  'publish.cancel': { req: z.object({}), res: z.object({ cancelled: z.boolean() }) },
});
