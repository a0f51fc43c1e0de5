import type { z } from 'zod';
import type { ErrorLocation } from '../errors.ts';
import type { ThreadInput } from '../../shared/model/thread.ts';
import { describeZodError } from './json.ts';
import type { ItemResult } from './json-input.ts';
import type { ImportRecord } from './types.ts';

// The step every vendor importer shares: validate one raw item against the vendor's (loose) schema, convert it, and
// turn any problem into a rejected record that names where it was.

/** Thrown by a converter for a record that cannot become a thread; becomes a rejected record, not a fatal error. */
export class RecordProblem extends Error {}

export function convertItem<S extends z.ZodType>(item: ItemResult, schema: S, build: (value: z.output<S>, location: ErrorLocation) => ThreadInput): ImportRecord {
  if (!item.ok) return item;
  const parsed = schema.safeParse(item.value);
  if (!parsed.success) return { ok: false, location: item.location, reason: describeZodError(parsed.error) };
  try {
    return { ok: true, thread: build(parsed.data, item.location), location: item.location };
  } catch (err) {
    if (err instanceof RecordProblem) return { ok: false, location: item.location, reason: err.message };
    throw err;
  }
}

/** Detection by distinctive field names: the share of markers found, or 0 below `needed` hits. */
export function markerScore(text: string, markers: readonly RegExp[], needed: number, max = 0.9): number {
  const hits = markers.filter((m) => m.test(text)).length;
  if (hits < needed) return 0;
  return Math.min(max, 0.5 + (hits / markers.length) * 0.45);
}

/** A JSON key in a sample, e.g. jsonKey('html_body') matches `"html_body":`. */
export function jsonKey(name: string): RegExp {
  return new RegExp(`"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`);
}

/** Sorts by time, keeping the given order for equal times (the store sorts too; this makes "first" meaningful). */
export function byTime<T extends { sentAt: string }>(items: T[]): T[] {
  return items.map((m, i) => ({ m, i })).sort((a, b) => (a.m.sentAt < b.m.sentAt ? -1 : a.m.sentAt > b.m.sentAt ? 1 : a.i - b.i)).map(({ m }) => m);
}
