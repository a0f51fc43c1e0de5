import { z } from 'zod';
import { CandorError } from '../../core/errors.ts';
import { publishToTarget } from '../../core/publish/run.ts';
import type { PublishRun } from '../../core/publish/run.ts';
import { memorySecretStore } from '../../core/publish/secrets.ts';
import { openWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT } from '../command.ts';
import { phaseBar } from '../progress.ts';

function kilobytes(n: number): string {
  return n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function summary(r: PublishRun): string {
  const files = r.uploaded.filter((p) => p !== 'manifest.json' && p !== 'manifest.sig').length;
  if (r.dryRun) return `Would upload ${files.toLocaleString('en')} changed files (${kilobytes(r.bytes)}) and the manifest to ${r.location}, remove ${r.deleted.length.toLocaleString('en')}, and leave ${r.unchanged.toLocaleString('en')} as they are.\n${[...r.uploaded.map((p) => `  + ${p}`), ...r.deleted.map((p) => `  - ${p}`)].join('\n')}\n`;
  const lines = r.uploaded.length === 0
    ? [`${r.location} is up to date: all ${r.unchanged.toLocaleString('en')} files match.`]
    : [`Published to ${r.location}: ${files.toLocaleString('en')} changed files uploaded (${kilobytes(r.bytes)}) and the manifest, ${r.deleted.length.toLocaleString('en')} removed, ${r.unchanged.toLocaleString('en')} unchanged${r.commit ? ` (commit ${r.commit.slice(0, 12)})` : ''}.`];
  lines.push(`Checked: manifest.json and ${(r.checked - 1).toLocaleString('en')} files read back match. ${(r.ms / 1000).toFixed(1)} s.`);
  if (r.trustedHostKey) lines.push(`First connection to this server: its host key ${r.trustedHostKey} is now saved with the target; a different key will be refused.`);
  if (r.url) lines.push(`The site: ${r.url}`);
  return `${lines.join('\n')}\n`;
}

export const publishCommand = defineCommand({
  name: 'publish',
  summary: 'Put a built site online (S3-compatible storage, a git branch, SFTP)',
  usage: 'candor publish <workspace> <site-dir> --to <target> [--full] [--dry-run] [--json]',
  help: `Publishes a site built with candor build to one of the workspace's targets (candor targets add). Only files
whose SHA-256 differs from the remote copy's manifest.json are uploaded: hashed assets first, then pages, then
manifest.sig and manifest.json last, so a reader never gets a manifest naming a file that is not there yet. Files
the previous manifest listed and the site no longer has are removed afterwards; nothing else on the remote is
touched. Then the remote manifest and a sample of files are read back and compared. The site folder is checked
against its own manifest first (a damaged folder is never published). Ctrl-C cancels before the manifest goes up.

Credentials come from environment variables, CANDOR_TARGET_<NAME>_<FIELD> (candor targets show <ws> <name> lists
them): ACCESS_KEY_ID and SECRET_ACCESS_KEY for S3 (or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY), TOKEN for git
over https (else git's own credentials), PASSWORD or PRIVATE_KEY (PRIVATE_KEY_FILE: a path) for SFTP.

Options:
  --to <target>   The target's name (required)
  --full          Upload every file, whatever the remote manifest says (after someone changed files by hand)
  --dry-run       Only list what would be uploaded and removed
  --json          Print {"target","kind","location","url","dryRun","uploaded":[paths],"deleted":[paths],"unchanged",
                  "bytes","checked","manifest","previousManifest","commit","leftovers":[{"path","error"}],"warnings",
                  "trustedHostKey","ms"}

Exit codes: 0 published and checked (or already up to date, or a dry run); 1 failed or cancelled: the message says
what is online (the previous manifest is still in place) and what to retry; 2 usage; 3 published and checked, but
some old files could not be removed (listed; the next publish tries again).`,
  options: { to: { type: 'string' }, full: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  schema: z.object({
    positionals: z.tuple([z.string().min(1), z.string().min(1)], { error: 'name a workspace and a built site folder' }),
    values: z.object({
      to: z.string({ error: 'say which target with --to <name> (candor targets list <workspace> shows them)' }).min(1),
      full: z.boolean().optional(),
      'dry-run': z.boolean().optional(),
      json: z.boolean().optional(),
    }),
  }),
  async run({ positionals: [dir, site], values }, io) {
    const ws = openWorkspace(dir);
    const progress = phaseBar(io.err, io.interactive && !values.json);
    const controller = new AbortController();
    const cancel = () => {
      if (!controller.signal.aborted) io.err('\nCancelling (the manifest is not sent)...\n');
      controller.abort();
    };
    process.on('SIGINT', cancel);
    try {
      const r = await publishToTarget(ws, { target: values.to, dir: site, secrets: memorySecretStore(), full: values.full, dryRun: values['dry-run'], signal: controller.signal, onProgress: progress.update });
      progress.done();
      if (values.json) io.out(`${JSON.stringify(r)}\n`);
      else io.out(summary(r));
      for (const w of r.warnings) io.err(`note: ${w}\n`);
      return r.leftovers.length ? EXIT.partial : EXIT.ok;
    } catch (err) {
      progress.done();
      if (err instanceof CandorError && values.json) io.out(`${JSON.stringify({ ok: false, code: err.code, message: err.message })}\n`);
      throw err;
    } finally {
      process.off('SIGINT', cancel);
      ws.close();
    }
  },
});
