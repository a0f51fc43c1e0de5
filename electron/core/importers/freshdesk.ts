import { z } from 'zod';
import type { MessageInput, ThreadInput } from '../model/thread.ts';
import { htmlToText } from './html.ts';
import { isObject, jsonItems } from './json-input.ts';
import type { StaffMatcher } from './staff.ts';
import type { Importer } from './types.ts';
import { addPrivate, cleanTags, firstText, OptText, VendorId, VendorTime } from './values.ts';
import { convertItem, jsonKey, markerScore, RecordProblem } from './vendor.ts';

// Freshdesk tickets (GET /api/v2/tickets/{id}?include=conversations,requester, or a list of them; JSON or NDJSON).
// The ticket's description is the customer's first message; `private: true` conversations are internal notes
// (filter on `private`, never on `source`, which also marks public replies).

const Attachment = z.object({ name: OptText, size: z.number().nullish(), content_type: OptText, attachment_url: OptText });

const Conversation = z.object({
  id: VendorId.optional(),
  body: OptText,
  body_text: OptText,
  incoming: z.boolean().nullish(),
  private: z.boolean().nullish(),
  user_id: VendorId.nullish(),
  source: z.union([z.number(), z.string()]).nullish(),
  support_email: OptText,
  from_email: OptText,
  to_emails: z.array(z.string()).nullish(),
  cc_emails: z.array(z.string()).nullish(),
  bcc_emails: z.array(z.string()).nullish(),
  attachments: z.array(Attachment).nullish(),
  created_at: VendorTime,
});
type Conversation = z.output<typeof Conversation>;

const Ticket = z.object({
  id: VendorId,
  subject: OptText,
  description: OptText,
  description_text: OptText,
  status: z.union([z.number(), z.string()]).nullish(),
  source: z.union([z.number(), z.string()]).nullish(),
  requester_id: VendorId.nullish(),
  requester: z.object({ name: OptText, email: OptText, phone: OptText, mobile: OptText }).nullish(),
  name: OptText,
  email: OptText,
  phone: OptText,
  tags: z.array(z.string()).nullish(),
  custom_fields: z.record(z.string(), z.unknown()).nullish(),
  created_at: VendorTime,
  updated_at: VendorTime.nullish(),
  stats: z.object({ resolved_at: VendorTime.nullish(), closed_at: VendorTime.nullish() }).nullish(),
  attachments: z.array(Attachment).nullish(),
  conversations: z.array(z.unknown()).nullish(),
});
type Ticket = z.output<typeof Ticket>;

const CHANNELS: Record<string, string> = { 1: 'email', 2: 'portal', 3: 'phone', 7: 'chat', 9: 'feedback-widget', 10: 'outbound-email' };

function attachments(list: z.output<typeof Attachment>[] | null | undefined): MessageInput['attachments'] {
  return (list ?? []).map((a) => ({
    name: a.name ?? 'attachment',
    ...(a.size != null ? { size: Math.max(0, Math.trunc(a.size)) } : {}),
    ...(a.content_type ? { contentType: a.content_type } : {}),
    ...(a.attachment_url ? { url: a.attachment_url } : {}),
  }));
}

function body(html: string | null | undefined, text: string | null | undefined): string {
  if (html) return htmlToText(html);
  return (text ?? '').trim();
}

function conversationRole(c: Conversation, requesterId: string | null, staff: StaffMatcher): 'customer' | 'staff' {
  if (c.private) return 'staff';
  if (requesterId !== null && c.user_id === requesterId) return 'customer';
  if (c.incoming === true) return 'customer';
  if (c.incoming === false) return 'staff';
  return staff.isStaff(c.from_email) ? 'staff' : 'customer';
}

function conversationToMessage(c: Conversation, requesterId: string | null, requesterName: string | undefined, staff: StaffMatcher): MessageInput {
  const privateData: Record<string, string> = {};
  addPrivate(privateData, 'from_email', c.from_email);
  addPrivate(privateData, 'to_emails', c.to_emails);
  addPrivate(privateData, 'cc_emails', c.cc_emails);
  addPrivate(privateData, 'bcc_emails', c.bcc_emails);
  addPrivate(privateData, 'support_email', c.support_email);
  return {
    externalId: c.id,
    role: conversationRole(c, requesterId, staff),
    authorName: requesterId !== null && c.user_id === requesterId ? (requesterName ?? null) : null,
    sentAt: c.created_at,
    body: body(c.body, c.body_text),
    format: 'text',
    visibility: c.private ? 'internal' : 'public',
    attachments: attachments(c.attachments),
    privateData,
  };
}

function ticketToThread(t: Ticket, staff: StaffMatcher): ThreadInput {
  const requesterId = t.requester_id ?? null;
  const requesterName = firstText(t.requester?.name, t.name);
  const requesterEmail = firstText(t.requester?.email, t.email);
  const messages: MessageInput[] = [];
  const description = body(t.description, t.description_text);
  if (description) {
    messages.push({ externalId: `${t.id}:description`, role: 'customer', authorName: requesterName ?? null, sentAt: t.created_at, body: description, format: 'text', visibility: 'public', attachments: attachments(t.attachments), privateData: {} });
  }
  (t.conversations ?? []).forEach((raw, i) => {
    const parsed = Conversation.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new RecordProblem(`conversation ${i + 1}: ${issue.path.join('.')}${issue.path.length ? ': ' : ''}${issue.message}`);
    }
    messages.push(conversationToMessage(parsed.data, requesterId, requesterName, staff));
  });
  if (messages.length === 0) throw new RecordProblem('ticket has no description and no conversations');
  const privateData: Record<string, string> = {};
  for (const [k, v] of Object.entries(t.custom_fields ?? {})) addPrivate(privateData, `custom_field.${k}`, v);
  addPrivate(privateData, 'requester.phone', firstText(t.requester?.phone, t.requester?.mobile, t.phone));
  const status = Number(t.status);
  const resolvedAt = t.stats?.resolved_at ?? t.stats?.closed_at ?? null;
  return {
    source: 'freshdesk',
    externalId: t.id,
    subject: t.subject ?? null,
    rating: null,
    // 4 Resolved, 5 Closed; 2 Open, 3 Pending and custom statuses are still open.
    status: status === 4 || status === 5 ? 'resolved' : 'open',
    channel: t.source != null ? (CHANNELS[String(t.source)] ?? String(t.source)) : null,
    tags: cleanTags(t.tags ?? []),
    openedAt: t.created_at,
    resolvedAt,
    ...(requesterName || requesterEmail ? { customer: { ...(requesterName ? { name: requesterName } : {}), ...(requesterEmail ? { email: requesterEmail } : {}) } } : {}),
    privateData,
    messages,
  };
}

const MARKERS = ['description_text', 'conversations', 'body_text', 'incoming', 'private', 'responder_id', 'fr_escalated', 'support_email', 'cc_emails', 'requester_id', 'fr_due_by'].map(jsonKey);

export const freshdesk: Importer = {
  id: 'freshdesk',
  label: 'Freshdesk tickets with conversations (JSON or NDJSON)',
  detect({ text }) {
    if (/"raw_subject"\s*:|"html_body"\s*:|"_embedded"\s*:|"conversation_parts"\s*:/.test(text)) return 0;
    return markerScore(text, MARKERS, 3, 0.9);
  },
  async *read(file, ctx) {
    const shape = {
      listKeys: ['tickets', 'results'],
      isItem: (v: Record<string, unknown>) => 'id' in v && ('description' in v || 'description_text' in v || 'conversations' in v),
      expected: 'a Freshdesk ticket or a list of tickets',
    };
    for await (const item of jsonItems(file, shape)) {
      yield convertItem(item.ok && isObject(item.value.ticket) ? { ...item, value: item.value.ticket } : item, Ticket, (t) => ticketToThread(t, ctx.staff));
    }
  },
};
