import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { checkShrink } from '../../electron/core/site/build/load.ts';
import { MIXED_SITE, verifySite } from '../../electron/core/site/manifest.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { cli } from '../helpers/cli.ts';
import { runCli } from '../helpers/workspace.ts';
import { fixtureThreads, htmlPages, siteWorkspace, snapshot } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';

// A build stopped at the worst moment (killed while moving files into the site) is finished or rolled back by the
// next one, and `candor verify` says what happened instead of a bare mismatch; what dead builds left beside the
// site is removed; and a build that would take most of the site down asks first.
// The killed builds and the refusals run the real binary (exit codes 70 and 5, stderr); the builds and verifies
// after them run in this process (test/helpers/cli.ts), a spawned Node start saved each.

let fx: SiteWorkspace;

beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(20);
  fx = await siteWorkspace(threads, { withhold: withheld, pending });
}, 120_000);
afterAll(() => fx?.cleanup());

/** The fixture's threads are keyed by their source (fixtureThreads). */
const idOf = (i: number) => `${['zendesk', 'trustpilot', 'email'][i % 3]}:fx-${i}`;

const leftovers = () => readdirSync(fx.root).filter((n) => n.startsWith('.'));

function decide(ids: string[], decision: 'publish' | 'withhold'): void {
  const ws = openWorkspace(fx.dir);
  try {
    decideCurated(ws, { ids }, decision === 'withhold' ? { decision, reason: 'privacy-request', note: 'asked' } : { decision }, PUBLISH_GUARDS);
  } finally {
    ws.close();
  }
}

/** A clean build of the workspace as it is now, elsewhere: what any finished build must equal. */
async function cleanBuild(): Promise<Map<string, string>> {
  const out = join(fx.root, 'reference');
  rmSync(out, { recursive: true, force: true });
  await (await buildSite({ workspace: fx.dir, out, workers: 0 })).cleanup;
  const snap = snapshot(out);
  rmSync(out, { recursive: true });
  return snap;
}

describe('a build killed while moving files into the site', () => {
  it('leaves a site that verify calls mixed, and the next build finishes it', async () => {
    const site = join(fx.root, 'site-inplace');
    await (await buildSite({ workspace: fx.dir, out: site, workers: 0 })).cleanup;
    decide([idOf(3), idOf(4)], 'withhold');
    try {
      const killed = runCli(['build', fx.dir, '--out', site], { CANDOR_TEST_KILL_IN_COMMIT: '2' });
      expect(killed.code).toBe(70);
      const v = await cli(['verify', site]);
      expect(v.code).toBe(1);
      expect(v.stderr).toBe(`MISMATCH: ${MIXED_SITE}.\n`);
      expect(verifySite(site)).toMatchObject({ ok: false, problem: MIXED_SITE });
      const again = await cli(['build', fx.dir, '--out', site]);
      expect(again.code).toBe(0);
      expect((await cli(['verify', site])).code).toBe(0);
      expect(snapshot(site)).toEqual(await cleanBuild());
      expect(leftovers()).toEqual([]);
    } finally {
      decide([idOf(3), idOf(4)], 'publish');
      rmSync(site, { recursive: true, force: true });
    }
  }, 120_000);

  it('puts the previous site back when a clean build was killed between moving it aside and moving the new one in', async () => {
    const site = join(fx.root, 'site-swap');
    await (await buildSite({ workspace: fx.dir, out: site, workers: 0 })).cleanup;
    const before = snapshot(site);
    try {
      const killed = runCli(['build', fx.dir, '--out', site, '--clean'], { CANDOR_TEST_KILL_IN_COMMIT: '0' });
      expect(killed.code).toBe(70);
      expect(existsSync(site)).toBe(false);
      // The next build (of anything into that folder) first puts the previous site back, then builds on it.
      const again = await cli(['build', fx.dir, '--out', site]);
      expect(again.code).toBe(0);
      expect(snapshot(site)).toEqual(before);
      expect(leftovers()).toEqual([]);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }, 120_000);

  it('removes the temporary folders of builds whose process is gone, and keeps those of running ones', async () => {
    const site = join(fx.root, 'site-temp');
    const dead = join(fx.root, '.site-temp.candor-build-999999999-0badf00d');
    const running = join(fx.root, `.site-temp.candor-build-${process.ppid}-0badf00d`);
    mkdirSync(join(dead, 'threads'), { recursive: true });
    writeFileSync(join(dead, 'threads', 'half.html'), '<p>half a build</p>');
    mkdirSync(running);
    try {
      await (await buildSite({ workspace: fx.dir, out: site, workers: 0 })).cleanup;
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(running)).toBe(true);
    } finally {
      rmSync(running, { recursive: true, force: true });
      rmSync(site, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a build that would take most of the site down', () => {
  it.each([
    [100, 50, false, false],
    [100, 49, false, true],
    [100, 49, true, false],
    [0, 0, false, false],
    [null, 0, false, false],
    [1, 0, false, true],
  ] as const)('published %s, now %s, --allow-shrink %s: refused %s', (before, now, allowed, refused) => {
    const run = () => checkShrink(before, now, allowed);
    if (refused) expect(run).toThrow(/--allow-shrink/);
    else expect(run).not.toThrow();
  });

  it('is refused with exit code 5 and the site left as it was, and builds with --allow-shrink', async () => {
    const site = join(fx.root, 'site-shrink');
    await (await buildSite({ workspace: fx.dir, out: site, workers: 0 })).cleanup;
    const before = snapshot(site);
    const many = Array.from({ length: 12 }, (_, i) => idOf(i));
    decide(many, 'withhold');
    try {
      const refused = runCli(['build', fx.dir, '--out', site]);
      expect(refused.code).toBe(5);
      expect(refused.stderr).toContain('This build would publish 8 conversations where the site has 20: more than half would disappear from it. Nothing was changed. If that is what you mean, build again with --allow-shrink.');
      expect(snapshot(site)).toEqual(before);
      expect(leftovers()).toEqual([]);
      const allowed = await cli(['build', fx.dir, '--out', site, '--allow-shrink', '--json']);
      expect(allowed.code).toBe(0);
      expect(JSON.parse(allowed.stdout).threads).toBe(8);
    } finally {
      decide(many, 'publish');
      rmSync(site, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a conversation that cannot be rendered', () => {
  it('shows a staff reply nested 2,000 quotes deep as text instead of crashing', async () => {
    const { threads } = fixtureThreads(3);
    threads[1]!.messages[1]!.body = `${'> '.repeat(2000)}deep\n\n${'- '.repeat(2000)}list`;
    const t = await siteWorkspace(threads);
    try {
      const out = join(t.root, 'site');
      const r = await buildSite({ workspace: t.dir, out, workers: 0, search: false });
      await r.cleanup;
      expect(r.threads).toBe(5);
      const page = htmlPages(out).map((p) => readFileSync(join(out, p), 'utf8')).find((html) => html.includes('deep'))!;
      expect(page).toContain('&gt; &gt; &gt; &gt;');
      expect(page).not.toContain('<blockquote><blockquote>');
    } finally {
      t.cleanup();
    }
  }, 120_000);

  it('fails the build with its id and the reason, and builds once the curator withholds it', async () => {
    const { threads } = fixtureThreads(3);
    threads[2]!.messages[1]!.body = `Attached log: ${'x'.repeat(2_100_000)}`;
    threads[2]!.messages[1]!.format = 'text';
    const t = await siteWorkspace(threads);
    const out = join(t.root, 'site');
    try {
      const r = runCli(['build', t.dir, '--out', out]);
      expect(r.code).toBe(1);
      const named = /\(thread pages\): threads\/[0-9a-f]{2}\/t_[0-9a-f]+\.html \(thread (t_[0-9a-f]+)\): message 2 of 2 has 2,100,014 characters, more than the 2,000,000 a page shows\. Withhold this conversation \(or erase it\)/.exec(r.stderr);
      expect(named).not.toBeNull();
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(t.root).filter((n) => n.includes('candor-build'))).toEqual([]);
      const ws = openWorkspace(t.dir);
      try {
        // The id the error names is one the curator can act on.
        decideCurated(ws, { ids: [named![1]!] }, { decision: 'withhold', reason: 'other', note: 'too large to publish' }, PUBLISH_GUARDS);
      } finally {
        ws.close();
      }
      const again = await cli(['build', t.dir, '--out', out, '--json']);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ threads: 4, withheld: 1 });
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
