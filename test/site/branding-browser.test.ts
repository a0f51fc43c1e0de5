import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../electron/core/site/build.ts';
import { serveSite } from '../../electron/core/site/serve.ts';
import type { SiteServer } from '../../electron/core/site/serve.ts';
import { changeSiteSettings } from '../../electron/core/site/settings.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { CHROMIUM_ARGS, fixtureThreads, htmlPages, png, siteWorkspace } from './helpers.ts';
import { axeViolations } from './quality-checks.ts';
import type { SiteWorkspace } from './helpers.ts';

// The organisation's colours as a visitor's browser sees them: brand.css loads under the site's strict CSP (no
// inline styles anywhere), the colours reach the page, the logo shows, and colours the settings accept (here just
// above the limit) keep both themes free of WCAG 2.2 AA contrast violations.

const THEMES = ['default', 'ledger'] as const;
// #337a40 is just above 4.5:1 (against its own pale tint, the tightest place); #7a3e9d: a mid-dark header, white text.
const COLORS = { accent: '#337a40', header: '#7a3e9d' };
let fx: SiteWorkspace;
let browser: Browser;
const servers: Record<string, SiteServer> = {};

beforeAll(async () => {
  fx = await siteWorkspace(fixtureThreads(6).threads, {}, 'Acme Branded Ltd');
  const logo = join(fx.root, 'logo.png');
  writeFileSync(logo, png(60, 20));
  const ws = openWorkspace(fx.dir, { actor: 'tester' });
  try {
    changeSiteSettings(ws, { colors: COLORS }, logo);
    for (const theme of THEMES) {
      const out = join(fx.root, theme);
      await (await buildSite({ workspace: ws, out, theme, search: false, workers: 0 })).cleanup;
      servers[theme] = await serveSite(out);
    }
  } finally {
    ws.close();
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) await s.close();
  fx?.cleanup();
});

describe.each(THEMES)('a branded site in the %s theme', (theme) => {
  it('applies the colours and shows the logo under the strict CSP', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await page.goto(`${servers[theme]!.url}index.html`);
    const header = theme === 'default' ? '.site-header' : '.side';
    expect(await page.locator(header).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(122, 62, 157)');
    expect(await page.locator(`${header} a`).first().evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)');
    const link = page.locator('main a').first();
    expect(await link.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(51, 122, 64)');
    const logo = page.getByRole('img', { name: 'Acme Branded Ltd' });
    await expect.poll(() => logo.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(60);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('is valid HTML on every page with the logo and the brand stylesheet', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const dir = join(fx.root, theme);
    const problems: string[] = [];
    for (const page of htmlPages(dir)) {
      const report = await validator.validateString(readFileSync(join(dir, page), 'utf8'), page);
      for (const r of report.results) for (const m of r.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('has no WCAG 2.2 AA violations with colours just inside the limit', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of ['index.html', 'conversations/index.html', 'moderation.html']) {
      await page.goto(`${servers[theme]!.url}${path}`);
      for (const v of await axeViolations(page)) found.push(`${path}: ${v}`);
    }
    await context.close();
    expect(found).toEqual([]);
  }, 60_000);
});
