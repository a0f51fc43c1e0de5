import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishToTarget } from '../../electron/core/publish/run.ts';
import { memorySecretStore } from '../../electron/core/publish/secrets.ts';
import { saveTarget } from '../../electron/core/publish/targets.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { cli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/workspace.ts';
import { demoSites } from './demo.ts';
import type { DemoSites } from './demo.ts';
import { downloadGit } from './download.ts';
import { bareRepo, git, gitMissing, ON_CI } from './servers.ts';

// The demo site published to a branch of a bare repository with the system git, as GitHub, GitLab or Codeberg
// Pages would serve it. The branch's history shows exactly what each publish changed.

const missing = gitMissing();
if (missing && ON_CI) throw new Error(`CI must run the git publish tests: ${missing}`);

let t: ReturnType<typeof tempDir>;
let demo: DemoSites;
let repo: string;
let ws: Workspace;
const secrets = memorySecretStore();

function changedIn(commit: string): string[] {
  return git(['--git-dir', repo, 'diff-tree', '-r', '--no-commit-id', '--name-only', `${commit}~1`, commit]).trim().split('\n').filter(Boolean).sort();
}

describe.skipIf(missing !== null)(`publishing to a git branch${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    t = tempDir('candor-publish-git-');
    demo = await demoSites(t.dir);
    repo = bareRepo(t.dir);
    ws = openWorkspace(demo.ws, { actor: 'tester' });
    saveTarget(ws, { name: 'pages', kind: 'git', settings: { url: repo, branch: 'gh-pages', authorName: 'Fernhill Support', authorEmail: 'support@fernhill.example' } });
  }, 120_000);

  afterAll(() => {
    ws?.close();
    t?.cleanup();
  });

  it('creates the branch with the whole site in one commit, and a fresh clone verifies', async () => {
    const r = await publishToTarget(ws, { target: 'pages', dir: demo.v1, secrets });
    expect(r.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(r.uploaded).toHaveLength(demo.m1.files.length + 1);
    expect(git(['--git-dir', repo, 'rev-parse', 'refs/heads/gh-pages']).trim()).toBe(r.commit);
    expect(git(['--git-dir', repo, 'log', '-1', '--format=%an <%ae>|%s', 'gh-pages']).trim()).toBe(`Fernhill Support <support@fernhill.example>|Publish Fernhill Outfitters Ltd's transparency site: ${demo.m1.files.length} files changed, 0 files removed (Candor)`);
    // The repository's other branch (its default) is left alone.
    expect(git(['--git-dir', repo, 'branch', '--list']).trim()).toBe('gh-pages');
    downloadGit(repo, 'gh-pages', join(t.dir, 'clone-1'));
    expect((await cli(['verify', join(t.dir, 'clone-1')])).code).toBe(0);
  });

  it('after one conversation changed, the next commit changes only those files and the manifest, and removes what is gone', async () => {
    const r = await publishToTarget(ws, { target: 'pages', dir: demo.v2, secrets });
    expect([...r.uploaded].sort()).toEqual([...demo.changed, 'manifest.json'].sort());
    expect(changedIn(r.commit!)).toEqual([...demo.changed, ...demo.removed, 'manifest.json'].sort());
    expect(r.deleted).toEqual(demo.removed);
    downloadGit(repo, 'gh-pages', join(t.dir, 'clone-2'));
    const v = await cli(['verify', join(t.dir, 'clone-2'), '--json']);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, files: demo.m2.files.length });
    const again = await publishToTarget(ws, { target: 'pages', dir: demo.v2, secrets });
    expect(again).toMatchObject({ uploaded: [], deleted: [], commit: null });
  });

  it('keeps files the host or the company added to the branch (a CNAME for a custom domain)', async () => {
    const work = join(t.dir, 'work');
    git(['clone', '--quiet', '--branch', 'gh-pages', repo, work]);
    writeFileSync(join(work, 'CNAME'), 'transparency.fernhill.example\n');
    git(['add', 'CNAME'], work);
    git(['-c', 'user.name=Host', '-c', 'user.email=host@example.org', 'commit', '--quiet', '-m', 'Custom domain'], work);
    git(['push', '--quiet', 'origin', 'gh-pages'], work);
    const r = await publishToTarget(ws, { target: 'pages', dir: demo.v1, secrets });
    expect(r.deleted.sort()).toEqual(demo.m2.files.filter((f) => !demo.m1.files.some((g) => g.path === f.path)).map((f) => f.path).sort());
    expect(git(['--git-dir', repo, 'show', 'gh-pages:CNAME'])).toBe('transparency.fernhill.example\n');
  });

  it('a rejected push changes nothing online and says to publish again', async () => {
    const hook = join(repo, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "pages are frozen for maintenance" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const before = git(['--git-dir', repo, 'rev-parse', 'gh-pages']).trim();
    try {
      await expect(publishToTarget(ws, { target: 'pages', dir: demo.v2, secrets })).rejects.toThrow(/pages are frozen for maintenance.*Nothing was changed online; publish again/s);
      expect(git(['--git-dir', repo, 'rev-parse', 'gh-pages']).trim()).toBe(before);
    } finally {
      writeFileSync(hook, '#!/bin/sh\nexit 0\n');
    }
    const r = await publishToTarget(ws, { target: 'pages', dir: demo.v2, secrets });
    expect([...r.uploaded].sort()).toEqual([...demo.changed, 'manifest.json'].sort());
  });

  it('says clearly when the remote cannot be reached', async () => {
    saveTarget(ws, { name: 'nowhere', kind: 'git', settings: { url: join(t.dir, 'no-such-repo.git') } });
    await expect(publishToTarget(ws, { target: 'nowhere', dir: demo.v2, secrets })).rejects.toMatchObject({ code: 'PUBLISH_FAILED', message: expect.stringMatching(/^Could not reach .*no-such-repo\.git \(git fetch\)/) });
  });
});
