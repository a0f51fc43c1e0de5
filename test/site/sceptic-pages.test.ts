import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../electron/core/site/build.ts';
import { updateSiteSettings } from '../../electron/core/site/settings.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { fixtureThreads, htmlPages, SECRETS, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// What a sceptical reader checks on a built site: every headline figure leads to a definition and to data columns
// that exist, the moderation report shows a line per held-back conversation (and none when the workspace turns them
// off) without its text, and the reviews policy says where conversations come from and how they are checked.

let fx: SiteWorkspace;
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(15);
  fx = await siteWorkspace(threads, { withhold: withheld, pending });
  await (await buildSite({ workspace: join(fx.dir), out: join(fx.root, 'on'), search: false })).cleanup;
  const ws = openWorkspace(fx.dir);
  updateSiteSettings(ws, { withheldPlaceholders: false, verification: 'Every reviewer gives us their **order number**, which we match to our orders.' });
  ws.close();
  await (await buildSite({ workspace: join(fx.dir), out: join(fx.root, 'off'), search: false })).cleanup;
}, 60_000);
afterAll(() => fx?.cleanup());

describe('a site for a sceptical reader', () => {
  it('links every headline figure to a definition and to data columns that exist', () => {
    const dir = join(fx.root, 'on');
    const home = read(dir, 'index.html');
    const methodology = read(dir, 'methodology.html');
    const data = read(dir, 'data/index.html');
    const links = [...home.matchAll(/href="(methodology\.html|data\/index\.html)#([a-z-]+)"/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(links.length).toBeGreaterThan(10);
    for (const [page, anchor] of links) expect(page === 'methodology.html' ? methodology : data, `${page}#${anchor}`).toContain(`id="${anchor}"`);
    // Complaints lead: their figures come before any other.
    expect(home.indexOf('id="figures-complaints"')).toBeLessThan(home.indexOf('id="figures-needs-reply"'));
    expect(home.indexOf('id="figures-needs-reply"')).toBeLessThan(home.indexOf('id="figures-praise"'));
    expect(home).toMatch(/Data up to <time datetime="2026-/);
    expect(home).toContain('Site built <time');
  });

  it('shows a placeholder per held-back conversation, without its text, unless turned off', () => {
    const on = read(join(fx.root, 'on'), 'moderation.html');
    expect(on).toContain('1 conversation held back');
    expect(on).toMatch(/<td><time datetime="2026-02">February 2026<\/time><\/td><td>Complaint<\/td><td>No rating<\/td><td>Privacy request<\/td>/);
    expect(on).not.toContain(SECRETS.withheld);
    expect(on).toContain('Is what we publish a fair picture?');
    const off = read(join(fx.root, 'off'), 'moderation.html');
    expect(off).not.toContain('Every conversation held back');
    expect(off).toContain('Is what we publish a fair picture?');
  });

  it('says where conversations come from and how they are checked, from the workspace\'s settings', () => {
    const before = read(join(fx.root, 'on'), 'reviews-policy.html');
    expect(before).toMatch(/<th scope="row">Trustpilot<\/th><td class="num">5<\/td>/);
    expect(before).toContain('Trustpilot applies its own checks to reviewers; we add none of our own');
    expect(before).toContain('We do not hold a conversation back because it is negative or because of its rating.');
    expect(before).not.toContain('order number');
    const after = read(join(fx.root, 'off'), 'reviews-policy.html');
    expect(after).toContain('Every reviewer gives us their <strong>order number</strong>');
  });

  it('calls the methodology page by one name wherever it is linked', () => {
    const dir = join(fx.root, 'on');
    const methodology = read(dir, 'methodology.html');
    expect(methodology).toContain('<title>Methodology · Acme Test Ltd</title>');
    expect(methodology).toContain('<h1>Methodology</h1>');
    const names: string[] = [];
    for (const page of ['index.html', 'data/index.html', 'moderation.html', 'methodology.html', 'conversations/index.html', htmlPages(dir).find((p) => p.startsWith('threads/'))!]) {
      for (const m of read(dir, page).matchAll(/<a [^>]*href="[^"#]*methodology\.html"[^>]*>(.*?)<\/a>/g)) names.push(m[1]!.replace(/<[^>]+>/g, ''));
    }
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(name).toMatch(/^methodology\b/i);
  });

  it('merges topic names that differ only in case, separators or a plural into one topic, named as most spell it', async () => {
    const { threads } = fixtureThreads(5);
    // Named as most conversations spell it.
    ['LATE DELIVERY', 'late_delivery', 'Late delivery', 'Late Deliveries', 'Late delivery'].forEach((tag, i) => (threads[i]!.tags = [tag]));
    const topics = await siteWorkspace(threads);
    try {
      await (await buildSite({ workspace: topics.dir, out: join(topics.root, 'site'), search: false })).cleanup;
      const page = read(join(topics.root, 'site'), 'topics/index.html');
      expect([...page.matchAll(/<li><a href="([^"]+)">([^<]+) <span class="count">(\d+)<\/span>/g)].map((m) => [m[1], m[2], m[3]])).toEqual([['../topics/late-delivery/index.html', 'Late delivery', '5']]);
    } finally {
      topics.cleanup();
    }
  }, 60_000);
});
