import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteServer } from '../../electron/core/site/serve.ts';
import { changeSiteSettings } from '../../electron/core/site/settings.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import type { ThreadRec } from '../helpers/workspace.ts';
import { siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';
import { serveBuiltSite } from './served-site.ts';
import type { ServedSite } from './served-site.ts';

// A German site holding a conversation in English and one in German: search indexes each in its own language, so
// each is found by another form of one of its words (stemmed English, stemmed German), which neither language's
// stemming alone would give for both. Invented text: an edge case on top of the real demo.

const thread = (id: string, subject: string, body: string, reply: string): ThreadRec => ({
  id, subject, kind: 'complaint', customer: { name: `Kunde ${id}`, location: 'Leeds' },
  messages: [
    { id: `${id}-1`, author: { role: 'customer', name: `Kunde ${id}` }, sent_at: '2026-03-02T09:00:00Z', body },
    { id: `${id}-2`, author: { role: 'staff', name: 'Sam' }, sent_at: '2026-03-02T11:00:00Z', body: reply },
  ],
});

let fx: SiteWorkspace;
let server: SiteServer;
let browser: Browser;
let site: ServedSite | undefined;
beforeAll(async () => {
  fx = await siteWorkspace([
    thread('en1', 'Late again', 'Both of my last Fernhill deliveries arrived a week late, and nobody answered my emails about it. I would like my money back.', 'We are sorry: the courier lost track of both parcels. Your refund is on its way today.'),
    thread('de1', 'Wieder zu spät', 'Meine Fernhill-Bestellung kam mit zwei Wochen Verspätung an, und auf meine Nachfrage hat niemand geantwortet. Ich möchte mein Geld zurück.', 'Das tut uns leid: der Paketdienst hatte das Paket verloren. Die Erstattung ist heute unterwegs.'),
  ]);
  const ws = openWorkspace(fx.dir);
  try {
    changeSiteSettings(ws, { language: 'de' });
  } finally {
    ws.close();
  }
  site = await serveBuiltSite(fx);
  ({ server, browser } = site);
}, 120_000);
afterAll(async () => {
  if (site) await site.close();
  else fx?.cleanup();
});

async function found(query: string): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}search.html?q=${encodeURIComponent(query)}`);
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/Treffer|Nichts/);
    const titles = page.locator('#search-results .card-title');
    // A result in another language than the page's says so, title and excerpt, as the conversation's page does.
    const marks = await titles.evaluateAll((hs) => hs.map((h) => `${h.textContent}|${h.getAttribute('lang') ?? ''}|${h.parentElement?.querySelector('.search-result-excerpt')?.getAttribute('lang') ?? ''}`));
    for (const m of marks) expect(m).toMatch(/^Late again\|en\|en$|^Wieder zu spät\|\|$/);
    return await titles.allTextContents();
  } finally {
    await page.close();
  }
}

describe('search on a German site with conversations in two languages', () => {
  it('finds the English conversation by an English stem of its words', async () => {
    // "deliveries" and "emails" are written; "delivery" and "emailed" stem to the same words in English (not in
    // German, and neither is a prefix of what is written).
    expect(await found('delivery')).toEqual(['Late again']);
    expect(await found('emailed')).toEqual(['Late again']);
  }, 60_000);

  it('finds the German conversation by a German stem of its words', async () => {
    // "Bestellung" and "Verspätung" are written; "Bestellungen" and "Verspätungen" are other forms of them.
    expect(await found('Bestellungen')).toEqual(['Wieder zu spät']);
    expect(await found('Verspätungen')).toEqual(['Wieder zu spät']);
  }, 60_000);

  it('offers the languages present as a filter, named in the language of the page', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}search.html?q=Fernhill`);
      const status = page.locator('#search-status');
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('2 Treffer.');
      const filter = page.getByLabel('Sprache', { exact: true });
      expect(await filter.locator('option').allTextContents()).toEqual(['Alle', 'Deutsch', 'Englisch']);
      await filter.selectOption('Englisch');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('1 Treffer.');
      expect(await page.locator('#search-results .card-title').allTextContents()).toEqual(['Late again']);
    } finally {
      await page.close();
    }
  }, 60_000);
});
