import { z } from 'zod';
import type { MessageInput, ThreadInput } from '../../shared/model/thread.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { jsonItems } from './json-input.ts';
import type { Importer } from './types.ts';
import { addPrivate, cleanTags, firstText, OptText, VendorId, VendorTime } from './values.ts';
import { convertItem, jsonKey, markerScore, RecordProblem } from './vendor.ts';

// Intercom conversations (GET /conversations/{id}, or a list/search result; JSON or NDJSON). The opening message is
// `source` (`conversation_message` in the legacy API), not a part; `conversation_parts` hold the rest. Parts whose
// type mentions "note" are internal; parts without a body (assignment, open, close, snooze...) are events. Parts of
// other types that carry a body (custom actions, attribute updates, workflow steps) are kept as internal system
// messages: stored, never published. A deleted message (`redacted`, or Intercom's "This message was deleted") is
// not published as its author's words. Times are Unix seconds.

const Author = z.object({ type: OptText, id: VendorId.nullish(), name: OptText, email: OptText }).nullish();
type Author = z.output<typeof Author>;

const Attachment = z.object({ name: OptText, url: OptText, content_type: OptText, filesize: z.number().nullish() });

const Part = z.object({
  id: VendorId.optional(),
  part_type: z.string(),
  redacted: z.boolean().nullish(),
  body: OptText,
  created_at: VendorTime,
  author: Author,
  attachments: z.array(Attachment).nullish(),
});
type Part = z.output<typeof Part>;

const Opening = z.object({
  id: VendorId.nullish(),
  type: OptText,
  delivered_as: OptText,
  subject: OptText,
  body: OptText,
  author: Author,
  attachments: z.array(Attachment).nullish(),
  url: OptText,
  redacted: z.boolean().nullish(),
}).nullish();

const Conversation = z.object({
  id: VendorId,
  statistics: z.object({ last_close_at: VendorTime.nullish(), first_close_at: VendorTime.nullish() }).nullish(),
  conversation_message: Opening,
  title: OptText,
  created_at: VendorTime,
  updated_at: VendorTime.nullish(),
  state: OptText,
  open: z.boolean().nullish(),
  tags: z.union([z.object({ tags: z.array(z.unknown()).nullish() }), z.array(z.unknown())]).nullish(),
  conversation_rating: z.object({ rating: z.number().nullish(), remark: OptText, created_at: VendorTime.nullish() }).nullish(),
  source: Opening,
  conversation_parts: z.union([z.object({ conversation_parts: z.array(z.unknown()).nullish() }), z.array(z.unknown())]).nullish(),
  custom_attributes: z.record(z.string(), z.unknown()).nullish(),
});
type Conversation = z.output<typeof Conversation>;

const CUSTOMER_TYPES = new Set(['user', 'lead', 'contact', 'customer']);

function authorRole(a: Author): 'customer' | 'staff' {
  return CUSTOMER_TYPES.has((a?.type ?? 'user').toLowerCase()) ? 'customer' : 'staff';
}

function text(body: string | null | undefined): string {
  if (!body) return '';
  return looksLikeHtml(body) ? htmlToText(body) : body.trim();
}

function files(list: z.output<typeof Attachment>[] | null | undefined): MessageInput['attachments'] {
  return (list ?? []).map((a) => ({
    name: a.name ?? 'attachment',
    ...(a.filesize != null ? { size: Math.max(0, Math.trunc(a.filesize)) } : {}),
    ...(a.content_type ? { contentType: a.content_type } : {}),
    ...(a.url ? { url: a.url } : {}),
  }));
}

function authorPrivate(a: Author): Record<string, string> {
  const p: Record<string, string> = {};
  addPrivate(p, 'author.email', a?.email);
  addPrivate(p, 'author.id', a?.id);
  return p;
}

/** Part types that are what someone wrote; the rest are events even when a body comes with them. */
const MESSAGE_PARTS = new Set(['comment', 'note', 'note_and_reopen', 'assignment', 'assign_and_reopen', 'assign_and_unsnooze', 'open', 'close', 'snoozed', 'unsnoozed', 'away_mode_assignment', 'quick_reply']);

/** Intercom's stand-in for a message its author deleted. */
export function isDeletedPlaceholder(body: string, redacted: boolean | null | undefined): boolean {
  return redacted === true || /^\s*this message was deleted\.?\s*$/i.test(body);
}

function partToMessage(p: Part): MessageInput | null {
  const body = text(p.body);
  const hasFiles = (p.attachments ?? []).length > 0;
  if (!body && !hasFiles) return null;
  const type = p.part_type.toLowerCase();
  const event = !MESSAGE_PARTS.has(type);
  const deleted = isDeletedPlaceholder(body, p.redacted);
  return {
    externalId: p.id,
    role: event ? 'system' : authorRole(p.author),
    authorName: p.author?.name ?? null,
    sentAt: p.created_at,
    body,
    format: 'text',
    visibility: event || deleted || type.includes('note') ? 'internal' : 'public',
    attachments: files(p.attachments),
    privateData: { ...authorPrivate(p.author), ...(event ? { part_type: p.part_type } : {}), ...(deleted ? { deleted: 'the author deleted this message' } : {}) },
  };
}

function conversationToThread(c: Conversation): ThreadInput {
  const messages: MessageInput[] = [];
  const parts: Part[] = [];
  const rawParts = Array.isArray(c.conversation_parts) ? c.conversation_parts : (c.conversation_parts?.conversation_parts ?? []);
  rawParts.forEach((raw, i) => {
    const parsed = Part.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new RecordProblem(`conversation part ${i + 1}: ${issue.path.join('.')}${issue.path.length ? ': ' : ''}${issue.message}`);
    }
    parts.push(parsed.data);
  });
  const src = c.source ?? c.conversation_message;
  if (src && (src.body || (src.attachments ?? []).length > 0)) {
    const body = text(src.body);
    const deleted = isDeletedPlaceholder(body, src.redacted);
    // The opening message comes first, whatever the clocks say: no part can answer before it was written.
    const first = parts.map((p) => p.created_at).sort()[0];
    messages.push({
      externalId: `source:${src.id ?? c.id}`,
      role: authorRole(src.author),
      authorName: src.author?.name ?? null,
      sentAt: first && first < c.created_at ? first : c.created_at,
      body,
      format: 'text',
      visibility: deleted ? 'internal' : 'public',
      attachments: files(src.attachments),
      privateData: { ...authorPrivate(src.author), ...(deleted ? { deleted: 'the author deleted this message' } : {}) },
    });
  }
  for (const p of parts) {
    const m = partToMessage(p);
    if (m) messages.push(m);
  }
  if (messages.length === 0) throw new RecordProblem('conversation has no message with a body');
  const customer = src?.author && authorRole(src.author) === 'customer' ? src.author : null;
  const privateData: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.custom_attributes ?? {})) addPrivate(privateData, `custom_attribute.${k}`, v);
  addPrivate(privateData, 'rating.remark', c.conversation_rating?.remark);
  const rating = c.conversation_rating?.rating;
  const rawTags = Array.isArray(c.tags) ? c.tags : (c.tags?.tags ?? []);
  const closed = c.state ? c.state.toLowerCase() === 'closed' : c.open === false;
  const closeParts = parts.filter((p) => p.part_type.toLowerCase() === 'close').map((p) => p.created_at).sort();
  const resolvedAt = closed ? (c.statistics?.last_close_at ?? closeParts.at(-1) ?? null) : null;
  const subject = firstText(c.title, src?.subject);
  return {
    source: 'intercom',
    externalId: c.id,
    subject: subject ? text(subject) : null,
    rating: rating != null && rating >= 1 && rating <= 5 ? Math.round(rating) : null,
    status: closed ? 'resolved' : 'open',
    channel: src?.type ?? null,
    tags: cleanTags(rawTags.map((t) => (typeof t === 'string' ? t : typeof t === 'object' && t !== null ? (t as { name?: unknown }).name : undefined))),
    openedAt: c.created_at,
    resolvedAt,
    ...(customer && (customer.name || customer.email) ? { customer: { ...(customer.name ? { name: customer.name } : {}), ...(customer.email ? { email: customer.email } : {}) } } : {}),
    privateData,
    messages,
  };
}

const MARKERS = ['conversation_parts', 'part_type', 'delivered_as', 'conversation_rating', 'waiting_since', 'snoozed_until', 'admin_assignee_id', 'source'].map(jsonKey);

export const intercom: Importer = {
  id: 'intercom',
  label: 'Intercom conversations with parts (JSON or NDJSON)',
  detect({ text: sample }) {
    if (/"conversation_parts"\s*:|"conversation_message"\s*:/.test(sample) || /"type"\s*:\s*"conversation(\.list)?"/.test(sample)) return 0.95;
    return markerScore(sample, MARKERS, 3, 0.85);
  },
  async *read(file) {
    const shape = {
      listKeys: ['conversations', 'data'],
      isItem: (v: Record<string, unknown>) => 'id' in v && ('conversation_parts' in v || 'source' in v || 'conversation_message' in v),
      expected: 'an Intercom conversation or {"conversations": [...]}',
    };
    for await (const item of jsonItems(file, shape)) yield convertItem(item, Conversation, conversationToThread);
  },
};
