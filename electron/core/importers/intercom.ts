import { z } from 'zod';
import type { MessageInput, ThreadInput } from '../model/thread.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { jsonItems } from './json-input.ts';
import type { Importer } from './types.ts';
import { addPrivate, cleanTags, firstText, OptText, VendorId, VendorTime } from './values.ts';
import { convertItem, jsonKey, markerScore, RecordProblem } from './vendor.ts';

// Intercom conversations (GET /conversations/{id}, or a list/search result; JSON or NDJSON). The opening message is
// `source`, not a part; `conversation_parts` hold the rest. Parts whose type mentions "note" are internal; parts
// without a body (assignment, open, close, snooze...) are events, not messages. Times are Unix seconds.

const Author = z.object({ type: OptText, id: VendorId.nullish(), name: OptText, email: OptText }).nullish();
type Author = z.output<typeof Author>;

const Attachment = z.object({ name: OptText, url: OptText, content_type: OptText, filesize: z.number().nullish() });

const Part = z.object({
  id: VendorId.optional(),
  part_type: z.string(),
  body: OptText,
  created_at: VendorTime,
  author: Author,
  attachments: z.array(Attachment).nullish(),
});
type Part = z.output<typeof Part>;

const Conversation = z.object({
  id: VendorId,
  title: OptText,
  created_at: VendorTime,
  updated_at: VendorTime.nullish(),
  state: OptText,
  open: z.boolean().nullish(),
  tags: z.union([z.object({ tags: z.array(z.unknown()).nullish() }), z.array(z.unknown())]).nullish(),
  conversation_rating: z.object({ rating: z.number().nullish(), remark: OptText, created_at: VendorTime.nullish() }).nullish(),
  source: z.object({
    id: VendorId.nullish(),
    type: OptText,
    delivered_as: OptText,
    subject: OptText,
    body: OptText,
    author: Author,
    attachments: z.array(Attachment).nullish(),
    url: OptText,
  }).nullish(),
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

function partToMessage(p: Part): MessageInput | null {
  const body = text(p.body);
  const hasFiles = (p.attachments ?? []).length > 0;
  if (!body && !hasFiles) return null;
  return {
    externalId: p.id,
    role: authorRole(p.author),
    authorName: p.author?.name ?? null,
    sentAt: p.created_at,
    body,
    format: 'text',
    visibility: p.part_type.toLowerCase().includes('note') ? 'internal' : 'public',
    attachments: files(p.attachments),
    privateData: authorPrivate(p.author),
  };
}

function conversationToThread(c: Conversation): ThreadInput {
  const messages: MessageInput[] = [];
  const src = c.source;
  if (src && (src.body || (src.attachments ?? []).length > 0)) {
    messages.push({
      externalId: `source:${src.id ?? c.id}`,
      role: authorRole(src.author),
      authorName: src.author?.name ?? null,
      sentAt: c.created_at,
      body: text(src.body),
      format: 'text',
      visibility: 'public',
      attachments: files(src.attachments),
      privateData: authorPrivate(src.author),
    });
  }
  const rawParts = Array.isArray(c.conversation_parts) ? c.conversation_parts : (c.conversation_parts?.conversation_parts ?? []);
  rawParts.forEach((raw, i) => {
    const parsed = Part.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new RecordProblem(`conversation part ${i + 1}: ${issue.path.join('.')}${issue.path.length ? ': ' : ''}${issue.message}`);
    }
    const m = partToMessage(parsed.data);
    if (m) messages.push(m);
  });
  if (messages.length === 0) throw new RecordProblem('conversation has no message with a body');
  const customer = src?.author && authorRole(src.author) === 'customer' ? src.author : null;
  const privateData: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.custom_attributes ?? {})) addPrivate(privateData, `custom_attribute.${k}`, v);
  addPrivate(privateData, 'rating.remark', c.conversation_rating?.remark);
  const rating = c.conversation_rating?.rating;
  const rawTags = Array.isArray(c.tags) ? c.tags : (c.tags?.tags ?? []);
  const closed = c.state ? c.state.toLowerCase() === 'closed' : c.open === false;
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
    resolvedAt: null,
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
    if (/"conversation_parts"\s*:/.test(sample) || /"type"\s*:\s*"conversation(\.list)?"/.test(sample)) return 0.95;
    return markerScore(sample, MARKERS, 3, 0.85);
  },
  async *read(file) {
    const shape = {
      listKeys: ['conversations', 'data'],
      isItem: (v: Record<string, unknown>) => 'id' in v && ('conversation_parts' in v || 'source' in v),
      expected: 'an Intercom conversation or {"conversations": [...]}',
    };
    for await (const item of jsonItems(file, shape)) yield convertItem(item, Conversation, conversationToThread);
  },
};
