import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../electron/core/demo/create.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import type { SiteLanguage } from '../../electron/core/site/i18n.ts';
import { tempDir } from '../helpers/workspace.ts';
import { htmlPages } from './helpers.ts';
import { serveFolder } from './served-site.ts';
import type { ServedSite } from './served-site.ts';

// Every table of both themes read on a 390 px phone in the languages with long words: no table makes the reader
// scroll sideways (issue 18's moderation tables scrolled in German and Dutch; the ledger's registers in every
// language). One build of the demo per theme and language, all served from one folder; each kind of page with a
// table looked at once.

const THEMES = ['default', 'ledger'] as const;
const LANGS: SiteLanguage[] = ['de', 'fr', 'nl', 'es', 'it'];
const SCREENS = join(import.meta.dirname, '../../test-results/screens');
let tmp: ReturnType<typeof tempDir>;
let served: ServedSite;

beforeAll(async () => {
  tmp = tempDir('candor-narrow-');
  const ws = join(tmp.dir, 'ws');
  await createDemoWorkspace(ws);
  for (const theme of THEMES) {
    for (const lang of LANGS) await (await buildSite({ workspace: ws, out: join(tmp.dir, 'sites', `${theme}-${lang}`), theme, lang })).cleanup;
  }
  served = await serveFolder(join(tmp.dir, 'sites'), tmp.cleanup);
  mkdirSync(SCREENS, { recursive: true });
}, 300_000);

afterAll(async () => {
  if (served) await served.close();
  else tmp?.cleanup();
});

/** One page of each kind that has a table: the first of each folder pattern (conversations/rating/1 stands for all ratings). */
function pagesWithTables(dir: string): string[] {
  const byKind = new Map<string, string>();
  for (const page of htmlPages(dir)) {
    const kind = page.split('/').map((part, i, all) => (i === 0 || i === all.length - 1 && /^index\.html$/.test(part) ? part : '*')).join('/');
    if (!byKind.has(kind) && readFileSync(join(dir, page), 'utf8').includes('<table')) byKind.set(kind, page);
  }
  return [...byKind.values()];
}

describe.each(THEMES)('the %s theme at 390 px', (theme) => {
  it.each(LANGS)('in %s: every table fits the screen, none scrolls sideways', async (lang) => {
    const site = `${theme}-${lang}`;
    const pages = pagesWithTables(join(tmp.dir, 'sites', site));
    expect(pages).toContain('moderation.html');
    const context = await served.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const path of pages) {
      await page.goto(`${served.server.url}${site}/${path}`);
      const tables = await page.evaluate(() => [...document.querySelectorAll('table')].map((table) => {
        // The box a reader would scroll: the table's scrolling wrapper, or the table itself.
        let box: Element = table;
        for (let e = table.parentElement; e && e !== document.body; e = e.parentElement) {
          if (getComputedStyle(e).overflowX !== 'visible') { box = e; break; }
        }
        const name = (table.querySelector('caption')?.textContent ?? table.className).trim();
        return { name, scroll: box.scrollWidth - box.clientWidth, right: table.getBoundingClientRect().right - document.documentElement.clientWidth };
      }));
      for (const t of tables) if (t.scroll > 1 || t.right > 1) wide.push(`${path} "${t.name}": ${Math.max(t.scroll, t.right)} px too wide`);
      if (lang === 'de' && ['moderation.html', 'conversations/index.html', 'claims/index.html'].includes(path)) {
        await page.screenshot({ path: join(SCREENS, `narrow-${site}-${path.replace(/\//g, '-').replace('.html', '')}-390.png`), fullPage: true });
      }
    }
    await context.close();
    expect(wide).toEqual([]);
  }, 120_000);
});
