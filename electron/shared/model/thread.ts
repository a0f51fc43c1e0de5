import { z } from 'zod';

// The vocabulary shared by every importer, the store, curation and the site.
export const THREAD_KINDS = ['complaint', 'praise', 'question', 'suggestion', 'other'] as const;
export const THREAD_STATUSES = ['open', 'resolved', 'unresolved'] as const;
export const MESSAGE_ROLES = ['customer', 'staff', 'system'] as const;
const MESSAGE_FORMATS = ['text', 'markdown', 'html'] as const;
export const VISIBILITIES = ['public', 'internal'] as const;
export const DECISIONS = ['pending', 'publish', 'withhold'] as const;
export const WITHHOLD_REASONS = ['privacy-request', 'legal', 'abusive', 'spam', 'duplicate', 'off-topic', 'no-consent', 'other'] as const;

export const ThreadKind = z.enum(THREAD_KINDS);
export const ThreadStatus = z.enum(THREAD_STATUSES);
export const MessageRole = z.enum(MESSAGE_ROLES);
export const MessageFormat = z.enum(MESSAGE_FORMATS);
export const Visibility = z.enum(VISIBILITIES);
export const Decision = z.enum(DECISIONS);
export const WithholdReason = z.enum(WITHHOLD_REASONS);
export type ThreadKind = z.infer<typeof ThreadKind>;
export type ThreadStatus = z.infer<typeof ThreadStatus>;
export type MessageRole = z.infer<typeof MessageRole>;
export type MessageFormat = z.infer<typeof MessageFormat>;
export type Visibility = z.infer<typeof Visibility>;
export type Decision = z.infer<typeof Decision>;
export type WithholdReason = z.infer<typeof WithholdReason>;

const CANONICAL_UTC = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * A calendar-valid timestamp. `Date` silently rolls 2023-02-30 over to March, so the parts are compared back.
 * Zone-less times are read as UTC (documented in docs/formats/threads.md).
 */
export function parseTimestamp(value: string): string | null {
  // Most exports already say UTC to the second or millisecond ("2026-03-01T09:30:00Z"): such a time is checked
  // part by part and kept as it is, without the general parse below (a tenth of an import's reading). Years before
  // 1000 take the general path, which reads them as it always has.
  if (CANONICAL_UTC.test(value)) {
    const year = Number(value.slice(0, 4)), month = Number(value.slice(5, 7)), day = Number(value.slice(8, 10));
    const inRange = month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
      && Number(value.slice(11, 13)) <= 23 && Number(value.slice(14, 16)) <= 59 && Number(value.slice(17, 19)) <= 59;
    if (inRange) return value.length === 20 ? `${value.slice(0, 19)}.000Z` : value;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi), second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  let t = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  if (zone && zone.toUpperCase() !== 'Z') {
    const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!zm || Number(zm[2]) > 14 || Number(zm[3]) > 59) return null;
    const offset = (Number(zm[2]) * 60 + Number(zm[3])) * 60_000;
    t -= zm[1] === '+' ? offset : -offset;
  }
  const date = new Date(t);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const Timestamp = z.string().transform((value, ctx) => {
  const iso = parseTimestamp(value);
  if (!iso) {
    ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 40)}" is not a real date and time (expected ISO 8601, e.g. 2026-03-01T09:30:00Z)` });
    return z.NEVER;
  }
  return iso;
});

const NonEmpty = z.string().trim().min(1);

/** Candor's own thread file format (docs/formats/threads.md). Strict: unknown fields are mistakes. */
const ThreadFileMessage = z.strictObject({
  id: NonEmpty.optional(),
  author: z.strictObject({ role: MessageRole, name: z.string().optional() }),
  sent_at: Timestamp,
  body: z.string(),
  format: MessageFormat.optional(),
  visibility: Visibility.optional(),
  attachments: z.array(z.strictObject({ name: z.string(), size: z.number().int().nonnegative().optional(), content_type: z.string().optional(), url: z.string().optional() })).optional(),
});

export const ThreadFileRecord = z.strictObject({
  id: z.union([NonEmpty, z.number().int().transform(String)]),
  source: NonEmpty.optional(),
  kind: ThreadKind.optional(),
  subject: z.string().optional(),
  rating: z.number().int().min(1).max(5).nullable().optional(),
  status: ThreadStatus.optional(),
  channel: z.string().optional(),
  tags: z.array(z.string()).optional(),
  opened_at: Timestamp.optional(),
  resolved_at: Timestamp.nullable().optional(),
  customer: z.strictObject({ name: z.string().optional(), email: z.string().optional(), location: z.string().optional() }).optional(),
  messages: z.array(ThreadFileMessage).min(1, 'a thread needs at least one message'),
});
export type ThreadFileRecord = z.infer<typeof ThreadFileRecord>;

const Attachment = z.object({ name: z.string(), size: z.number().int().nonnegative().optional(), contentType: z.string().optional(), url: z.string().optional() });
type Attachment = z.infer<typeof Attachment>;

/** One message as every importer hands it to the store. Bodies are text or markdown: HTML is converted at import. */
export const MessageInput = z.object({
  externalId: z.string().optional(),
  role: MessageRole,
  authorName: z.string().nullable().optional(),
  sentAt: z.string(),
  body: z.string(),
  format: MessageFormat,
  visibility: Visibility,
  attachments: z.array(Attachment).default([]),
  /** Vendor metadata that is personal data (IP address, e-mail, order id...): stored privately, never as text. */
  privateData: z.record(z.string(), z.string()).default({}),
  /**
   * The external id of a stand-in this message replaces when it arrives later: Zendesk's ticket description is its
   * first comment, so a ticket imported without comments keeps the description until the comment comes.
   */
  supersedes: z.string().optional(),
});
export type MessageInput = z.input<typeof MessageInput>;

/** One thread as every importer hands it to the store (the normalized form of all formats). */
export const ThreadInput = z.object({
  source: z.string().min(1),
  externalId: z.string().min(1),
  kind: ThreadKind.optional(),
  subject: z.string().nullable().optional(),
  rating: z.number().int().min(1).max(5).nullable().optional(),
  /** A satisfaction score that is not stars (Zendesk good/bad): kept apart, never faked into a rating. */
  satisfaction: z.string().nullable().optional(),
  status: ThreadStatus.optional(),
  channel: z.string().nullable().optional(),
  tags: z.array(z.string()).default([]),
  openedAt: z.string().nullable().optional(),
  resolvedAt: z.string().nullable().optional(),
  customer: z.object({ name: z.string().optional(), email: z.string().optional(), location: z.string().optional() }).optional(),
  privateData: z.record(z.string(), z.string()).default({}),
  messages: z.array(MessageInput),
  /** The vendor's own type for the conversation (Zendesk "problem", Freshdesk "Feature Request"): a hint for kind. */
  vendorType: z.string().nullable().optional(),
  /**
   * Only updates a thread already in the workspace (a satisfaction rating that arrives on its own); a thread that is
   * not there is reported, not created.
   */
  patchOnly: z.boolean().optional(),
});
export type ThreadInput = z.input<typeof ThreadInput>;
