import { escapeHtml, trusted } from './trusted.ts';
import type { TrustedHtml } from './trusted.ts';
import { englishText, intlLocale } from './i18n.ts';
import type { SiteText } from './i18n.ts';

// Charts drawn at build time as inline SVG: no script, no external file, readable without CSS and printable.
// Colours come from classes the theme's stylesheet sets; every chart has a title, a description and a table.

export type TrendPoint = { month: string; complaints: number; other: number; resolvedShare: number | null };

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/** A whole-number step (1, 2, 5, 10, 20, 25, 50...) giving at most five gridlines up to the maximum. */
function niceScale(n: number): { max: number; step: number } {
  const raw = Math.max(1, n) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = mag;
  for (const m of [1, 2, 2.5, 5, 10]) {
    step = Math.max(1, m * mag);
    if (step >= raw && Number.isInteger(step)) break;
  }
  return { max: Math.ceil(Math.max(1, n) / step) * step, step };
}

type TrendLayout = { name: 'wide' | 'compact'; width: number; height: number; left: number; right: number; top: number; bottom: number; labels: number };

// The same chart drawn twice: wide for screens and paper, compact for phones (the theme shows one by the screen's
// width). Scaled down to a phone, the wide chart's labels would be a third of their size; the compact one is drawn at
// about a phone's width, with a label every few months (month above, year below where it changes).
const WIDE: TrendLayout = { name: 'wide', width: 720, height: 260, left: 44, right: 30, top: 16, bottom: 40, labels: 12 };
const COMPACT: TrendLayout = { name: 'compact', width: 360, height: 250, left: 32, right: 8, top: 12, bottom: 62, labels: 5 };

/** The month's labels: the wide chart's "Jan 2026"; the compact one's "Jan" with the year under it when it changes. */
function monthLabels(points: readonly TrendPoint[], layout: TrendLayout, tx: SiteText): Map<number, string[]> {
  const every = Math.ceil(points.length / layout.labels);
  const out = new Map<number, string[]>();
  const short = new Intl.DateTimeFormat(intlLocale(tx.lang), { month: 'short', timeZone: 'UTC' });
  let lastYear = '';
  points.forEach((p, i) => {
    if (i % every !== 0) return;
    if (layout.name === 'wide') return void out.set(i, [tx.month(p.month)]);
    const [year, month] = p.month.split('-');
    out.set(i, year === lastYear ? [short.format(Date.UTC(Number(year), Number(month) - 1, 15))] : [short.format(Date.UTC(Number(year), Number(month) - 1, 15)), year!]);
    lastYear = year!;
  });
  return out;
}

function trendSvg(points: readonly TrendPoint[], id: string, tx: SiteText, layout: TrendLayout): string {
  const { width, height, left, right, top, bottom } = layout;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const { max, step } = niceScale(Math.max(...points.map((p) => p.complaints + p.other), 1));
  const slot = plotW / points.length;
  const barW = Math.max(2, Math.min(36, slot * 0.7));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  for (let v = 0; v <= max; v += step) {
    const yy = fmt(y(v));
    parts.push(`<line class="chart-grid" x1="${left}" x2="${width - right}" y1="${yy}" y2="${yy}"/>`);
    parts.push(`<text class="chart-axis" x="${left - 6}" y="${fmt(y(v) + 4)}" text-anchor="end">${tx.count(v)}</text>`);
  }
  const labels = monthLabels(points, layout, tx);
  points.forEach((p, i) => {
    const x = left + slot * i + (slot - barW) / 2;
    const hc = (p.complaints / max) * plotH;
    const ho = (p.other / max) * plotH;
    const total = p.complaints + p.other;
    const tip = tx.text('chart.trendTip', { month: tx.month(p.month, true), total, complaints: p.complaints });
    parts.push(`<g><title>${escapeHtml(tip)}</title>`);
    if (ho > 0) parts.push(`<rect class="chart-other" x="${fmt(x)}" y="${fmt(y(total))}" width="${fmt(barW)}" height="${fmt(ho)}"/>`);
    if (hc > 0) parts.push(`<rect class="chart-complaint" x="${fmt(x)}" y="${fmt(y(p.complaints))}" width="${fmt(barW)}" height="${fmt(hc)}"/>`);
    parts.push('</g>');
    (labels.get(i) ?? []).forEach((line, n) => {
      const at = layout.name === 'compact' ? `x="${fmt(x)}"` : `x="${fmt(x + barW / 2)}" text-anchor="middle"`;
      parts.push(`<text class="chart-axis" ${at} y="${height - bottom + 16 + n * 14}">${escapeHtml(line)}</text>`);
    });
  });
  parts.push(`<line class="chart-baseline" x1="${left}" x2="${width - right}" y1="${fmt(y(0))}" y2="${fmt(y(0))}"/>`);
  const complaints = tx.text('kinds.complaint');
  const lx = layout.name === 'compact' ? 4 : left;
  const ly = height - 10;
  // The second key starts after the first one's words (about 7 units a letter at the charts' 12 px).
  const second = lx + Math.max(110, 14 + complaints.length * 7 + 16);
  parts.push(`<rect class="chart-complaint" x="${lx}" y="${ly - 9}" width="10" height="10"/><text class="chart-legend" x="${lx + 14}" y="${ly}">${escapeHtml(complaints)}</text>`);
  parts.push(`<rect class="chart-other" x="${second}" y="${ly - 9}" width="10" height="10"/><text class="chart-legend" x="${second + 14}" y="${ly}">${escapeHtml(tx.text('chart.otherFeedback'))}</text>`);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const totalAll = points.reduce((s, p) => s + p.complaints + p.other, 0);
  const desc = tx.text('chart.trendDesc', { from: tx.month(first.month, true), to: tx.month(last.month, true), total: totalAll });
  return `<svg class="chart chart-trend chart-${layout.name}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${escapeHtml(tx.text('chart.trendTitle'))}</title><desc id="${id}-desc">${escapeHtml(desc)}</desc>${parts.join('')}</svg>`;
}

/** Stacked monthly columns: complaints, and all other feedback; a wide and a compact drawing (see TrendLayout). */
export function trendChart(points: readonly TrendPoint[], id = 'chart-trend', tx: SiteText = englishText()): TrustedHtml {
  if (points.length === 0) return trusted('');
  return trusted(trendSvg(points, id, tx, WIDE) + trendSvg(points, `${id}-compact`, tx, COMPACT));
}

export type RatingBar = { stars: number; count: number; share: number };

/** Horizontal bars for 5 to 1 stars. */
export function ratingChart(bars: readonly RatingBar[], id = 'chart-ratings', tx: SiteText = englishText()): TrustedHtml {
  const total = bars.reduce((s, b) => s + b.count, 0);
  if (total === 0) return trusted('');
  const width = 360;
  const row = 26;
  const left = 58;
  const labelW = 92;
  const plotW = width - left - labelW;
  const height = row * bars.length + 4;
  const max = Math.max(...bars.map((b) => b.count), 1);
  const parts = bars.map((b, i) => {
    const yy = i * row + 4;
    const w = (b.count / max) * plotW;
    return `<text class="chart-axis" x="0" y="${yy + 14}">${escapeHtml(tx.text('chart.stars', { stars: b.stars }))}</text>` +
      `<rect class="chart-track" x="${left}" y="${yy}" width="${plotW}" height="18" rx="3"/>` +
      (w > 0 ? `<rect class="chart-rating chart-rating-${b.stars}" x="${left}" y="${yy}" width="${fmt(Math.max(w, 2))}" height="18" rx="3"/>` : '') +
      `<text class="chart-value" x="${left + plotW + 8}" y="${yy + 14}">${escapeHtml(`${tx.count(b.count)} (${tx.percent(b.share)})`)}</text>`;
  });
  const desc = bars.map((b) => tx.text('chart.starsCount', { stars: b.stars, count: b.count })).join('; ');
  return trusted(`<svg class="chart chart-ratings" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${escapeHtml(tx.text('chart.ratingsTitle', { total }))}</title><desc id="${id}-desc">${escapeHtml(desc)}</desc>${parts.join('')}</svg>`);
}

/** A thin bar: share of the way from baseline to target (the claim pages' progress). */
export function progressBar(done: number | null, elapsed: number | null, label: string): TrustedHtml {
  if (done === null) return trusted('');
  const width = 320;
  const clamp = (v: number) => Math.max(0, Math.min(1, v));
  const w = clamp(done) * width;
  const marker = elapsed === null ? '' : `<line class="progress-marker" x1="${fmt(clamp(elapsed) * width)}" x2="${fmt(clamp(elapsed) * width)}" y1="0" y2="20"/>`;
  return trusted(`<svg class="progress" viewBox="0 0 ${width} 20" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">` +
    `<rect class="progress-track" x="0" y="4" width="${width}" height="12" rx="6"/>` +
    (w > 0 ? `<rect class="progress-done" x="0" y="4" width="${fmt(Math.max(w, 6))}" height="12" rx="6"/>` : '') + `${marker}</svg>`);
}
