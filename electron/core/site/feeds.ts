import { escapeHtml } from './trusted.ts';
import type { ThreadSummary } from './thread-views.ts';

// The Atom feed, the sitemap and robots.txt. Links are absolute when the site's address is known (--base-url);
// without it the feed uses relative links and the sitemap lists paths, and the build says so.

function xml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
}

function absolute(baseUrl: string | null, path: string): string {
  return baseUrl ? `${baseUrl}${path}` : path;
}

/** `lang`: the site's language (xml:lang of the feed); an entry in another detected language says so on its own. */
export function atomFeed(opts: { title: string; baseUrl: string | null; updated: string; entries: readonly ThreadSummary[]; lang?: string }): string {
  const { baseUrl } = opts;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(opts.lang ?? 'en')}">`,
    `  <title>${xml(opts.title)}</title>`,
    `  <id>${baseUrl ? xml(absolute(baseUrl, 'feed.xml')) : 'urn:candor:feed'}</id>`,
    `  <link rel="self" href="${xml(absolute(baseUrl, 'feed.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="${xml(opts.lang ?? 'en')}" href="${xml(absolute(baseUrl, 'index.html'))}"/>`,
    `  <updated>${xml(opts.updated)}</updated>`,
    '  <generator>Candor</generator>',
  ];
  for (const t of opts.entries) {
    const summary = `${t.kindLabel} · ${t.statusLabel}${t.rating === null ? '' : ` · ${t.rating}/5`} — ${t.excerpt}`;
    lines.push(t.lang && t.lang !== (opts.lang ?? 'en') ? `  <entry xml:lang="${xml(t.lang)}">` : '  <entry>',
      `    <id>urn:candor:thread:${xml(t.id)}</id>`,
      `    <title>${xml(t.subject)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(absolute(baseUrl, t.url))}"/>`,
      `    <published>${xml(t.openedAt)}</published>`,
      `    <updated>${xml(t.lastActivityAt)}</updated>`,
      `    <author><name>${xml(t.customer)}</name></author>`,
      ...t.topics.map((x) => `    <category term="${xml(x.name)}"/>`),
      `    <summary type="text">${xml(summary)}</summary>`,
      '  </entry>');
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

export type SitemapEntry = { path: string; lastmod: string | null };

/** At most 50,000 URLs per file (the protocol's limit): bigger sites get a sitemap index. */
const SITEMAP_LIMIT = 50_000;

export function sitemapFiles(baseUrl: string | null, entries: readonly SitemapEntry[]): { path: string; content: string }[] {
  const urlset = (list: readonly SitemapEntry[]) => [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...list.map((e) => `  <url><loc>${xml(absolute(baseUrl, e.path))}</loc>${e.lastmod ? `<lastmod>${xml(e.lastmod.slice(0, 10))}</lastmod>` : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
  if (entries.length <= SITEMAP_LIMIT) return [{ path: 'sitemap.xml', content: urlset(entries) }];
  const files: { path: string; content: string }[] = [];
  for (let i = 0; i < entries.length; i += SITEMAP_LIMIT) files.push({ path: `sitemaps/${files.length + 1}.xml`, content: urlset(entries.slice(i, i + SITEMAP_LIMIT)) });
  const index = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...files.map((f) => `  <sitemap><loc>${xml(absolute(baseUrl, f.path))}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
  return [{ path: 'sitemap.xml', content: index }, ...files];
}

export function robotsTxt(baseUrl: string | null): string {
  return `User-agent: *\nAllow: /\n${baseUrl ? `Sitemap: ${absolute(baseUrl, 'sitemap.xml')}\n` : ''}`;
}
