import { closeSync, fstatSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedThread, siteViewRules } from '../../electron/core/curation/published.ts';
import { viewRules } from '../../electron/core/curation/public-view.ts';
import { refreshScans } from '../../electron/core/curation/scan.ts';
import { writeSetting } from '../../electron/core/curation/settings.ts';
import { DataWriter } from '../../electron/core/site/open-data/row-files.ts';
import { chunkSizes } from '../../electron/core/site/build/plan.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { siteStats } from '../../electron/core/site/site-data.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { runCli } from '../helpers/workspace.ts';
import { fixtureThreads, siteText, siteWorkspace, snapshot } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// A worker that dies mid-build (a crash, process.exit, running out of memory) must fail the build: exit code 1, the
// previous site as it was, no temporary folder left, and never a build that waits forever or ends with exit 0.
// The workers are killed for real through CANDOR_TEST_CRASH_WORKER (worker-link.ts).

let fx: SiteWorkspace;
let site: string;

beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(40);
  fx = await siteWorkspace(threads, { withhold: withheld, pending });
  site = join(fx.root, 'site');
  await (await buildSite({ workspace: fx.dir, out: site, workers: 0 })).cleanup;
});
afterAll(() => fx?.cleanup());

const leftovers = () => readdirSync(fx.root).filter((n) => n.includes('candor-build') || n.includes('candor-old') || n.includes('candor-commit'));

describe('a worker that dies mid-build', () => {
  it('hands the 40 threads out as two chunks, so with two workers both die at once', () => {
    expect(chunkSizes(40)).toHaveLength(2);
  });

  it.each([
    ['a render worker exits', 'render', ['--workers', '2', '--clean'], /worker for rendering pages stopped unexpectedly \(exit code 70\)/],
    ['a render worker runs out of memory', 'render:oom', ['--workers', '1', '--clean'], /worker for rendering pages ran out of memory/],
    ['a search worker exits', 'search', ['--workers', '0', '--clean'], /search index failed: The worker for the search index stopped unexpectedly/],
  ])('fails the build when %s: exit 1, previous site untouched, no temporary folder', (_what, hook, flags, message) => {
    const before = snapshot(site);
    const r = runCli(['build', fx.dir, '--out', site, ...flags], { CANDOR_TEST_CRASH_WORKER: hook });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).not.toContain('Built ');
    expect(snapshot(site)).toEqual(before);
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it('still builds with the same flags when no worker is killed', () => {
    const r = runCli(['build', fx.dir, '--out', site, '--workers', '2', '--clean']);
    expect(r.stderr).not.toContain('could not be built');
    expect(r.code).toBe(0);
    expect(runCli(['verify', site]).code).toBe(0);
  }, 60_000);
});

describe('a build abandoned after its open data was written', () => {
  // Seen on CI: a cancelled export closed the data files a second time, and by then their descriptor numbers
  // belonged to a preview the app was serving, which broke mid-response and took the web server down.
  it('leaves a file opened since then open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-writer-'));
    try {
      const writer = new DataWriter({ worker: false });
      const file = writer.file('data/threads.json', join(dir, 'threads.json'), null);
      file.write('[]');
      const [info] = await writer.close([file]);
      expect(info?.size).toBe(2);
      const other = openSync(join(dir, 'threads.json'), 'r');
      try {
        await writer.abort();
        expect(fstatSync(other).size).toBe(2);
      } finally {
        closeSync(other);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the helper every other worker is started with', () => {
  const withHook = async <T>(hook: string, run: () => Promise<T>): Promise<T> => {
    process.env.CANDOR_TEST_CRASH_WORKER = hook;
    try {
      return await run();
    } finally {
      delete process.env.CANDOR_TEST_CRASH_WORKER;
    }
  };

  it('fails the open data writer when its worker exits, instead of waiting for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-writer-'));
    try {
      const err = await withHook('open-data', async () => {
        const writer = new DataWriter({ worker: true });
        const file = writer.file('data/threads.json', join(dir, 'threads.json'), null);
        file.write('x'.repeat(5 << 20));
        return writer.close([file]).then(() => null, (e: unknown) => e as Error);
      });
      expect(err?.message).toMatch(/worker for writing the open data stopped unexpectedly \(exit code 70\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the statistics when their worker exits', async () => {
    const ws = openWorkspace(fx.dir);
    try {
      await expect(withHook('stats', () => siteStats(ws.db, ws.dir, { worker: true }))).rejects.toThrow(/worker for the statistics stopped unexpectedly/);
      // And answers when it does not.
      expect((await siteStats(ws.db, ws.dir, { worker: true })).stats.overall).toBeDefined();
    } finally {
      ws.close();
    }
  });
});

// Render workers run no personal data detector (they never scan: the builder has checked the scans). What they must
// not show that only a detector can tell, a topic name holding personal data, the builder checks for them.
describe('render workers that load no detector', () => {
  it('leave out a topic whose name holds personal data, on every page and in the open data, as the app shows it', async () => {
    const ws = openWorkspace(fx.dir);
    const out = join(fx.root, 'site-topics');
    try {
      writeSetting(ws.db, 'tester', 'topicRules', { Lateness: ['late'], 'ask jane.doe@gmail.com': ['late'] });
      refreshScans(ws.db);
      const view = siteViewRules(ws);
      expect(view.safeTopics).toEqual(['Lateness']);
      // A topic name the builder did not check is not shown (a rule added while the site is built).
      expect(viewRules(view).topicSafe('call 0161 496 0123')).toBe(false);
      const preview = publishedThread(ws, 'zendesk:fx-0')!;
      expect(preview.topics).toEqual(['Lateness']);
      const report = await buildSite({ workspace: ws, out, workers: 2 });
      await report.cleanup;
      const text = [...siteText(out).values()].join('\n');
      expect(text).not.toContain('jane.doe');
      const json = JSON.parse(readFileSync(join(out, 'data', 'threads.json'), 'utf8')) as { threads: { id: string; tags: string[] }[] };
      expect(json.threads.find((t) => t.id === preview.id)?.tags).toContain('Lateness');
      // The builder keeps the verdicts on the names it checked; a name added since is checked when the site is built.
      writeSetting(ws.db, 'tester', 'topicRules', { Lateness: ['late'], 'ask jane.doe@gmail.com': ['late'], 'call 0161 496 0123': ['late'] });
      await (await buildSite({ workspace: ws, out, workers: 2 })).cleanup;
      const again = [...siteText(out).values()].join('\n');
      expect(again).not.toMatch(/jane\.doe|0161 496 0123/);
      expect(again).toContain('Lateness');
    } finally {
      writeSetting(ws.db, 'tester', 'topicRules', {});
      ws.close();
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

// The sitemap is written while the render workers may still be making the list pages: it must still list every page.
describe('a site built on render workers', () => {
  it('lists every page in its sitemap, the list pages the workers make among them, and nothing else', async () => {
    const out = join(fx.root, 'site-sitemap');
    try {
      await (await buildSite({ workspace: fx.dir, out, workers: 2, clean: true })).cleanup;
      const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).map((p) => p.split('\\').join('/'))
        .filter((p) => p.endsWith('.html') && p !== '404.html').sort();
      expect(pages.filter((p) => p.startsWith('conversations/') && !p.startsWith('conversations/c')).length).toBeGreaterThan(3);
      const locs = [...readFileSync(join(out, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
      // The longest page path an address ends with is its page ("topics/billing/index.html", not "index.html").
      const byLength = [...pages].sort((a, b) => b.length - a.length);
      const listed = new Set(locs.map((loc) => byLength.find((p) => loc.endsWith(`/${p}`) || loc === p) ?? `not a page: ${loc}`));
      expect([...listed].sort()).toEqual(pages);
      expect(locs).toHaveLength(pages.length);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
