import type { Stats } from '../../shared/curation/stats.ts';
import { textOf } from './i18n.ts';
import type { SiteText } from './i18n.ts';
import type { FixedPage } from './fixed-pages.ts';
import { pageMeta } from './pages.ts';
import type { SiteGlobals } from './pages.ts';
import { escapeHtml, trusted } from './trusted.ts';
import type { TrustedHtml } from './trusted.ts';

// The embeddable badge: the home page's complaint figures (answered, median first reply, resolved) as badge.svg and
// badge.html (the theme's pages/badge template), for the company to show on its own shop with a link to the full record. Both are static files of the
// site: no script, nothing fetched from elsewhere, nothing that could track who looks at them. Every text is the
// site's language; the organisation's name is escaped like any other text.

export const BADGE_SVG = 'badge.svg';
const BADGE_HTML = 'badge.html';
const BADGE_WIDTH = 480;
const BADGE_HEIGHT = 92;

export type BadgeFigures = { answered: number | null; medianFirstReply: number | null; resolved: number | null };

/**
 * The figures, from the statistics module as the home page shows them (its complaints block). One place to change
 * if the home page's definition changes.
 */
export function badgeFigures(stats: Stats): BadgeFigures {
  const c = stats.overall.complaints;
  return { answered: c.responseRate, medianFirstReply: c.medianFirstReplySeconds, resolved: c.shareResolved };
}

type Worded = { title: string; heading: string; cells: { value: string; label: string }[]; footer: string; alt: string };

function worded(name: string, figures: BadgeFigures, tx: SiteText, siteUrl: string | null): Worded {
  const pct = (v: number | null) => (v === null ? '—' : tx.percent(v));
  const cells = [
    { value: pct(figures.answered), label: tx.text('badge.answered') },
    { value: tx.duration(figures.medianFirstReply), label: tx.text('badge.medianFirstReply') },
    { value: pct(figures.resolved), label: tx.text('badge.resolved') },
  ];
  const heading = tx.text('badge.heading', { name });
  const host = siteUrl ? siteUrl.replace(/^https?:\/\//, '').replace(/\/$/, '') : null;
  const footer = host ? tx.text('badge.footerAt', { host }) : tx.text('badge.footer');
  const alt = tx.text('badge.alt', { name, answered: cells[0]!.value, median: cells[1]!.value, resolved: cells[2]!.value });
  return { title: heading, heading, cells, footer, alt };
}

/** A self-contained SVG: system fonts, two colours that pass WCAG AA on each other, a title for screen readers. */
export function badgeSvg(name: string, figures: BadgeFigures, tx: SiteText, siteUrl: string | null): string {
  const w = worded(name, figures, tx, siteUrl);
  const col = BADGE_WIDTH / 3;
  const font = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"';
  const cells = w.cells.map((c, i) => {
    const x = Math.round(col * i + col / 2);
    return `<text x="${x}" y="49" text-anchor="middle" font-size="20" font-weight="700" fill="#0b4a47">${escapeHtml(c.value)}</text>` +
      `<text x="${x}" y="64" text-anchor="middle" font-size="11" fill="#1f2933">${escapeHtml(c.label)}</text>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${BADGE_WIDTH}" height="${BADGE_HEIGHT}" viewBox="0 0 ${BADGE_WIDTH} ${BADGE_HEIGHT}" role="img" aria-labelledby="badge-title" lang="${escapeHtml(tx.lang)}" ${font}>` +
    `<title id="badge-title">${escapeHtml(w.alt)}</title>` +
    `<rect x="1" y="1" width="${BADGE_WIDTH - 2}" height="${BADGE_HEIGHT - 2}" rx="8" fill="#ffffff" stroke="#0b4a47" stroke-width="2"/>` +
    `<text x="14" y="22" font-size="13" font-weight="700" fill="#0b4a47">${escapeHtml(w.heading)}</text>${cells}` +
    `<text x="${BADGE_WIDTH / 2}" y="82" text-anchor="middle" font-size="10" fill="#3e4c59">${escapeHtml(w.footer)}</text></svg>\n`;
}

/**
 * What pages/badge (badge.html, a small page for an <iframe>) shows: the same figures as text, so they can be read,
 * copied and translated by the reader's browser, linking to the full record in the top window.
 */
function badgeView(name: string, figures: BadgeFigures, tx: SiteText, siteUrl: string | null): Worded & { href: string } {
  return { ...worded(name, figures, tx, siteUrl), href: siteUrl ?? 'index.html' };
}

/** badge.html as a fixed page of the site (the theme's pages/badge): re-rendered only when its figures or words change. */
export function badgePage(globals: SiteGlobals, name: string, stats: Stats): FixedPage {
  const tx = textOf(globals);
  const page = pageMeta(globals, BADGE_HTML, 'none', tx.text('badge.heading', { name }), tx.text('badge.footer'));
  return { path: BADGE_HTML, template: 'pages/badge', scope: { page, badge: badgeView(name, badgeFigures(stats), tx, globals.baseUrl) } };
}

/** The copy-paste code for the methodology page: an image with a link, or the iframe. */
export function badgeSnippets(tx: SiteText, name: string, figures: BadgeFigures, siteUrl: string | null): { image: string; frame: string; alt: string; svg: TrustedHtml } {
  const w = worded(name, figures, tx, siteUrl);
  const base = siteUrl ?? '';
  const image = `<a href="${escapeHtml(base || 'index.html')}"><img src="${escapeHtml(base)}${BADGE_SVG}" width="${BADGE_WIDTH}" height="${BADGE_HEIGHT}" alt="${escapeHtml(w.alt)}"></a>`;
  const frame = `<iframe src="${escapeHtml(base)}${BADGE_HTML}" width="${BADGE_WIDTH}" height="${BADGE_HEIGHT + 24}" title="${escapeHtml(w.title)}" loading="lazy" referrerpolicy="no-referrer" sandbox="allow-top-navigation-by-user-activation"></iframe>`;
  return { image, frame, alt: w.alt, svg: trusted(badgeSvg(name, figures, tx, siteUrl)) };
}
