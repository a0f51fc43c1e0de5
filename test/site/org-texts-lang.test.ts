import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../electron/core/site/build.ts';
import { changeSiteSettings } from '../../electron/core/site/settings.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { fixtureThreads, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// jsdom ships no types; the few calls used are typed here (as test/site/i18n-pages.test.ts does).
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: Window } };

// The organisation's own texts are shown as written, not translated, so a screen reader must be told their language:
// on a German site, a German introduction reads as German, a moderation policy the company wrote in English as
// English, and a note too short to tell (a slogan, one sentence) as the site's language, German, never English by
// default. Every page of both themes that shows one of the texts.

const INTRO = 'Wir veröffentlichen jedes Gespräch mit unseren Kundinnen und Kunden, auch die unangenehmen, damit sich jeder selbst ein Bild machen kann.';
const POLICY = 'We publish every conversation unless the customer asked us not to, the law forbids it, or it is spam or abuse. We never edit what a customer wrote.';
const VERIFICATION = 'Per Bestellnummer geprüft.';
const PAGES: { page: string; texts: [string, string][] }[] = [
  { page: 'index.html', texts: [[INTRO, 'de']] },
  { page: 'moderation.html', texts: [[POLICY, 'en']] },
  { page: 'reviews-policy.html', texts: [[POLICY, 'en'], [VERIFICATION, 'de']] },
];

let fx: SiteWorkspace;

beforeAll(async () => {
  fx = await siteWorkspace(fixtureThreads(6).threads);
  const ws = openWorkspace(fx.dir);
  try {
    changeSiteSettings(ws, { language: 'de', intro: INTRO, policy: POLICY, verification: VERIFICATION });
  } finally {
    ws.close();
  }
  for (const theme of ['default', 'ledger'] as const) await (await buildSite({ workspace: fx.dir, out: join(fx.root, theme), theme, search: false })).cleanup;
}, 120_000);
afterAll(() => fx?.cleanup());

/** The language a reader's screen reader uses for the element holding `text`: the nearest `lang` above it. */
function langOf(html: string, text: string): string | null {
  const doc = new JSDOM(html).window.document;
  const first = text.slice(0, 30);
  const holder = [...doc.querySelectorAll('body *')].reverse().find((el) => el.textContent?.includes(first));
  return holder?.closest('[lang]')?.getAttribute('lang') ?? null;
}

describe.each(['default', 'ledger'])('the organisation\'s texts on a German site in the %s theme', (theme) => {
  it.each(PAGES)('$page marks each in its language, a short one in the site\'s', ({ page, texts }) => {
    const html = readFileSync(join(fx.root, theme, page), 'utf8');
    for (const [text, lang] of texts) expect({ text: text.slice(0, 30), lang: langOf(html, text) }).toEqual({ text: text.slice(0, 30), lang });
  });
});
