import { z } from 'zod';
import { CandorError } from '../errors.ts';
import { THREAD_KINDS, THREAD_STATUSES, MESSAGE_ROLES, VISIBILITIES, parseTimestamp } from '../../shared/model/thread.ts';
import { describeZodError } from './json.ts';
import { unixToIso } from './values.ts';

// The column mapping for `candor import --format csv --mapping <file.json>` (docs/formats/csv-mapping.md). The app's
// import wizard writes the same file, so this schema is a public format: add fields, never change their meaning.

/** A column: its header name (exact, else ignoring case and punctuation) or its 1-based position. */
export const ColumnRef = z.union([z.string().min(1), z.number().int().min(1)]);
export type ColumnRef = z.infer<typeof ColumnRef>;

const ThreadColumns = {
  threadId: ColumnRef,
  subject: ColumnRef.optional(),
  kind: ColumnRef.optional(),
  status: ColumnRef.optional(),
  channel: ColumnRef.optional(),
  tags: ColumnRef.optional(),
  rating: ColumnRef.optional(),
  openedAt: ColumnRef.optional(),
  resolvedAt: ColumnRef.optional(),
  customerName: ColumnRef.optional(),
  customerEmail: ColumnRef.optional(),
  customerLocation: ColumnRef.optional(),
};

const MessageColumns = {
  messageId: ColumnRef.optional(),
  role: ColumnRef.optional(),
  authorName: ColumnRef.optional(),
  authorEmail: ColumnRef.optional(),
  sentAt: ColumnRef.optional(),
  body: ColumnRef,
  visibility: ColumnRef.optional(),
};

const ReplyColumns = {
  replyBody: ColumnRef.optional(),
  replyAt: ColumnRef.optional(),
  replyAuthor: ColumnRef.optional(),
};

const ValueMap = <T extends readonly [string, ...string[]]>(values: T) => z.record(z.string(), z.enum(values));

export const CsvMapping = z.strictObject({
  version: z.literal(1).default(1),
  /** Stored as each thread's source; re-importing is idempotent per source and thread id. */
  source: z.string().trim().min(1).regex(/^[a-z0-9][a-z0-9._-]*$/i, 'letters, digits, ".", "_" or "-"').default('csv'),
  layout: z.enum(['message-per-row', 'thread-per-row']),
  delimiter: z.string().length(1).optional(),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
  dateFormat: z.enum(['iso', 'unix', 'unix-ms', 'day-first', 'month-first']).default('iso'),
  /** Offset for times written without a zone, e.g. "+02:00"; without it they are UTC. */
  utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/, 'e.g. "+02:00"').optional(),
  bodyFormat: z.enum(['text', 'html', 'markdown']).default('text'),
  ratingScale: z.strictObject({ min: z.number(), max: z.number() }).refine((s) => s.max > s.min, 'max must be above min').default({ min: 1, max: 5 }),
  tagSeparator: z.string().min(1).default(','),
  columns: z.strictObject({ ...ThreadColumns, ...MessageColumns, ...ReplyColumns }),
  values: z.strictObject({
    role: ValueMap(MESSAGE_ROLES).optional(),
    visibility: ValueMap(VISIBILITIES).optional(),
    status: ValueMap(THREAD_STATUSES).optional(),
    kind: ValueMap(THREAD_KINDS).optional(),
  }).default({}),
  /** Columns that hold personal data (order numbers, phone, IP): stored privately, never shown or published. */
  private: z.array(ColumnRef).default([]),
}).superRefine((m, ctx) => {
  if (m.layout === 'message-per-row' && m.columns.role === undefined && m.columns.authorEmail === undefined) {
    ctx.addIssue({ code: 'custom', path: ['columns', 'role'], message: 'one row per message needs a "role" column or an "authorEmail" column (matched against the staff addresses) to tell customers from staff' });
  }
  if (m.layout === 'message-per-row' && m.columns.sentAt === undefined) {
    ctx.addIssue({ code: 'custom', path: ['columns', 'sentAt'], message: 'one row per message needs a "sentAt" column' });
  }
  if (m.layout === 'thread-per-row' && m.columns.sentAt === undefined && m.columns.openedAt === undefined) {
    ctx.addIssue({ code: 'custom', path: ['columns', 'sentAt'], message: 'one row per thread needs a "sentAt" or "openedAt" column for the first message' });
  }
});
export type CsvMapping = z.output<typeof CsvMapping>;

/**
 * The source name a mapping file stands for when it names none: its file name without ".json" and ".mapping"
 * ("shop-reviews.mapping.json" → "shop-reviews"), in the letters a source name may use.
 */
export function sourceFromMappingFile(path: string): string {
  const base = (path.split(/[\\/]/).pop() ?? '').replace(/\.json$/i, '').replace(/[._-]?mapping$/i, '');
  return base.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[-_.]+$/g, '').slice(0, 60) || 'csv';
}

export function parseMapping(raw: unknown): CsvMapping {
  if (raw === undefined) {
    throw new CandorError('MAPPING_REQUIRED', 'A CSV file needs a column mapping: which column holds the text, the date and the conversation (see docs/formats/csv-mapping.md).', undefined, '--mapping <file.json>');
  }
  const parsed = CsvMapping.safeParse(raw);
  if (!parsed.success) throw new CandorError('BAD_MAPPING', `The column mapping is not valid: ${describeZodError(parsed.error)}.`);
  return parsed.data;
}

const DMY = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;

/** Reads a cell as a time per the mapping; null when it is not one. Zone-less times are UTC unless utcOffset says. */
export function parseCsvTime(value: string, format: CsvMapping['dateFormat'], utcOffset?: string): string | null {
  const s = value.trim();
  if (s === '') return null;
  if (format === 'unix' || format === 'unix-ms') {
    if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
    if (format === 'unix') return unixToIso(Number(s));
    const d = new Date(Math.round(Number(s)));
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (format === 'iso') {
    if (/^-?\d+(\.\d+)?$/.test(s)) return unixToIso(Number(s));
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(s) && /[T ]\d/.test(s);
    return parseTimestamp(hasZone || !utcOffset ? s : `${s.includes(':') ? s : `${s}T00:00`}${utcOffset}`);
  }
  const m = DMY.exec(s);
  if (!m) return null;
  const [, a, b, y, h = '0', mi = '0', sec = '0', ampm] = m;
  const day = Number(format === 'day-first' ? a : b);
  const month = Number(format === 'day-first' ? b : a);
  const year = y!.length === 2 ? 2000 + Number(y) : Number(y);
  let hour = Number(h);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/^p/i.test(ampm) ? 12 : 0);
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${mi!.padStart(2, '0')}:${sec!.padStart(2, '0')}`;
  return parseTimestamp(`${iso}${utcOffset ?? 'Z'}`);
}
