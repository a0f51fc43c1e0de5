import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { BuildError } from '../../electron/core/site/build/errors.ts';
import { KEEP_STATES, STATE_DIR, statePaths } from '../../electron/core/site/build-state.ts';
import { initSigningKey } from '../../electron/core/site/keys.ts';
import { readManifest, verifySite } from '../../electron/core/site/manifest.ts';
import { OpenClaimsFile, OpenThreadsFile } from '../../electron/core/site/open-data/schemas.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { cli as inProcess } from '../helpers/cli.ts';
import { runCli } from '../helpers/workspace.ts';
import { fixtureThreads, htmlPages, listFiles, SECRETS, siteText, siteWorkspace, snapshot } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';

let fx: SiteWorkspace;
let site: string;
let report: Awaited<ReturnType<typeof buildSite>>;

beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(24);
  fx = await siteWorkspace(threads, { withhold: withheld, pending });
  site = join(fx.root, 'site');
  report = await buildSite({ workspace: fx.dir, out: site, baseUrl: 'https://transparency.acme.example/' });
  await report.cleanup;
});
afterAll(() => fx?.cleanup());

/** A fixture thread gets a new public staff reply at the source and is imported again, as a re-import does. */
async function reimportWithReply(t: SiteWorkspace, id: string, reply: { id: string; sent_at: string; body: string }): Promise<void> {
  const [rec] = fixtureThreads(30).threads.filter((x) => x.id === id);
  rec!.messages.push({ ...reply, author: { role: 'staff', name: 'Sam' } });
  const file = join(t.root, `update-${reply.id}.jsonl`);
  writeFileSync(file, `${JSON.stringify(rec)}\n`);
  const ws = openWorkspace(t.dir);
  await runImport(ws, [file]);
  ws.close();
}

describe('what the site publishes', () => {
  it('has every page the issue lists', () => {
    const files = new Set(listFiles(site));
    for (const f of ['index.html', 'conversations/index.html', 'conversations/complaints/index.html', 'topics/index.html', 'moderation.html', 'methodology.html',
      'search.html', 'data/index.html', '404.html', 'data/threads.json', 'data/threads.csv', 'data/messages.csv', 'data/claims.json', 'data/claims.csv',
      'data/threads.schema.json', 'data/claims.schema.json', 'feed.xml', 'sitemap.xml', 'robots.txt', 'manifest.json', 'assets/site.css', 'search/0/pagefind.js']) {
      expect(files.has(f), f).toBe(true);
    }
    expect(htmlPages(site).filter((p) => p.startsWith('threads/'))).toHaveLength(24);
    expect(report).toMatchObject({ threads: 24, withheld: 1, claims: 0 });
    expect(report.pages).toBe(htmlPages(site).length);
  });

  it('never contains internal notes, private metadata, or threads that are not published: in any file, the search index included', () => {
    const texts = siteText(site);
    expect(texts.size).toBeGreaterThan(40);
    for (const [file, text] of texts) {
      for (const [what, secret] of Object.entries(SECRETS)) expect(text.includes(secret), `${what} in ${file}`).toBe(false);
    }
    const thread = texts.get(htmlPages(site).find((p) => p.startsWith('threads/'))!)!;
    expect(thread).toContain('[email removed]');
    expect(thread).toContain('[phone removed]');
    expect(thread).toContain('Customer in Leeds');
  });

  it('writes threads.json exactly as specified, and it matches its schema', () => {
    const raw = JSON.parse(readFileSync(join(site, 'data/threads.json'), 'utf8')) as { threads: Record<string, unknown>[] };
    expect(Object.keys(raw)).toEqual(['threads']);
    expect(raw.threads).toHaveLength(24);
    expect(Object.keys(raw.threads[0]!)).toEqual(['id', 'source', 'kind', 'subject', 'rating', 'status', 'opened_at', 'resolved_at', 'tags', 'messages']);
    expect(Object.keys((raw.threads[0]!.messages as Record<string, unknown>[])[0]!)).toEqual(['role', 'author', 'sent_at', 'body']);
    const parsed = OpenThreadsFile.parse(raw);
    expect(parsed.threads.every((t) => t.messages.length === 2)).toBe(true);
    OpenClaimsFile.parse(JSON.parse(readFileSync(join(site, 'data/claims.json'), 'utf8')));
    const schema = JSON.parse(readFileSync(join(site, 'data/threads.schema.json'), 'utf8')) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://transparency.acme.example/data/threads.schema.json');
  });

  it('writes CSV with one row per thread and per message', () => {
    const threads = readFileSync(join(site, 'data/threads.csv'), 'utf8').trimEnd().split('\r\n');
    expect(threads[0]).toBe('id,source,kind,subject,rating,status,opened_at,resolved_at,tags,messages');
    expect(threads).toHaveLength(25);
    const messages = readFileSync(join(site, 'data/messages.csv'), 'utf8');
    expect(messages.startsWith('thread_id,position,role,author,sent_at,body\r\n')).toBe(true);
  });

  it('has an Atom feed, a sitemap with absolute addresses, robots.txt and JSON-LD', () => {
    const feed = readFileSync(join(site, 'feed.xml'), 'utf8');
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(feed.match(/<entry>/g)).toHaveLength(24);
    const sitemap = readFileSync(join(site, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://transparency.acme.example/index.html</loc>');
    expect(sitemap).not.toContain('404.html');
    expect(readFileSync(join(site, 'robots.txt'), 'utf8')).toContain('Sitemap: https://transparency.acme.example/sitemap.xml');
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('"@type":"Organization","name":"Acme Test Ltd"');
    const rated = htmlPages(site).map((p) => readFileSync(join(site, p), 'utf8')).find((h) => h.includes('"@type":"Review"'))!;
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(rated)![1]!) as Record<string, unknown>;
    expect(ld).toMatchObject({ '@type': 'Review', reviewRating: { '@type': 'Rating', bestRating: 5, worstRating: 1 }, author: { name: 'Customer in Leeds' } });
    expect((ld.comment as { '@type': string; author: { '@type': string } }[])[0]).toMatchObject({ '@type': 'Comment', author: { '@type': 'Organization' } });
  });

  it('carries a strict CSP and runs no script outside the search page', () => {
    for (const page of htmlPages(site)) {
      const html = readFileSync(join(site, page), 'utf8');
      expect(html, page).toContain('<meta http-equiv="Content-Security-Policy"');
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      for (const attrs of scripts) expect(attrs === ' type="application/ld+json"' || (page === 'search.html' && attrs.includes('src="assets/search.js"')), `${page}: <script${attrs}>`).toBe(true);
      if (page !== 'search.html') expect(html).toContain("script-src &#39;none&#39;");
      expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!transparency\.acme\.example|example\.com)/);
    }
  });
});

describe('integrity', () => {
  it('lists every file in the manifest, and verify accepts the site', () => {
    const manifest = readManifest(site)!;
    const files = listFiles(site).filter((f) => f !== 'manifest.json').sort((a, b) => (a < b ? -1 : 1));
    expect(manifest.files.map((f) => f.path)).toEqual(files);
    expect(manifest.build).toMatchObject({ organisation: 'Acme Test Ltd', threads: 24, withheld: 1, pending: 1, search: true, signed: false, baseUrl: 'https://transparency.acme.example/' });
    expect(verifySite(site)).toMatchObject({ ok: true, signed: false });
  });

  it('names the first file that changed, was removed or was added', async () => {
    const copy = join(fx.root, 'tampered');
    cpSync(site, copy, { recursive: true });
    try {
      const page = join(copy, 'moderation.html');
      writeFileSync(page, readFileSync(page, 'utf8').replace('Moderation report', 'Moderation rep0rt'));
      expect(verifySite(copy)).toMatchObject({ ok: false, path: 'moderation.html' });
      const cli = await inProcess(['verify', copy]);
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain('moderation.html has changed');
      cpSync(join(site, 'moderation.html'), page);
      writeFileSync(join(copy, 'extra.html'), 'x');
      expect(verifySite(copy)).toMatchObject({ ok: false, path: 'extra.html' });
      rmSync(join(copy, 'extra.html'));
      rmSync(join(copy, 'robots.txt'));
      expect(verifySite(copy)).toMatchObject({ ok: false, path: 'robots.txt' });
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('signs the manifest with Ed25519 and publishes the key', async () => {
    const signed = await siteWorkspace(fixtureThreads(3).threads);
    try {
      const ws = openWorkspace(signed.dir);
      const key = initSigningKey(ws);
      ws.close();
      const out = join(signed.root, 'site');
      await (await buildSite({ workspace: signed.dir, out, search: false })).cleanup;
      expect(readFileSync(join(out, 'signing-key.pem'), 'utf8')).toBe(key.publicKeyPem);
      expect(readFileSync(join(out, 'methodology.html'), 'utf8')).toContain(key.fingerprint);
      expect(verifySite(out)).toEqual({ ok: true, files: readManifest(out)!.files.length, signed: true, fingerprint: key.fingerprint });
      expect((await inProcess(['verify', out, '--key', join(signed.dir, 'keys', 'site-signing-key.pub.pem')])).code).toBe(0);
      // Re-signing a changed manifest needs the private key: editing it breaks the signature.
      const manifest = join(out, 'manifest.json');
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"organisation":"Acme Test Ltd"', '"organisation":"Acme Test Lte"'));
      expect(verifySite(out)).toMatchObject({ ok: false, path: 'manifest.sig' });
      // A different key does not verify the site.
      const other = await siteWorkspace([]);
      const otherWs = openWorkspace(other.dir);
      const otherKey = initSigningKey(otherWs);
      otherWs.close();
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"organisation":"Acme Test Lte"', '"organisation":"Acme Test Ltd"'));
      expect(verifySite(out)).toMatchObject({ ok: true });
      expect(verifySite(out, { publicKeyPem: otherKey.publicKeyPem })).toMatchObject({ ok: false, path: 'manifest.sig' });
      other.cleanup();
      expect((await inProcess(['keys', 'init', signed.dir])).code).toBe(1);
    } finally {
      signed.cleanup();
    }
  });
});

describe('deterministic, atomic and incremental builds', () => {
  it('gives byte-identical sites for the same workspace state', async () => {
    const again = join(fx.root, 'again');
    await (await buildSite({ workspace: fx.dir, out: again, baseUrl: 'https://transparency.acme.example/' })).cleanup;
    expect(snapshot(again)).toEqual(snapshot(site));
    rmSync(again, { recursive: true });
  });

  it('refuses a folder that is not a Candor site and leaves it untouched', async () => {
    const other = join(fx.root, 'not-a-site');
    mkdirSync(other);
    writeFileSync(join(other, 'thesis.docx'), 'precious');
    const r = await inProcess(['build', fx.dir, '--out', other]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not empty and is not a site Candor built');
    expect(readdirSync(other)).toEqual(['thesis.docx']);
    expect(readdirSync(fx.root).filter((n) => n.includes('candor-build'))).toEqual([]);
  });

  it('leaves the previous site as it was when a build fails', async () => {
    const copy = join(fx.root, 'previous');
    cpSync(site, copy, { recursive: true });
    const before = snapshot(copy);
    const override = join(fx.dir, 'templates', 'pages', 'moderation.liquid');
    mkdirSync(dirname(override), { recursive: true });
    writeFileSync(override, '{% layout "layouts/base" %}{% block content %}{{ no_such_value }}{% endblock %}');
    try {
      // The error names the phase, the page and what failed in the template.
      await expect(buildSite({ workspace: fx.dir, out: copy })).rejects.toThrow(/\(fixed pages\): moderation\.html: Template pages\/moderation\.liquid failed: .*no_such_value/);
      expect(snapshot(copy)).toEqual(before);
      expect(readdirSync(fx.root).filter((n) => n.includes('candor-build'))).toEqual([]);
    } finally {
      rmSync(join(fx.dir, 'templates'), { recursive: true, force: true });
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it.each([
    ['a thread page on a render worker', 'pages/thread.liquid', /\(thread pages\): threads\/[0-9a-f]{2}\/t_[0-9a-f]+\.html \(thread t_[0-9a-f]+\): Template pages\/thread\.liquid failed: .*no_such_value/],
    ['a thread page', 'pages/thread.liquid', /\(thread pages\): threads\/[0-9a-f]{2}\/t_[0-9a-f]+\.html \(thread t_[0-9a-f]+\): Template pages\/thread\.liquid failed: .*no_such_value/],
    ['a list page', 'pages/list.liquid', /\(list pages\): conversations\/index\.html: Template pages\/list\.liquid failed: .*no_such_value/],
  ])('names the phase, the file and the thread when %s fails', async (what, template, message) => {
    const copy = join(fx.root, 'previous');
    cpSync(site, copy, { recursive: true });
    const before = snapshot(copy);
    const override = join(fx.dir, 'templates', template);
    mkdirSync(dirname(override), { recursive: true });
    writeFileSync(override, '{% layout "layouts/base" %}{% block content %}{{ no_such_value }}{% endblock %}');
    try {
      const failed = await buildSite({ workspace: fx.dir, out: copy, clean: true, workers: what.includes('worker') ? 1 : 0 }).then(() => null, (err: unknown) => err);
      expect(failed).toBeInstanceOf(BuildError);
      expect((failed as BuildError).message).toMatch(message);
      expect((failed as BuildError).code).toBe('TEMPLATE_ERROR');
      expect(snapshot(copy)).toEqual(before);
    } finally {
      rmSync(join(fx.dir, 'templates'), { recursive: true, force: true });
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('uses workspace overrides of theme files', async () => {
    const override = join(fx.dir, 'templates', 'partials', 'thread-card.liquid');
    mkdirSync(dirname(override), { recursive: true });
    writeFileSync(override, '<p class="custom-card"><a href="{{ root }}{{ t.url }}">{{ t.subject }}</a></p>');
    const out = join(fx.root, 'overridden');
    try {
      await (await buildSite({ workspace: fx.dir, out, search: false })).cleanup;
      const list = readFileSync(join(out, 'conversations/index.html'), 'utf8');
      expect(list).toContain('<p class="custom-card"><a href="../threads/');
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<p class="custom-card"><a href="threads/');
    } finally {
      rmSync(join(fx.dir, 'templates'), { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('re-renders only what a one-thread change touches, and gives the same bytes as a clean build', async () => {
    const t = await siteWorkspace(fixtureThreads(30).threads);
    try {
      const out = join(t.root, 'site');
      const first = await buildSite({ workspace: t.dir, out });
      await first.cleanup;
      expect(first.incremental).toBe(false);
      const nothing = await buildSite({ workspace: t.dir, out });
      await nothing.cleanup;
      expect(nothing).toMatchObject({ incremental: true, rendered: 0 });

      // One thread gets a new reply at the source and is imported again.
      await reimportWithReply(t, 'fx-7', { id: 'm4', sent_at: '2026-02-09T12:00:00Z', body: 'A new public reply.' });

      const inc = await buildSite({ workspace: t.dir, out });
      await inc.cleanup;
      expect(inc.incremental).toBe(true);
      expect(inc.reused).toBeGreaterThanOrEqual(29);
      // Its page, the first page of each list it is on (all, its kind, its two topics, its year, its status, its star
      // rating) and the fixed pages whose figures moved; not the other 29 threads or the lists without it.
      expect(inc.rendered).toBeLessThan(14);
      expect(readFileSync(join(out, 'data/threads.json'), 'utf8')).toContain('A new public reply.');
      const clean = join(t.root, 'clean');
      await (await buildSite({ workspace: t.dir, out: clean })).cleanup;
      expect(snapshot(out)).toEqual(snapshot(clean));
      expect(verifySite(out)).toMatchObject({ ok: true });

      // Unpublishing one thread removes its page everywhere, again identical to a clean build.
      const ws2 = openWorkspace(t.dir);
      decideCurated(ws2, { ids: ['zendesk:fx-3'] }, { decision: 'withhold', reason: 'legal', note: 'case opened' }, PUBLISH_GUARDS);
      ws2.close();
      const inc2 = await buildSite({ workspace: t.dir, out });
      await inc2.cleanup;
      const clean2 = join(t.root, 'clean2');
      await (await buildSite({ workspace: t.dir, out: clean2 })).cleanup;
      expect(snapshot(out)).toEqual(snapshot(clean2));
      expect(inc2.threads).toBe(31);
      expect(existsSync(join(t.root, 'site'))).toBe(true);
    } finally {
      t.cleanup();
    }
  });

  it('keeps rebuilding correctly over many changes, and the list items it keeps for the next build stay bounded', async () => {
    const t = await siteWorkspace(fixtureThreads(30).threads);
    try {
      const out = join(t.root, 'site');
      await (await buildSite({ workspace: t.dir, out })).cleanup;
      const cardsFile = statePaths(t.dir, out).cards;
      const sizes: number[] = [];
      for (let round = 0; round < 8; round++) {
        await reimportWithReply(t, `fx-${round}`, { id: `late-${round}`, sent_at: '2026-03-01T12:00:00Z', body: `Reply number ${round}.` });
        const inc = await buildSite({ workspace: t.dir, out });
        await inc.cleanup;
        expect(inc.incremental).toBe(true);
        sizes.push(statSync(cardsFile).size);
      }
      // Search re-reads a changed thread's whole bundle, so items are appended each round; the file is written
      // afresh once most of it is no longer used.
      expect(Math.max(...sizes)).toBeLessThan(2 * sizes[0]! + (64 << 10) + 40_000);
      expect(new Set(sizes).size).toBeGreaterThan(1);
      const clean = join(t.root, 'clean');
      await (await buildSite({ workspace: t.dir, out: clean })).cleanup;
      expect(snapshot(out)).toEqual(snapshot(clean));
      for (let round = 0; round < 8; round++) expect(readFileSync(join(out, 'data/threads.json'), 'utf8')).toContain(`Reply number ${round}.`);
    } finally {
      t.cleanup();
    }
  });
});

describe('the build state kept in the workspace', () => {
  it('is kept for the four output folders built most recently, and the older ones are removed', async () => {
    const t = await siteWorkspace(fixtureThreads(6).threads);
    try {
      const outs = Array.from({ length: 6 }, (_, i) => join(t.root, `export-${i}`));
      for (const out of outs) {
        await (await buildSite({ workspace: t.dir, out, search: false })).cleanup;
        // mtime resolution: the order of the saves must be visible.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const cacheDir = join(t.dir, STATE_DIR);
      const kept = readdirSync(cacheDir).filter((n) => n.endsWith('.json')).sort();
      expect(kept).toEqual(outs.slice(-KEEP_STATES).map((o) => basename(statePaths(t.dir, o).state)).sort());
      expect(readdirSync(cacheDir).filter((n) => n.endsWith('.cards'))).toHaveLength(KEEP_STATES);
      // The newest folder rebuilds from its state; the oldest builds clean, and both give the same site as before.
      const before = snapshot(outs[0]!);
      const newest = await buildSite({ workspace: t.dir, out: outs.at(-1)!, search: false });
      await newest.cleanup;
      expect(newest.incremental).toBe(true);
      const oldest = await buildSite({ workspace: t.dir, out: outs[0]!, search: false });
      await oldest.cleanup;
      expect(oldest.incremental).toBe(false);
      expect(snapshot(outs[0]!)).toEqual(before);
    } finally {
      t.cleanup();
    }
  });
});

// The real binary once (exit code, streams, start-up); the other commands in this process (test/helpers/cli.ts).
describe('candor build on the command line', () => {
  it('prints exactly the documented JSON', () => {
    const out = join(fx.root, 'cli-site');
    const r = runCli(['build', fx.dir, '--out', out, '--json', '--no-search', '--theme', 'default']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['out', 'pages', 'threads', 'withheld', 'claims', 'bytes', 'ms']);
    expect(json).toMatchObject({ out, threads: 24, withheld: 1, claims: 0 });
    rmSync(out, { recursive: true });
  });

  it('explains bad flags and unknown themes', async () => {
    expect((await inProcess(['build', fx.dir])).code).toBe(2);
    const theme = await inProcess(['build', fx.dir, '--out', join(fx.root, 'x'), '--theme', 'nope']);
    expect(theme.code).toBe(1);
    expect(theme.stderr).toContain('There is no theme "nope"');
    expect((await inProcess(['build', fx.dir, '--out', join(fx.root, 'x'), '--base-url', 'ftp://x'])).stderr).toContain('--base-url must start with https://');
    expect(existsSync(join(fx.root, 'x'))).toBe(false);
  });
});
