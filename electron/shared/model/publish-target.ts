import { z } from 'zod';

// Where a site is published: a target's kind and its settings. Pure (zod only): the core, the contract and the CLI
// share it. Settings are what may be written down in the workspace (a bucket, a branch, a host); the secrets a
// target needs (keys, tokens, passwords) are never part of them: they live in the app's keychain store or, for the
// CLI, in environment variables (secrets.ts).

export const TargetName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a target name is lowercase letters, digits and dashes (at most 40), for example "production"');

export const TargetKind = z.enum(['s3', 'git', 'sftp']);
export type TargetKind = z.infer<typeof TargetKind>;

export const KIND_LABEL: Record<TargetKind, string> = { s3: 'S3-compatible storage', git: 'Git branch (Pages)', sftp: 'SFTP' };

/** A folder inside the bucket, branch or server: no leading or trailing slash, no "." or ".." parts. */
const Folder = z.string().max(300).transform((s) => s.trim().replace(/^\/+|\/+$/g, '')).refine((s) => s === '' || s.split('/').every((p) => p !== '' && p !== '.' && p !== '..'), 'a folder is names separated by "/", without "." or ".."');

/** Addresses never carry a user name or password: those are secrets, kept elsewhere. */
function noCredentials(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username === '' && u.password === '';
  } catch {
    return true;
  }
}

const HttpAddress = z.url({ protocol: /^https?$/, error: 'an http:// or https:// address' }).refine(noCredentials, 'the address must not contain a user name or password: enter those as the target’s credentials');
const PublicUrl = HttpAddress.optional();

export const S3Settings = z.strictObject({
  bucket: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$/, 'a bucket name is 3 to 63 letters, digits, dots and dashes'),
  /** "auto" for Cloudflare R2; the storage's region otherwise. */
  region: z.string().regex(/^[a-z0-9-]{2,40}$/, 'a region such as eu-west-1, or "auto" for Cloudflare R2').default('us-east-1'),
  /** For storage other than AWS: R2, MinIO, Backblaze B2 ... */
  endpoint: HttpAddress.optional(),
  /** Bucket in the path (bucket names in the host otherwise); on by default with an endpoint, as MinIO needs. */
  pathStyle: z.boolean().optional(),
  prefix: Folder.optional(),
  publicUrl: PublicUrl,
});
export type S3Settings = z.infer<typeof S3Settings>;

/** What the system `git` accepts as a remote, without credentials in it: https, ssh, scp-like or a local path. */
const GitRemote = z.string().min(1).max(2000).refine((u) => /^(https?:\/\/|ssh:\/\/|file:\/\/|git@[^:]+:|\/|[A-Za-z]:[\\/])/.test(u), 'a git remote such as https://github.com/org/site.git, git@github.com:org/site.git or a local path')
  .refine((u) => !/^https?:\/\//.test(u) || noCredentials(u), 'the address must not contain a user name or token: enter the token as the target’s credentials');

export const GitSettings = z.strictObject({
  url: GitRemote,
  /** gh-pages for GitHub Pages, pages for Codeberg, whatever GitLab's CI deploys from. */
  branch: z.string().regex(/^(?!.*\.\.)(?!\/)[A-Za-z0-9._/-]{1,100}(?<!\/)(?<!\.lock)$/, 'a branch name such as gh-pages').default('gh-pages'),
  /** A folder of the branch (GitHub Pages can serve /docs); the branch's root by default. */
  dir: Folder.optional(),
  /** The user name sent with a token over https (GitHub ignores it; GitLab wants "oauth2" for OAuth tokens). */
  username: z.string().max(200).optional(),
  authorName: z.string().min(1).max(200).optional(),
  authorEmail: z.email().optional(),
  publicUrl: PublicUrl,
});
export type GitSettings = z.infer<typeof GitSettings>;

export const HostKeyFingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'a host key fingerprint as ssh-keygen -l prints it: SHA256: and 43 characters');

export const SftpSettings = z.strictObject({
  host: z.string().regex(/^[A-Za-z0-9.-]{1,253}$|^\[[0-9A-Fa-f:.]+\]$/, 'a host name or address'),
  port: z.number().int().min(1).max(65535).default(22),
  username: z.string().min(1).max(200),
  /** The folder the web server serves (public_html, www, /var/www/site ...); relative to the login folder unless it starts with "/". */
  dir: z.string().min(1).max(500).refine((s) => !s.split('/').includes('..'), 'a folder without ".."'),
  /** The server's host key; saved at the first connection when not given, and required to match from then on. */
  hostKey: HostKeyFingerprint.optional(),
  publicUrl: PublicUrl,
});
export type SftpSettings = z.infer<typeof SftpSettings>;

export const TargetSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('s3'), settings: S3Settings }),
  z.object({ kind: z.literal('git'), settings: GitSettings }),
  z.object({ kind: z.literal('sftp'), settings: SftpSettings }),
]);
export type TargetSpec = z.infer<typeof TargetSpec>;

/** What the last successful publish left on the target. */
export const LastPublish = z.object({
  at: z.string(),
  actor: z.string(),
  manifest: z.string(),
  uploaded: z.number().int(),
  deleted: z.number().int(),
  files: z.number().int(),
  /** Old files that could not be removed: the next publish tries again. */
  leftovers: z.array(z.string()).default([]),
});
export type LastPublish = z.infer<typeof LastPublish>;

export type Target = TargetSpec & { id: string; name: string; createdAt: string; updatedAt: string; lastPublish: LastPublish | null };

/** One secret a kind of target uses: its key, a label for people, and the environment variable suffix the CLI reads. */
export type SecretField = { key: string; label: string; env: string; required: boolean; multiline?: boolean };

export const SECRET_FIELDS: Record<TargetKind, readonly SecretField[]> = {
  s3: [
    { key: 'accessKeyId', label: 'Access key ID', env: 'ACCESS_KEY_ID', required: true },
    { key: 'secretAccessKey', label: 'Secret access key', env: 'SECRET_ACCESS_KEY', required: true },
    { key: 'sessionToken', label: 'Session token (temporary keys only)', env: 'SESSION_TOKEN', required: false },
  ],
  // Without a token, git uses what the computer already has (an SSH key, a credential helper).
  git: [{ key: 'token', label: 'Access token (HTTPS remotes)', env: 'TOKEN', required: false }],
  sftp: [
    { key: 'password', label: 'Password', env: 'PASSWORD', required: false },
    { key: 'privateKey', label: 'Private key (OpenSSH or PEM)', env: 'PRIVATE_KEY', required: false, multiline: true },
    { key: 'passphrase', label: 'Passphrase of the private key', env: 'PASSPHRASE', required: false },
  ],
};

/** CANDOR_TARGET_<NAME>_<FIELD>: the target's name in capitals, dashes as underscores. */
export function secretEnvName(targetName: string, field: SecretField): string {
  return `CANDOR_TARGET_${targetName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${field.env}`;
}

/** Where the site ends up, for people: s3://bucket/prefix/, the remote and branch, sftp://user@host/dir. */
export function targetLocation(t: TargetSpec): string {
  switch (t.kind) {
    case 's3':
      return `s3://${t.settings.bucket}/${t.settings.prefix ? `${t.settings.prefix}/` : ''}${t.settings.endpoint ? ` at ${t.settings.endpoint}` : ''}`;
    case 'git':
      return `${t.settings.url} branch ${t.settings.branch}${t.settings.dir ? ` folder ${t.settings.dir}/` : ''}`;
    case 'sftp':
      return `sftp://${t.settings.username}@${t.settings.host}${t.settings.port === 22 ? '' : `:${t.settings.port}`} folder ${t.settings.dir}`;
  }
}
