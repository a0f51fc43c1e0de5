import { textOf } from '../i18n.ts';
import { atomFeed, robotsTxt, sitemapFiles } from '../feeds.ts';
import type { SitemapEntry } from '../feeds.ts';
import { PATHS } from '../pages.ts';
import type { Phase } from './context.ts';

// The feeds phase: the Atom feed of the newest conversations, the sitemap (an index past 50,000 addresses) and
// robots.txt.

export const feeds: Phase = {
  name: 'feeds',
  timing: 'data',
  run(ctx) {
    const { data, settings, newest, writer } = ctx;
    const { baseUrl } = settings;
    const updated = data.lastUpdated ?? newest[0]?.lastActivityAt ?? '1970-01-01T00:00:00.000Z';
    ctx.files.push(writer.write(PATHS.feed, atomFeed({ title: textOf(ctx.settings.globals).text('feed.title', { name: data.organisation }), baseUrl, updated, entries: newest, lang: ctx.settings.globals.lang })));
    // Sorted as plain strings (the engine's own comparison, the same order as `<`): 110,000 entries.
    const lastmod = new Map<string, string | null>();
    // The list pages may still be rendering: their addresses are all known (ctx.listPaths), their hashes not yet all.
    for (const path of [...Object.keys(ctx.pageHashes), ...ctx.listPaths]) if (path !== PATHS.notFound) lastmod.set(path, null);
    data.published.forEach((k, i) => lastmod.set(ctx.plan.threads[i]!.url, k.lastActivityAt));
    const sitemap: SitemapEntry[] = [...lastmod.keys()].sort().map((path) => ({ path, lastmod: lastmod.get(path) ?? null }));
    for (const f of sitemapFiles(baseUrl, sitemap)) ctx.files.push(writer.write(f.path, f.content));
    ctx.files.push(writer.write('robots.txt', robotsTxt(baseUrl)));
  },
};
