import { join } from 'node:path';
import type { Workspace } from '../workspace.ts';
import { publishSite } from './publish.ts';
import type { PublishProgress, PublishReport } from './publish.ts';
import { resolveSecrets } from './secrets.ts';
import type { SecretStore } from './secrets.ts';
import { getTarget, recordPublish, rememberHostKey } from './targets.ts';

/** Where targets keep what they reuse between publishes (a git target's clone), inside the workspace. */
const PUBLISH_CACHE_DIR = '.publish-cache';

export type PublishRun = PublishReport & { trustedHostKey: string | null };

/**
 * Publishes a built site to one of the workspace's targets with its secrets (saved ones, else the environment),
 * remembers an SFTP server's host key at the first connection, and records the result with the target.
 */
export async function publishToTarget(ws: Workspace, options: {
  target: string;
  dir: string;
  secrets: SecretStore;
  env?: Record<string, string | undefined>;
  full?: boolean;
  dryRun?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: PublishProgress) => void;
}): Promise<PublishRun> {
  const target = getTarget(ws.db, options.target);
  const secrets = await resolveSecrets(target, options.secrets, options.env ?? process.env);
  let trustedHostKey: string | null = null;
  const report = await publishSite({
    target,
    siteDir: options.dir,
    secrets,
    full: options.full,
    dryRun: options.dryRun,
    signal: options.signal,
    onProgress: options.onProgress,
    leftovers: target.lastPublish?.leftovers,
    context: {
      cacheDir: join(ws.dir, PUBLISH_CACHE_DIR),
      actor: ws.actor,
      onHostKey: (fingerprint) => {
        trustedHostKey = fingerprint;
        rememberHostKey(ws, target.id, fingerprint);
      },
    },
  });
  if (!report.dryRun) {
    recordPublish(ws.db, target.id, {
      at: new Date().toISOString(), actor: ws.actor, manifest: report.manifest, uploaded: report.uploaded.length, deleted: report.deleted.length,
      files: report.unchanged + report.uploaded.filter((p) => p !== 'manifest.json' && p !== 'manifest.sig').length, leftovers: report.leftovers.map((l) => l.path),
    });
  }
  return { ...report, trustedHostKey };
}
