import { z } from 'zod';
import { CandorError } from '../errors.ts';
import type { MessageInput, ThreadInput } from '../../shared/model/thread.ts';
import { companionKindOf } from './companions.ts';
import { htmlToText } from './html.ts';
import { isObject, jsonItems, jsonLayout, parseJsonDocument } from './json-input.ts';
import { lines, readAllText, sampleText } from './source-file.ts';
import type { SourceFile } from './source-file.ts';
import type { StaffMatcher } from './staff.ts';
import type { Importer, ImportRecord } from './types.ts';
import { addPrivate, cleanTags, firstText, OptText, VendorId, VendorTime } from './values.ts';
import { convertItem, jsonKey, markerScore, RecordProblem } from './vendor.ts';

// Freshdesk tickets (GET /api/v2/tickets/{id}?include=conversations,requester, or a list of them; JSON or NDJSON).
// The ticket's description is the customer's first message; `private: true` conversations are internal notes
// (filter on `private`, never on `source`, which also marks public replies). include=conversations returns ten at most:
// the rest come from GET /tickets/{id}/conversations, a companion file merged by ticket_id. An outbound ticket
// (source 10, the company wrote first) credits its description to the company.

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
  type: OptText,
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

/** Source 10 is "Outbound Email": the company wrote the first message. */
const OUTBOUND = '10';

function ticketToThread(t: Ticket, staff: StaffMatcher, more: readonly unknown[] = []): ThreadInput {
  const requesterId = t.requester_id ?? null;
  const requesterName = firstText(t.requester?.name, t.name);
  const requesterEmail = firstText(t.requester?.email, t.email);
  const messages: MessageInput[] = [];
  const description = body(t.description, t.description_text);
  const outbound = t.source != null && String(t.source) === OUTBOUND;
  if (description) {
    messages.push({ externalId: `${t.id}:description`, role: outbound ? 'staff' : 'customer', authorName: outbound ? null : (requesterName ?? null), sentAt: t.created_at, body: description, format: 'text', visibility: 'public', attachments: attachments(t.attachments), privateData: {} });
  }
  const seen = new Set<string>();
  [...(t.conversations ?? []), ...more].forEach((raw, i) => {
    const parsed = Conversation.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new RecordProblem(`conversation ${i + 1}: ${issue.path.join('.')}${issue.path.length ? ': ' : ''}${issue.message}`);
    }
    if (parsed.data.id !== undefined) {
      if (seen.has(parsed.data.id)) return;
      seen.add(parsed.data.id);
    }
    messages.push(conversationToMessage(parsed.data, requesterId, requesterName, staff));
  });
  if (messages.length === 0) throw new RecordProblem('ticket has no description and no conversations');
  const privateData: Record<string, string> = {};
  for (const [k, v] of Object.entries(t.custom_fields ?? {})) addPrivate(privateData, `custom_field.${k}`, v);
  addPrivate(privateData, 'requester.phone', firstText(t.requester?.phone, t.requester?.mobile, t.phone));
  const status = Number(t.status);
  const resolved = status === 4 || status === 5;
  let resolvedAt = resolved ? (t.stats?.resolved_at ?? t.stats?.closed_at ?? null) : null;
  if (resolved && !resolvedAt) {
    const last = messages.filter((m) => m.role === 'staff' && m.visibility === 'public').map((m) => m.sentAt).sort().at(-1);
    if (last) {
      resolvedAt = last;
      privateData['resolved_at.inferred'] = 'no resolved time in the export: the last public staff reply';
    }
  }
  return {
    source: 'freshdesk',
    externalId: t.id,
    subject: t.subject ?? null,
    rating: null,
    // 4 Resolved, 5 Closed; 2 Open, 3 Pending and custom statuses are still open.
    status: resolved ? 'resolved' : 'open',
    vendorType: t.type ?? null,
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
    if (companionKindOf(sampleText(file, 16 * 1024)) === 'freshdesk-conversations') throw conversationsAlone(file.name);
    const more = await readConversations(ctx.companions);
    const shape = {
      listKeys: ['tickets', 'results'],
      isItem: (v: Record<string, unknown>) => 'id' in v && ('description' in v || 'description_text' in v || 'conversations' in v),
      expected: 'a Freshdesk ticket or a list of tickets',
    };
    for await (const item of jsonItems(file, shape)) {
      const value = item.ok && isObject(item.value.ticket) ? { ...item, value: item.value.ticket } : item;
      const id = value.ok ? String(value.value.id) : '';
      yield convertItem(value, Ticket, (t) => ticketToThread(t, ctx.staff, more.get(id) ?? []));
    }
  },
};

export function conversationsAlone(name: string): CandorError {
  return new CandorError('COMPANION_FILE', `${name} holds Freshdesk conversations (the replies and notes of a ticket), not tickets: on their own they say too little to make a conversation. Import it together with its ticket (both files at once).`, { file: name }, `candor import <workspace> ticket.json ${name}`);
}

/** Conversations by ticket id, from companion files: a list, {"conversations": [...]}, one conversation, or NDJSON. */
async function readConversations(files: readonly SourceFile[]): Promise<Map<string, unknown[]>> {
  const out = new Map<string, unknown[]>();
  const add = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(add);
    if (!isObject(value)) return;
    if (Array.isArray(value.conversations)) return value.conversations.forEach(add);
    if (value.ticket_id === undefined || value.ticket_id === null) return;
    const id = String(value.ticket_id);
    out.set(id, [...(out.get(id) ?? []), value]);
  };
  for (const file of files) {
    if (companionKindOf(sampleText(file, 16 * 1024)) !== 'freshdesk-conversations') continue;
    if ((await jsonLayout(file)) === 'lines') {
      for await (const { text } of lines(file)) if (text.trim()) add(JSON.parse(text));
    } else add(parseJsonDocument(file, readAllText(file)));
  }
  return out;
}

/** Conversations whose ticket was in none of the imported files: they cannot be placed, and are reported. */
export async function freshdeskLeftovers(companions: readonly SourceFile[], imported: ReadonlySet<string>): Promise<ImportRecord[]> {
  const byTicket = await readConversations(companions);
  const out: ImportRecord[] = [];
  for (const [id, list] of byTicket) {
    if (imported.has(id)) continue;
    out.push({ ok: false, location: { file: companions.map((c) => c.name).join(', ') }, reason: `${list.length} conversation${list.length === 1 ? '' : 's'} of ticket ${id}, which is not in the tickets imported with ${list.length === 1 ? 'it' : 'them'}: import the ticket too` });
  }
  return out;
}
