import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteServer } from '../../electron/core/site/serve.ts';
import { fixtureThreads, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';
import { serveBuiltSite } from './served-site.ts';
import type { ServedSite } from './served-site.ts';

// Finding things: the search page filters by kind, status, rating, topic and year and shows every result, 25 at a
// time; without script, the conversation lists are pre-built by kind, year, status and rating.

let fx: SiteWorkspace;
let server: SiteServer;
let browser: Browser;
let site: ServedSite | undefined;
beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(60);
  fx = await siteWorkspace(threads, { withhold: withheld, pending });
  site = await serveBuiltSite(fx);
  ({ server, browser } = site);
}, 120_000);
afterAll(async () => {
  if (site) await site.close();
  else fx?.cleanup();
});

describe('search', () => {
  it('shows every result, 25 at a time', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search.html?q=delivery`);
    const status = page.locator('#search-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('60 results, 25 shown.');
    await expect.poll(() => page.locator('#search-results > li').count()).toBe(25);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect.poll(() => page.locator('#search-results > li').count()).toBe(50);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect.poll(() => page.locator('#search-results > li').count()).toBe(60);
    expect(await status.textContent()).toBe('60 results.');
    expect(await page.locator('#search-more').isHidden()).toBe(true);
    await page.close();
  }, 60_000);

  it('filters by kind, status, rating, topic and year', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search.html?q=delivery`);
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toBe('60 results, 25 shown.');
    for (const name of ['Kind', 'Status', 'Rating', 'Topic', 'Year']) expect(await page.getByLabel(name, { exact: true }).count()).toBe(1);
    // Every fifth fixture thread is a complaint: 12 of 60.
    await page.getByLabel('Kind', { exact: true }).selectOption('Complaint');
    await expect.poll(() => page.locator('#search-status').textContent()).toBe('12 results.');
    const kinds = await page.locator('.search-result-meta').allTextContents();
    expect(kinds.every((k) => k.startsWith('Complaint'))).toBe(true);
    // Complaints i = 0, 5, 10...: status by i % 4 (0 unresolved, 1 open, 2 and 3 resolved).
    await page.getByLabel('Status', { exact: true }).selectOption('Open');
    await expect.poll(() => page.locator('#search-status').textContent()).toBe('3 results.');
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await page.getByLabel('Year', { exact: true }).selectOption('2026');
    await expect.poll(() => page.locator('#search-status').textContent()).toBe('12 results.');
    // Topics and ratings: every fixture thread is about billing or delivery; ratings 1 to 5 on every third.
    await page.getByLabel('Kind', { exact: true }).selectOption('');
    await page.getByLabel('Topic', { exact: true }).selectOption('billing');
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^(25 results shown so far; more may match|30 results)\.$/);
    while (await page.locator('#search-more').isVisible()) await page.getByRole('button', { name: 'Show more results' }).click();
    await expect.poll(() => page.locator('#search-status').textContent()).toBe('30 results.');
    expect(await page.locator('#search-results > li').count()).toBe(30);
    await page.getByLabel('Topic', { exact: true }).selectOption('');
    await page.getByLabel('Rating', { exact: true }).selectOption('3 stars');
    await expect.poll(() => page.locator('#search-status').textContent()).toBe('4 results.');
    await page.close();
  }, 60_000);
});

describe('candor serve', () => {
  // The search page is the one page allowed to run script: the preview must send it the policy its <meta> carries.
  it('sends the search page the Content-Security-Policy the page carries', async () => {
    const res = await fetch(`${server.url}search.html`);
    const html = await res.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replaceAll('&#39;', "'");
    expect(res.headers.get('content-security-policy')).toBe(meta);
    expect(meta).toContain("script-src 'self'");
  });
});

describe('without script', () => {
  it('lists conversations by year on pre-built pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}conversations/index.html`);
    const years = await page.locator('nav[aria-label="Years"] a').count();
    // The fixture's threads all start in 2026: with one year there is no year navigation, but its list is there.
    expect(years).toBe(0);
    const res = await page.goto(`${server.url}conversations/2026/index.html`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('Conversations from 2026');
    await context.close();
  }, 60_000);

  it('lists conversations by status and by rating on pre-built pages, linked with their counts', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}conversations/index.html`);
    const links = async (label: string) => (await page.locator(`nav[aria-label="${label}"] a`).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    // Fixture status by i % 4 (0 unresolved, 1 open, 2 and 3 resolved); ratings 1 to 5 on every third thread.
    expect(await links('Status')).toEqual(['Open 15', 'Resolved 30', 'Not resolved 15']);
    expect(await links('Rating')).toEqual(['5 stars 4', '4 stars 4', '3 stars 4', '2 stars 4', '1 star 4', 'No rating 40']);
    await page.getByRole('link', { name: 'Not resolved 15' }).click();
    expect(await page.locator('h1').textContent()).toBe('Conversations not resolved');
    expect(await page.locator('nav[aria-label="Status"] a[aria-current="page"]').textContent()).toMatch(/^Not resolved/);
    const statuses = await page.locator('.thread-card .badge-status').allTextContents();
    expect(statuses).toHaveLength(15);
    expect(new Set(statuses)).toEqual(new Set(['Not resolved']));
    await page.getByRole('link', { name: '1 star 4' }).click();
    expect(await page.locator('h1').textContent()).toBe('Conversations rated 1 star');
    expect(await page.locator('.thread-card .stars').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(Array(4).fill('1 out of 5 stars'));
    await page.getByRole('link', { name: 'No rating 40' }).click();
    expect(await page.locator('h1').textContent()).toBe('Conversations without a rating');
    expect(await page.locator('.list-count').textContent()).toContain('of 40');
    expect(await page.locator('.thread-card .stars').count()).toBe(0);
    await context.close();
  }, 60_000);
});
