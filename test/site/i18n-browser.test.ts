import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../electron/core/demo/create.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { serveSite } from '../../electron/core/site/serve.ts';
import type { SiteServer } from '../../electron/core/site/serve.ts';
import { changeSiteSettings } from '../../electron/core/site/settings.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { tempDir } from '../helpers/workspace.ts';
import { CHROMIUM_ARGS } from './helpers.ts';

// The demo built in German (the language chosen in site settings, with one text in the organisation's own words)
// and looked at in Chromium: the page speaks German, the customers' English stays English and says so, and the
// badge shows the home page's complaint figures in German, as an image and as a frame, with no script.

const SCREENS = join(import.meta.dirname, '../../test-results/screens');
let tmp: ReturnType<typeof tempDir>;
let server: SiteServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  tmp = tempDir('candor-i18n-');
  const wsDir = join(tmp.dir, 'ws');
  await createDemoWorkspace(wsDir);
  const ws = openWorkspace(wsDir);
  try {
    changeSiteSettings(ws, { language: 'de', strings: { 'header.sub': 'Öffentlicher Transparenzbericht' } });
  } finally {
    ws.close();
  }
  dir = join(tmp.dir, 'site');
  await (await buildSite({ workspace: wsDir, out: dir, baseUrl: 'https://transparenz.fernhill.example/' })).cleanup;
  server = await serveSite(dir);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  mkdirSync(SCREENS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  tmp?.cleanup();
});

describe('a site built in German', () => {
  it('shows the home page in German, with the organisation’s own wording and German numbers', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}index.html`);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await expect.poll(() => page.locator('h2#figures-title').textContent()).toBe('Was wir erhalten und veröffentlicht haben');
    expect(await page.locator('.eyebrow').textContent()).toBe('Öffentlicher Transparenzbericht');
    expect(await page.locator('nav[aria-label="Hauptnavigation"] a[aria-current="page"]').textContent()).toBe('Übersicht');
    expect(await page.locator('section[aria-labelledby="figures-title"] .figure-value').nth(1).textContent()).toMatch(/^\d+$/);
    expect(await page.locator('section[aria-labelledby="figures-title"] .figure-detail').first().textContent()).toMatch(/^\d+\u00a0% aller; \d+ zurückgehalten, \d+ warten auf Prüfung$/);
    expect(await page.locator('.updated time').first().textContent()).toMatch(/^\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/);
    await page.screenshot({ path: join(SCREENS, 'site-home-de.png'), fullPage: false });
    await page.close();
  }, 60_000);

  it('keeps customers’ and staff’s English as written, marked lang="en" for screen readers', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}conversations/index.html`);
    const first = await page.locator('.card-title a').first().getAttribute('href');
    await page.goto(new URL(first!, `${server.url}conversations/index.html`).href);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.locator('h2#facts-title').textContent()).toBe('Über dieses Gespräch');
    const bodies = page.locator('.message-body');
    expect(await bodies.count()).toBeGreaterThan(0);
    expect(await page.locator('.message-body[lang="en"]').count()).toBeGreaterThan(0);
    // Nothing of theirs was translated: the text is in the published data as it is on the page.
    const text = (await page.locator('.message-body[lang="en"]').first().textContent())!.trim();
    expect(readFileSync(join(dir, 'data/threads.json'), 'utf8')).toContain(JSON.stringify(text.slice(0, 30)).slice(1, -1));
    await page.close();
  }, 60_000);

  it('writes the badge as a plain image and a plain page, in German, linked to the record', async () => {
    const svg = readFileSync(join(dir, 'badge.svg'), 'utf8');
    const html = readFileSync(join(dir, 'badge.html'), 'utf8');
    for (const file of [svg, html]) {
      expect(file).not.toMatch(/<script|\son\w+=|javascript:|https?:\/\/(?!transparenz\.fernhill\.example|www\.w3\.org)/i);
      expect(file).toContain('Beschwerden beantwortet');
    }
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('href="https://transparenz.fernhill.example/" target="_top"');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['badge.svg', 'badge.html']));

    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    const blocked: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') blocked.push(`${page.url()}: ${m.text()}`); });
    await page.goto(`${server.url}methodology.html`);
    expect(await page.locator('h2#m-badge').textContent()).toBe('Diese Zahlen auf der eigenen Website zeigen');
    const snippet = await page.locator('pre.snippet code').first().textContent();
    expect(snippet).toMatch(/^<a href="https:\/\/transparenz\.fernhill\.example\/"><img src="https:\/\/transparenz\.fernhill\.example\/badge\.svg" width="480" height="92" alt="Fernhill Outfitters Ltd: \d+\u00a0% der Beschwerden beantwortet/);
    const preview = page.locator('.badge-preview svg');
    expect(await preview.getAttribute('lang')).toBe('de');
    expect((await preview.boundingBox())!.width).toBeGreaterThan(400);
    await preview.screenshot({ path: join(SCREENS, 'site-badge-de.png') });
    await page.goto(`${server.url}badge.html`);
    expect(await page.locator('dd').count()).toBe(3);
    // Styled by the theme's own stylesheet under the site's CSP: nothing inline, nothing from elsewhere.
    expect(await page.locator('a.candor-badge').evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
    // Named by what it shows (WCAG 2.5.3: the visible words are the link's name), in German.
    await expect.poll(() => page.getByRole('link', { name: /^Fernhill Outfitters Ltd: wie wir mit Beschwerden umgehen\s+Beschwerden beantwortet\s+\d+/ }).count()).toBe(1);
    await page.locator('a.candor-badge').screenshot({ path: join(SCREENS, 'site-badge-frame-de.png') });
    expect(blocked).toEqual([]);
    await page.close();
  }, 60_000);
});
