// How the site writes dates and numbers. Hand-written rather than Intl so that output never depends on the
// machine's ICU data: the same workspace must give the same bytes everywhere. Times are always UTC.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(iso: string): { y: number; m: number; d: number; hh: string; mm: string } | null {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return null;
  const date = new Date(t);
  return {
    y: date.getUTCFullYear(),
    m: date.getUTCMonth(),
    d: date.getUTCDate(),
    hh: String(date.getUTCHours()).padStart(2, '0'),
    mm: String(date.getUTCMinutes()).padStart(2, '0'),
  };
}

/** "3 March 2026" */
export function dateLabel(iso: string): string {
  const p = parts(iso);
  return p ? `${p.d} ${MONTHS[p.m]} ${p.y}` : '';
}

/** "3 March 2026, 14:05 UTC" */
export function dateTimeLabel(iso: string): string {
  const p = parts(iso);
  return p ? `${p.d} ${MONTHS[p.m]} ${p.y}, ${p.hh}:${p.mm} UTC` : '';
}

/** 12345 -> "12,345" */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const sign = n < 0 ? '-' : '';
  const [int, frac] = Math.abs(n).toString().split('.');
  return `${sign}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

/** 0.8123 -> "81%"; small non-zero shares keep one decimal so they do not read as zero. */
export function formatPercent(ratio: number): string {
  const pct = ratio * 100;
  if (pct > 0 && pct < 1) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}

