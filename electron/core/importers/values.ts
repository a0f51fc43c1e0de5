import { z } from 'zod';
import { parseTimestamp } from '../../shared/model/thread.ts';

// Small, pure conversions every vendor importer needs. Vendors disagree on ids (numbers or strings), times (ISO with
// any number of fractional digits, Unix seconds, milliseconds) and empty values (null, "", missing).

/** Ids arrive as numbers or strings; Candor keeps them as strings. */
export const VendorId = z.union([z.string().trim().min(1), z.number().finite().transform(String)], {
  error: (issue) => (issue.input === undefined || issue.input === null ? 'is missing' : 'expected an id (text or a number)'),
});

/** Optional text: null and missing both mean "none". */
export const OptText = z.string().nullish();

/** A Unix timestamp: seconds (fractions allowed), or milliseconds when it is too large to be seconds. */
export function unixToIso(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  // 1e11 seconds is the year 5138; anything larger is milliseconds (1e11 ms is 1973).
  const ms = Math.abs(n) >= 1e11 ? n : n * 1000;
  const d = new Date(Math.round(ms));
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1970 || d.getUTCFullYear() > 9999) return null;
  return d.toISOString();
}

/** ISO 8601 / RFC 3339 text, Unix seconds or milliseconds (number or digits) → UTC ISO, or null. */
export function toIsoTime(value: unknown): string | null {
  if (typeof value === 'number') return unixToIso(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(s)) return unixToIso(Number(s));
  return parseTimestamp(s);
}

/** A zod field for a time in any of the forms above, with a message that names the bad value. */
export const VendorTime = z.union([z.string(), z.number()], {
  error: (issue) => (issue.input === undefined || issue.input === null ? 'is missing' : 'expected a date and time'),
}).transform((value, ctx) => {
  const iso = toIsoTime(value);
  if (!iso) {
    ctx.addIssue({ code: 'custom', message: `"${String(value).slice(0, 40)}" is not a real date and time` });
    return z.NEVER;
  }
  return iso;
});

/** Scales a score on [min, max] onto whole stars 1–5 (rounded half up); null when outside the scale. */
export function toStars(value: number, min: number, max: number): number | null {
  if (!Number.isFinite(value) || max <= min || value < min || value > max) return null;
  if (min === 1 && max === 5) return Math.round(value);
  return Math.min(5, Math.max(1, Math.round(1 + ((value - min) / (max - min)) * 4)));
}

/** First non-empty string among the candidates, trimmed. */
export function firstText(...values: unknown[]): string | undefined {
  for (const v of values) {
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

/** Adds string entries to a private-data record, skipping empties; objects and arrays are stored as JSON. */
export function addPrivate(target: Record<string, string>, key: string, value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string') {
    if (value.trim() !== '') target[key] = value;
    return;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    target[key] = String(value);
    return;
  }
  if (Array.isArray(value) && value.length === 0) return;
  if (typeof value === 'object' && Object.keys(value).length === 0) return;
  target[key] = JSON.stringify(value);
}

/** Unique, non-empty tags, in the order given. */
export function cleanTags(values: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (typeof v === 'string' && v.trim() !== '') out.add(v.trim());
  }
  return [...out];
}
