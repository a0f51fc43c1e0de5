import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../electron/core/site/build.ts';
import { CSP, CSP_SEARCH } from '../../electron/core/site/pages.ts';
import { cspFor, serveSite } from '../../electron/core/site/serve.ts';
import type { SiteServer } from '../../electron/core/site/serve.ts';
import { fixtureThreads, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// `candor serve` sends the Content-Security-Policy each page carries in its <meta>, so a preview behaves as the
// page says it will: no script anywhere but the search page.

let fx: SiteWorkspace;
let server: SiteServer;
beforeAll(async () => {
  const { threads } = fixtureThreads(6);
  fx = await siteWorkspace(threads);
  await (await buildSite({ workspace: fx.dir, out: join(fx.root, 'site'), search: false })).cleanup;
  server = await serveSite(join(fx.root, 'site'));
}, 60_000);
afterAll(async () => {
  await server?.close();
  fx?.cleanup();
});

function metaCsp(html: string): string {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replaceAll('&#39;', "'");
}

describe('candor serve', () => {
  it.each(['index.html', 'moderation.html', 'changes.html', 'conversations/index.html', 'no/such/page.html'])('sends the CSP %s carries', async (path) => {
    const res = await fetch(server.url + path);
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toBe(metaCsp(html));
    expect(res.headers.get('content-security-policy')).toContain("script-src 'none'");
  });

  it('lets the search page and its files run the site\'s script and Pagefind', () => {
    expect(cspFor('/search.html')).toBe(CSP_SEARCH);
    expect(cspFor('/search/0/pagefind.js')).toBe(CSP_SEARCH);
    expect(cspFor('/assets/search.js')).toBe(CSP_SEARCH);
    expect(cspFor('/threads/ab/t_1.html')).toBe(CSP);
    expect(cspFor('/searching.html')).toBe(CSP);
  });
});
