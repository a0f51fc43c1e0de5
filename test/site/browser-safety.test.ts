import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteServer } from '../../electron/core/site/serve.ts';
import { BLNS, ROOT } from '../helpers/workspace.ts';
import type { ThreadRec } from '../helpers/workspace.ts';
import { htmlPages, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';
import { serveBuiltSite } from './served-site.ts';
import type { ServedSite } from './served-site.ts';

// Every string of the Big List of Naughty Strings and our own XSS corpus goes in through the importer, into every
// field a customer or staff member can fill, and comes out in every page. Chromium loads each page with the CSP
// switched off (so escaping alone must hold) and proves that no injected script runs and no dialog opens.

const blns = BLNS;
const xss = (JSON.parse(readFileSync(join(ROOT, 'test/fixtures/site/xss.json'), 'utf8')) as { payloads: string[] }).payloads;

function corpusThreads(): ThreadRec[] {
  const strings = [...xss, ...blns.filter((s) => s.trim() !== '')];
  const threads: ThreadRec[] = [];
  for (let i = 0; i * 6 < strings.length; i++) {
    const s = (k: number) => strings[(i * 6 + k) % strings.length]!;
    const day = String(1 + (i % 28)).padStart(2, '0');
    threads.push({
      id: `naughty-${i}`,
      source: i % 2 ? 'zendesk' : 'trustpilot',
      subject: s(0),
      rating: i % 3 === 0 ? 1 + (i % 5) : null,
      // A few fields that become topic pages and URLs.
      tags: i < 16 ? [s(1).slice(0, 60)] : [],
      customer: { name: s(2).slice(0, 80), location: s(3).slice(0, 80) },
      messages: [
        { id: 'c', author: { role: 'customer', name: s(2).slice(0, 80) }, sent_at: `2026-01-${day}T09:00:00Z`, body: `${s(0)}\n\n${s(1)}\n${s(4)}` },
        { id: 's', author: { role: 'staff', name: s(5).slice(0, 80) }, sent_at: `2026-01-${day}T10:00:00Z`, body: `${s(3)}\n\n**${s(4)}**\n\n[${s(5)}](${s(1)})`, format: 'markdown' },
        { id: 'n', author: { role: 'staff', name: 'Internal' }, sent_at: `2026-01-${day}T10:05:00Z`, body: `<script>__xss(999)</script> internal ${s(5)}`, visibility: 'internal' },
      ],
    });
  }
  return threads;
}

let fx: SiteWorkspace;
let server: SiteServer;
let browser: Browser;
let site: ServedSite | undefined;
let pages: string[];
let siteDir: string;

beforeAll(async () => {
  fx = await siteWorkspace(corpusThreads(), {}, '<script>__xss(100)</script> & "Naughty" Ltd');
  const out = join(fx.root, 'site');
  siteDir = out;
  site = await serveBuiltSite(fx, out);
  ({ server, browser } = site);
  pages = htmlPages(out);
}, 120_000);

afterAll(async () => {
  if (site) await site.close();
  else fx?.cleanup();
});

type Visit = { hits: unknown[]; dialogs: string[]; errors: string[]; foreign: string[]; dom: string[] };

async function visit(context: BrowserContext, path: string): Promise<Visit> {
  const page: Page = await context.newPage();
  const v: Visit = { hits: [], dialogs: [], errors: [], foreign: [], dom: [] };
  page.on('dialog', (d) => {
    v.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => v.errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) v.foreign.push(r.url());
  });
  await page.goto(server.url + path, { waitUntil: 'load' });
  v.hits = await page.evaluate(() => (window as unknown as { __xssHits?: unknown[] }).__xssHits ?? []);
  v.dom = await page.evaluate(() => {
    const problems: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) problems.push(`${el.tagName} has ${a.name}`);
        if (/^\s*(javascript|data|vbscript):/i.test(a.value) && ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name)) problems.push(`${el.tagName} ${a.name}=${a.value.slice(0, 40)}`);
      }
    }
    for (const s of Array.from(document.querySelectorAll('script'))) {
      if (s.type === 'application/ld+json') continue;
      if (!s.src || new URL(s.src).origin !== location.origin) problems.push(`script ${s.src || '(inline)'}`);
    }
    for (const tag of ['iframe', 'object', 'embed', 'base', 'form[action^="javascript"]', 'img', 'link[rel="stylesheet"]:not([href$="assets/site.css"])', 'meta[http-equiv="refresh"]', 'style']) {
      if (document.querySelector(tag)) problems.push(`found ${tag}`);
    }
    return problems;
  });
  await page.close();
  return v;
}

describe('naughty strings and XSS payloads through import and build', () => {
  it('loads every page with no injected script, no dialog, no foreign request, even with the CSP off', async () => {
    expect(pages.length).toBeGreaterThan(100);
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    await context.addInitScript(() => {
      const w = window as unknown as { __xss: (n: unknown) => void; __xssHits: unknown[]; alert: (m?: unknown) => void };
      w.__xssHits = [];
      w.__xss = (n) => w.__xssHits.push(n);
      const original = w.alert.bind(window);
      w.alert = (m) => {
        w.__xssHits.push(`alert:${String(m)}`);
        original(m);
      };
    });
    const failures: string[] = [];
    const queue = [...pages];
    const worker = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const v = await visit(context, path);
        if (v.hits.length || v.dialogs.length || v.foreign.length || v.dom.length) failures.push(`${path}: ${JSON.stringify(v)}`);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    await context.close();
    expect(failures).toEqual([]);
  }, 120_000);

  it('shows search results as text: a payload found by search does not run', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const w = window as unknown as { __xss: (n: unknown) => void; __xssHits: unknown[] };
      w.__xssHits = [];
      w.__xss = (n) => w.__xssHits.push(n);
    });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}search.html`);
    await page.fill('#search-input', 'onerror');
    await page.waitForSelector('#search-results li', { timeout: 15_000 });
    const results = await page.$$eval('#search-results li', (els) => els.map((e) => ({ text: e.textContent ?? '', html: e.innerHTML })));
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((r) => r.text.includes('onerror'))).toBe(true);
    for (const r of results) expect(r.html).not.toMatch(/<(img|script|svg|iframe)\b/i);
    expect(await page.evaluate(() => (window as unknown as { __xssHits: unknown[] }).__xssHits)).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  }, 60_000);

  it('stays valid HTML whatever the text', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(readFileSync(join(siteDir, page), 'utf8'), page);
      for (const r of report.results) for (const m of r.messages) problems.push(`${page}:${m.line} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('works without JavaScript: every page reads, search explains itself', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}search.html`);
    expect(await page.isVisible('#search-form')).toBe(false);
    expect(await page.textContent('noscript')).toContain('Search needs JavaScript');
    await page.goto(`${server.url}index.html`);
    expect(await page.textContent('h1')).toContain('Naughty');
    await context.close();
  });
});
