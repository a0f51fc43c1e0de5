import { z } from 'zod';
import { CandorError } from '../errors.ts';
import type { MessageInput, ThreadInput } from '../../shared/model/thread.ts';
import { htmlToText } from './html.ts';
import { isObject, jsonItems } from './json-input.ts';
import type { ItemResult } from './json-input.ts';
import type { Importer, ImportRecord } from './types.ts';
import { addPrivate, cleanTags, firstText, OptText, VendorId, VendorTime } from './values.ts';
import { convertItem, jsonKey, markerScore, RecordProblem } from './vendor.ts';

// Help Scout conversations: Mailbox API 2.0 with `_embedded.threads`, and API v1 ({"item": {...}} with `threads`,
// {"items": [...]}). A conversation fetched without its threads holds no message; a file where none has any is one
// fatal error that says how to export them, never one rejection per conversation.
// Threads come newest first; `note` is internal; `lineitem` is an event (assigned, closed...), not a message; only
// `published` threads are messages, so drafts never become messages.

const Person = z.object({
  id: VendorId.nullish(),
  type: OptText,
  email: OptText,
  first: OptText,
  last: OptText,
  firstName: OptText,
  lastName: OptText,
}).nullish();
type Person = z.output<typeof Person>;

const Attachment = z.object({
  filename: OptText,
  fileName: OptText,
  mimeType: OptText,
  size: z.number().nullish(),
  url: OptText,
  _links: z.object({ web: z.object({ href: OptText }).nullish(), data: z.object({ href: OptText }).nullish() }).nullish(),
});

const Thread = z.object({
  id: VendorId.optional(),
  type: z.string(),
  state: OptText,
  body: OptText,
  createdBy: Person,
  customer: Person,
  to: z.array(z.string()).nullish(),
  cc: z.array(z.string()).nullish(),
  bcc: z.array(z.string()).nullish(),
  createdAt: VendorTime,
  attachments: z.array(Attachment).nullish(),
  _embedded: z.object({ attachments: z.array(Attachment).nullish() }).nullish(),
});
type Thread = z.output<typeof Thread>;

const Conversation = z.object({
  id: VendorId,
  number: z.union([z.number(), z.string()]).nullish(),
  type: OptText,
  status: OptText,
  state: OptText,
  subject: OptText,
  createdAt: VendorTime.nullish(),
  closedAt: VendorTime.nullish(),
  createdBy: Person,
  primaryCustomer: Person,
  customer: Person,
  source: z.object({ type: OptText, via: OptText }).nullish(),
  tags: z.array(z.union([z.string(), z.object({ tag: OptText, name: OptText })])).nullish(),
  customFields: z.array(z.object({ id: VendorId.nullish(), name: OptText, value: z.unknown().optional(), text: OptText })).nullish(),
  // v2 puts the threads in _embedded and a count in `threads`; v1 put the list in `threads`.
  threads: z.unknown().optional(),
  _embedded: z.object({ threads: z.array(z.unknown()).nullish() }).nullish(),
});
type Conversation = z.output<typeof Conversation>;

/** Thread types that are events or work between colleagues rather than the conversation itself. */
const EVENT_TYPES = new Set(['lineitem']);
const INTERNAL_TYPES = new Set(['note', 'forwardparent', 'forwardchild']);
const STAFF_TYPES = new Set(['message', 'reply', 'note', 'forwardparent', 'forwardchild']);

function personName(p: Person): string | undefined {
  if (!p) return undefined;
  const name = [firstText(p.first, p.firstName), firstText(p.last, p.lastName)].filter(Boolean).join(' ');
  return name || undefined;
}

function threadRole(t: Thread): 'customer' | 'staff' {
  const type = t.type.toLowerCase();
  if (type === 'customer') return 'customer';
  if (STAFF_TYPES.has(type)) return 'staff';
  // chat, phone, beaconchat: whoever wrote it.
  return t.createdBy?.type?.toLowerCase() === 'user' ? 'staff' : 'customer';
}

function threadToMessage(t: Thread): MessageInput {
  const type = t.type.toLowerCase();
  const privateData: Record<string, string> = {};
  addPrivate(privateData, 'author.email', t.createdBy?.email);
  addPrivate(privateData, 'to', t.to);
  addPrivate(privateData, 'cc', t.cc);
  addPrivate(privateData, 'bcc', t.bcc);
  const files = [...(t.attachments ?? []), ...(t._embedded?.attachments ?? [])];
  return {
    externalId: t.id,
    role: threadRole(t),
    authorName: personName(t.createdBy) ?? null,
    sentAt: t.createdAt,
    body: t.body ? htmlToText(t.body) : '',
    format: 'text',
    visibility: INTERNAL_TYPES.has(type) ? 'internal' : 'public',
    attachments: files.map((a) => {
      const url = a.url ?? a._links?.web?.href ?? a._links?.data?.href;
      return {
        name: firstText(a.filename, a.fileName) ?? 'attachment',
        ...(a.size != null ? { size: Math.max(0, Math.trunc(a.size)) } : {}),
        ...(a.mimeType ? { contentType: a.mimeType } : {}),
        ...(url ? { url } : {}),
      };
    }),
    privateData,
  };
}

/** Whether the export carried the conversation's threads at all (v2 lists give a count instead). */
function hasThreads(value: Record<string, unknown>): boolean {
  const embedded = isObject(value._embedded) ? value._embedded.threads : undefined;
  return Array.isArray(embedded) || Array.isArray(value.threads);
}

const NO_THREADS = 'export each conversation with its threads (API 2.0: GET /v2/conversations/{id}?embed=threads; API v1: GET /v1/conversations/{id}.json)';

function conversationToThread(c: Conversation): ThreadInput {
  const raw = c._embedded?.threads ?? (Array.isArray(c.threads) ? c.threads : []);
  const messages: MessageInput[] = [];
  raw.forEach((r, i) => {
    const parsed = Thread.safeParse(r);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new RecordProblem(`thread ${i + 1}: ${issue.path.join('.')}${issue.path.length ? ': ' : ''}${issue.message}`);
    }
    const t = parsed.data;
    if (EVENT_TYPES.has(t.type.toLowerCase())) return;
    if ((t.state ?? 'published').toLowerCase() !== 'published') return;
    messages.push(threadToMessage(t));
  });
  if (messages.length === 0) throw new RecordProblem('conversation has no published messages (drafts and events are not imported)');
  const customer = c.primaryCustomer ?? c.customer ?? (c.createdBy?.type === 'customer' ? c.createdBy : null);
  const name = personName(customer);
  const email = customer?.email ?? undefined;
  const privateData: Record<string, string> = {};
  for (const f of c.customFields ?? []) addPrivate(privateData, `custom_field.${f.name ?? f.id}`, f.text ?? f.value);
  const status = c.status?.toLowerCase();
  return {
    source: 'helpscout',
    externalId: c.id,
    subject: c.subject ?? null,
    rating: null,
    status: status === 'closed' ? 'resolved' : 'open',
    channel: c.type ?? c.source?.via ?? null,
    tags: cleanTags((c.tags ?? []).map((t) => (typeof t === 'string' ? t : (t.tag ?? t.name)))),
    openedAt: c.createdAt ?? null,
    resolvedAt: status === 'closed' ? (c.closedAt ?? null) : null,
    ...(name || email ? { customer: { ...(name ? { name } : {}), ...(email ? { email } : {}) } } : {}),
    privateData,
    messages,
  };
}

const MARKERS = ['_embedded', 'mailboxId', 'createdBy', 'primaryCustomer', 'threads', 'closedAt', 'preview', 'customerWaitingSince', 'folderId'].map(jsonKey);

export const helpscout: Importer = {
  id: 'helpscout',
  label: 'Help Scout conversations with threads (JSON or NDJSON)',
  detect({ text }) {
    if (/"_embedded"\s*:\s*\{\s*"conversations"\s*:/.test(text)) return 0.95;
    if (/"type"\s*:\s*"(lineitem|forwardparent|beaconchat)"/.test(text)) return 0.9;
    return markerScore(text, MARKERS, 3, 0.85);
  },
  async *read(file) {
    const shape = {
      listKeys: ['_embedded.conversations', 'conversations', 'items'],
      isItem: (v: Record<string, unknown>) => isObject(v.item) || ('id' in v && ('_embedded' in v || 'threads' in v || 'mailboxId' in v)),
      expected: 'a Help Scout conversation, {"_embedded": {"conversations": [...]}}, or API v1\'s {"item": {...}} or {"items": [...]}',
    };
    // Conversations without threads are held back until one with threads shows the file has messages at all.
    let held: ImportRecord[] = [];
    let seen = 0;
    let withThreads = 0;
    for await (const raw of jsonItems(file, shape)) {
      const item: ItemResult = raw.ok && isObject(raw.value.item) ? { ...raw, value: raw.value.item } : raw;
      seen++;
      if (item.ok && !hasThreads(item.value)) {
        const rec: ImportRecord = { ok: false, location: item.location, reason: `conversation ${String(item.value.id)} was exported without its messages: ${NO_THREADS}` };
        if (withThreads > 0) yield rec;
        else held.push(rec);
        continue;
      }
      if (withThreads++ === 0) {
        yield* held;
        held = [];
      }
      yield convertItem(item, Conversation, conversationToThread);
    }
    if (withThreads === 0 && held.length > 0) {
      const what = held.length === 1 && seen === 1 ? 'a conversation without messages' : `a list without messages (${held.length} conversations)`;
      throw new CandorError('NO_MESSAGES', `${file.name} is ${what}: ${NO_THREADS}.`, { file: file.name });
    }
  },
};
