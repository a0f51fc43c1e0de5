import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CandorError } from '../errors.ts';
import type { OpenRemote, PutFile, Remote } from './remote.ts';
import type { GitSettings } from '../../shared/model/publish-target.ts';
import { targetLocation } from '../../shared/model/publish-target.ts';

// A branch of a git repository (GitHub, GitLab and Codeberg Pages), through the system `git`: it speaks every
// transport the user's setup does (https with a token, ssh with their key, a local path). Candor keeps a shallow
// bare clone per target in the cache folder and builds each commit with plumbing, without a working tree: the
// previous commit's tree is read into an index, the changed files are hashed in, removed ones dropped, and the new
// commit is pushed (never forced). A push is all-or-nothing, so a failure leaves the branch as it was.

type Run = { stdout: Buffer; stderr: string; code: number };

const NO_GIT = 'The git command is not installed on this computer. Install Git (https://git-scm.com/) or publish to S3-compatible storage or SFTP instead.';

function runGit(args: readonly string[], options: { gitDir: string; env: NodeJS.ProcessEnv; input?: string | Buffer; signal?: AbortSignal }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--git-dir', options.gitDir, ...args], { env: options.env, stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new CandorError('GIT_MISSING', NO_GIT) : e));
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim(), code: code ?? -1 }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** The environment git runs with: never a prompt, messages in English, the token (if any) only for this remote. */
export function gitEnv(settings: GitSettings, secrets: Record<string, string>, actor: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C' };
  if (!env.GIT_SSH_COMMAND) env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
  const name = settings.authorName ?? `${actor} (Candor)`;
  const email = settings.authorEmail ?? 'candor@localhost.invalid';
  Object.assign(env, { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email });
  const config: [string, string][] = [];
  if (secrets.token) {
    // In the environment, not on the command line (other users can read a process's arguments); scoped to this
    // remote's address so a redirect elsewhere does not carry it.
    const basic = Buffer.from(`${settings.username ?? 'x-access-token'}:${secrets.token}`).toString('base64');
    config.push(['credential.helper', ''], [`http.${settings.url}.extraHeader`, `Authorization: Basic ${basic}`]);
  }
  env.GIT_CONFIG_COUNT = String(config.length);
  config.forEach(([k, v], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = k;
    env[`GIT_CONFIG_VALUE_${i}`] = v;
  });
  return env;
}

const STAGE_BATCH = 500;

export const openGit: OpenRemote = async (target, secrets, ctx, signal) => {
  if (target.kind !== 'git') throw new Error('openGit needs a git target');
  const settings = target.settings;
  const gitDir = join(ctx.cacheDir, `${target.id}.git`);
  const env = gitEnv(settings, secrets, ctx.actor);
  const indexFile = join(gitDir, `candor-index-${process.pid}`);
  const git = async (args: readonly string[], input?: string | Buffer, what = `git ${args[0]}`, sig: AbortSignal = signal): Promise<Buffer> => {
    const r = await runGit(args, { gitDir, env: { ...env, GIT_INDEX_FILE: indexFile }, input, signal: sig });
    if (r.code !== 0) throw new CandorError('PUBLISH_FAILED', `${what} failed: ${r.stderr || `exit code ${r.code}`}`);
    return r.stdout;
  };
  const ref = 'refs/candor/published';
  const inBranch = (path: string) => (settings.dir ? `${settings.dir}/${path}` : path);

  if (!existsSync(join(gitDir, 'HEAD'))) {
    mkdirSync(gitDir, { recursive: true });
    await git(['init', '--bare', '--quiet'], undefined, 'Preparing the local copy (git init)');
  }
  // The branch as it is now; a repository or branch that does not exist yet is a first publish.
  const fetched = await runGit(['fetch', '--quiet', '--no-tags', '--depth=1', settings.url, `+refs/heads/${settings.branch}:${ref}`], { gitDir, env, signal });
  let tip: string | null = null;
  if (fetched.code === 0) tip = (await git(['rev-parse', '--verify', `${ref}^{commit}`])).toString('utf8').trim();
  else if (/couldn't find remote ref/i.test(fetched.stderr)) await runGit(['update-ref', '-d', ref], { gitDir, env, signal });
  else throw new CandorError('PUBLISH_FAILED', `Could not reach ${settings.url} (git fetch): ${fetched.stderr || `exit code ${fetched.code}`}`, { field: 'url' });

  await git(tip ? ['read-tree', tip] : ['read-tree', '--empty']);
  const baseTree = tip ? (await git(['rev-parse', `${tip}^{tree}`])).toString('utf8').trim() : null;

  const stage = async (files: readonly PutFile[], sig: AbortSignal) => {
    const hashes = (await git(['hash-object', '-w', '--no-filters', '--stdin-paths'], files.map((f) => f.abs).join('\n') + '\n', 'Adding files (git hash-object)', sig)).toString('utf8').trim().split('\n');
    if (hashes.length !== files.length) throw new CandorError('PUBLISH_FAILED', `git hash-object returned ${hashes.length} hashes for ${files.length} files.`);
    await git(['update-index', '-z', '--add', '--index-info'], files.map((f, i) => `100644 ${hashes[i]}\t${inBranch(f.path)}\0`).join(''), 'Adding files (git update-index)', sig);
  };

  const remote: Remote = {
    location: targetLocation(target),
    atomic: true,
    concurrency: 1,
    async read(path, sig) {
      if (!tip) return null;
      const r = await runGit(['cat-file', 'blob', `${tip}:${inBranch(path)}`], { gitDir, env, signal: sig });
      return r.code === 0 ? r.stdout : null;
    },
    async put(file, sig) {
      await stage([file], sig);
    },
    async putMany(files, sig, done) {
      for (let i = 0; i < files.length; i += STAGE_BATCH) {
        sig.throwIfAborted();
        const batch = files.slice(i, i + STAGE_BATCH);
        await stage(batch, sig);
        done(batch.length);
      }
    },
    async remove(paths, sig) {
      // Mode 0 in --index-info removes the path from the index (no work tree needed, unlike --force-remove).
      if (paths.length) await git(['update-index', '-z', '--index-info'], paths.map((p) => `0 ${'0'.repeat(40)}\t${inBranch(p)}\0`).join(''), 'Removing files (git update-index)', sig);
      return [];
    },
    async commit(message, sig) {
      const tree = (await git(['write-tree'], undefined, 'git write-tree', sig)).toString('utf8').trim();
      if (tree === baseTree) return null;
      const commit = (await git(['commit-tree', '--no-gpg-sign', tree, ...(tip ? ['-p', tip] : []), '-m', message], undefined, 'git commit-tree', sig)).toString('utf8').trim();
      const pushed = await runGit(['push', '--quiet', '--porcelain', settings.url, `${commit}:refs/heads/${settings.branch}`], { gitDir, env, signal: sig });
      if (pushed.code !== 0) {
        const moved = /non-fast-forward|fetch first|rejected/i.test(pushed.stderr);
        throw new CandorError('PUBLISH_FAILED', moved
          ? `The branch ${settings.branch} changed on ${settings.url} while publishing (someone else pushed). Nothing was changed online; publish again.`
          : `git push to ${settings.url} failed: ${pushed.stderr || `exit code ${pushed.code}`}. Nothing was changed online; publish again once this is fixed.`);
      }
      await git(['update-ref', ref, commit], undefined, 'git update-ref', sig);
      return commit;
    },
    async close() {
      rmSync(indexFile, { force: true });
    },
  };
  return remote;
};
