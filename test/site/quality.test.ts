import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../electron/core/site/build.ts';
import { createDemoWorkspace } from '../../electron/core/demo/create.ts';
import { serveSite } from '../../electron/core/site/serve.ts';
import type { SiteServer } from '../../electron/core/site/serve.ts';
import { tempDir } from '../helpers/workspace.ts';
import { CHROMIUM_ARGS, htmlPages } from './helpers.ts';

// The demo workspace (realistic data: complaints, claims, long texts) built in both themes: every page valid HTML,
// no WCAG 2.2 AA violation on the pages the issue names, readable on a phone and on paper; in English, and in German
// and French (longer words, other punctuation, every text from the locale files).

type Theme = 'default' | 'ledger';
// Both themes in English; a German build in one theme and a French build in the other: every template of both themes
// is checked in a language with longer words and other plurals, at half the cost of every theme in every language
// (this file was most of the suite's time). test/site/i18n.test.ts checks every locale has every key.
const VARIANTS = [['default', 'en'], ['ledger', 'en'], ['default', 'de'], ['ledger', 'fr']] as const satisfies readonly (readonly [Theme, string])[];
const SCREENS = join(import.meta.dirname, '../../test-results/screens');
let tmp: ReturnType<typeof tempDir>;
const sites: Record<string, { dir: string; server: SiteServer }> = {};
let browser: Browser;
let samples: Record<string, string>;

beforeAll(async () => {
  tmp = tempDir('candor-quality-');
  const ws = join(tmp.dir, 'ws');
  await createDemoWorkspace(ws);
  for (const [theme, lang] of VARIANTS) {
    const dir = join(tmp.dir, `${theme}-${lang}`);
    await (await buildSite({ workspace: ws, out: dir, theme, lang, baseUrl: 'https://transparency.fernhill.example/' })).cleanup;
    sites[`${theme}-${lang}`] = { dir, server: await serveSite(dir) };
  }
  const pages = htmlPages(sites['default-en']!.dir);
  const threads = pages.filter((p) => p.startsWith('threads/'));
  // A complaint with a Markdown reply: the richest thread page.
  const thread = threads.find((p) => {
    const html = readFileSync(join(sites['default-en']!.dir, p), 'utf8');
    return html.includes('badge-complaint') && html.includes('<ol>') && html.includes('message-staff');
  }) ?? threads[0]!;
  samples = {
    home: 'index.html', thread, claim: 'claims/fh-net-zero-2040.html', moderation: 'moderation.html', list: 'conversations/index.html', claims: 'claims/index.html',
    changes: 'changes.html', 'reviews-policy': 'reviews-policy.html', methodology: 'methodology.html', data: 'data/index.html', topics: 'topics/index.html',
    topic: pages.find((p) => /^topics\/[^/]+\/index\.html$/.test(p))!, kind: 'conversations/complaints/index.html', search: 'search.html', notFound: '404.html', badge: 'badge.html',
    status: 'conversations/status/unresolved/index.html', rating: 'conversations/rating/1/index.html',
  };
  mkdirSync(SCREENS, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const s of Object.values(sites)) await s.server.close();
  tmp?.cleanup();
});

describe.each(VARIANTS)('the %s theme in %s', (theme, lang) => {
  const site = `${theme}-${lang}`;
  it('is valid HTML on every page (html-validate, recommended rules)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const { dir } = sites[site]!;
    const problems: string[] = [];
    for (const page of htmlPages(dir)) {
      const html = readFileSync(join(dir, page), 'utf8');
      if (!html.includes(`<html lang="${lang}">`)) problems.push(`${page}: not marked as lang="${lang}"`);
      const report = await validator.validateString(html, page);
      for (const r of report.results) for (const m of r.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  }, 60_000);

  // Every page type, on a desktop screen and on a 390 px phone: axe's WCAG 2.2 AA rules, scrollable tables included
  // (scrollable-region-focusable). The pages a sceptical reader checks first are kept as screenshots to look at.
  it.each([1280, 390])('has no WCAG 2.2 AA violations on any page type at %i px', async (width) => {
    const context = await browser.newContext(width < 500 ? { viewport: { width, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true } : { viewport: { width, height: 900 } });
    // 404.html links its stylesheet at the site's address (a host serves it at any depth): answer that from here.
    const served = sites[site]!.server.url;
    await context.route('https://transparency.fernhill.example/**', async (route) => {
      await route.fulfill({ response: await route.fetch({ url: route.request().url().replace('https://transparency.fernhill.example/', served) }) });
    });
    const page = await context.newPage();
    const found: string[] = [];
    for (const [name, path] of Object.entries(samples)) {
      // The 404 page as a host serves it: at any address under the site's, with its stylesheet from the site itself.
      await page.goto(name === 'notFound' ? 'https://transparency.fernhill.example/no/such/page.html' : served + path);
      // axe's best practices too: headings in order (a list's cards sit under its heading), landmarks, one h1. The badge
      // page is a fragment another site frames into its own page, which gives the landmarks and the heading.
      let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
      if (name === 'badge') axe = axe.disableRules(['region', 'landmark-one-main', 'page-has-heading-one']);
      const result = await axe.analyze();
      for (const v of result.violations) found.push(`${name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      if (['home', 'moderation', 'changes', 'reviews-policy', 'badge'].includes(name)) {
        await page.screenshot({ path: join(SCREENS, `${site}-${name}-${width}.png`), fullPage: true });
      }
    }
    // The badge as a shop embeds it: the SVG on its own.
    if (width > 500) {
      await page.goto(`${served}badge.svg`);
      await page.locator('svg').screenshot({ path: join(SCREENS, `${site}-badge-svg.png`) });
    }
    await context.close();
    expect(found).toEqual([]);
  }, 180_000);

  it('reads on a phone: nothing wider than the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const name of Object.keys(samples)) {
      await page.goto(sites[site]!.server.url + samples[name]!);
      const overflow = await page.evaluate(() => {
        const docWidth = document.documentElement.clientWidth;
        // Tables may scroll inside their own box; the page itself must not.
        return { page: document.documentElement.scrollWidth - docWidth, font: parseFloat(getComputedStyle(document.body).fontSize) };
      });
      if (overflow.page > 1) wide.push(`${name}: ${overflow.page}px too wide`);
      expect(overflow.font).toBeGreaterThanOrEqual(15);
      if (name === 'home') {
        // The trend chart's labels as big as a reader sees them (a drawing is scaled to fit the screen).
        const label = await page.evaluate(() => Math.min(...[...document.querySelectorAll('.chart-trend text.chart-axis')].map((t) => t.getBoundingClientRect().height).filter((h) => h > 0)));
        expect(label).toBeGreaterThanOrEqual(11);
      }
    }
    await context.close();
    expect(wide).toEqual([]);
  }, 60_000);

  it('prints: navigation hidden, the content kept, a PDF made', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(sites[site]!.server.url + samples.thread!);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('nav[aria-label]')!).display)).toBe('none');
    expect(await page.isVisible('h1')).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  }, 60_000);
});
