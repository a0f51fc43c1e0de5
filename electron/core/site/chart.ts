import { escapeHtml, trusted } from './trusted.ts';
import type { TrustedHtml } from './trusted.ts';
import { englishText } from './i18n.ts';
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

/** Stacked monthly columns: complaints, and all other feedback. */
export function trendChart(points: readonly TrendPoint[], id = 'chart-trend', tx: SiteText = englishText()): TrustedHtml {
  if (points.length === 0) return trusted('');
  const width = 720;
  const height = 260;
  const left = 44;
  const right = 12;
  const top = 16;
  const bottom = 40;
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
  const labelEvery = Math.ceil(points.length / 12);
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
    if (i % labelEvery === 0) parts.push(`<text class="chart-axis" x="${fmt(x + barW / 2)}" y="${height - bottom + 16}" text-anchor="middle">${escapeHtml(tx.month(p.month))}</text>`);
  });
  parts.push(`<line class="chart-baseline" x1="${left}" x2="${width - right}" y1="${fmt(y(0))}" y2="${fmt(y(0))}"/>`);
  const lx = left;
  const ly = height - 10;
  parts.push(`<rect class="chart-complaint" x="${lx}" y="${ly - 9}" width="10" height="10"/><text class="chart-legend" x="${lx + 14}" y="${ly}">${escapeHtml(tx.text('kinds.complaint'))}</text>`);
  parts.push(`<rect class="chart-other" x="${lx + 110}" y="${ly - 9}" width="10" height="10"/><text class="chart-legend" x="${lx + 124}" y="${ly}">${escapeHtml(tx.text('chart.otherFeedback'))}</text>`);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const totalAll = points.reduce((s, p) => s + p.complaints + p.other, 0);
  const desc = tx.text('chart.trendDesc', { from: tx.month(first.month, true), to: tx.month(last.month, true), total: totalAll });
  return trusted(`<svg class="chart chart-trend" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${escapeHtml(tx.text('chart.trendTitle'))}</title><desc id="${id}-desc">${escapeHtml(desc)}</desc>${parts.join('')}</svg>`);
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
