import { z } from 'zod';
import { CandorError } from '../errors.ts';
import type { MessageInput, ThreadInput } from '../model/thread.ts';
import { htmlToText } from './html.ts';
import { isObject, jsonItems, jsonLayout, parseJsonDocument } from './json-input.ts';
import type { JsonShape } from './json-input.ts';
import { lines, readAllText, sampleText } from './source-file.ts';
import type { SourceFile } from './source-file.ts';
import type { StaffMatcher } from './staff.ts';
import type { Importer, ImporterContext } from './types.ts';
import { addPrivate, cleanTags, firstText, OptText, VendorId, VendorTime } from './values.ts';
import { byTime, convertItem, jsonKey, markerScore, RecordProblem } from './vendor.ts';

// Zendesk Support: tickets with their comments (docs/formats/importers.md). Whether the account export embeds comments
// is unconfirmed, so four layouts are accepted: {"tickets":[...]} with embedded comments, one {"ticket":{...},
// "comments":[...]}, NDJSON of tickets, and a tickets export plus a comments file keyed by ticket id (--comments).

const Address = z.object({ address: OptText, name: OptText }).nullish();
const Via = z.object({
  channel: z.union([z.string(), z.number()]).nullish(),
  source: z.object({ from: Address, to: Address, rel: OptText }).nullish(),
}).nullish();

const Attachment = z.object({
  file_name: OptText,
  content_url: OptText,
  content_type: OptText,
  size: z.number().nullish(),
});

const Comment = z.object({
  id: VendorId.optional(),
  type: OptText,
  author_id: VendorId.nullish(),
  author: z.object({ id: VendorId.nullish(), name: OptText, email: OptText, role: OptText }).nullish(),
  body: OptText,
  html_body: OptText,
  plain_body: OptText,
  public: z.boolean().nullish(),
  attachments: z.array(Attachment).nullish(),
  via: Via,
  metadata: z.object({
    system: z.object({ ip_address: z.unknown().optional(), location: z.unknown().optional(), latitude: z.unknown().optional(), longitude: z.unknown().optional(), client: z.unknown().optional() }).nullish(),
    custom: z.unknown().optional(),
  }).nullish(),
  created_at: VendorTime,
});
type Comment = z.output<typeof Comment>;

const User = z.object({ id: VendorId, name: OptText, email: OptText, role: OptText });
type User = z.output<typeof User>;

const Ticket = z.object({
  id: VendorId,
  subject: OptText,
  raw_subject: OptText,
  description: OptText,
  status: OptText,
  requester_id: VendorId.nullish(),
  submitter_id: VendorId.nullish(),
  assignee_id: VendorId.nullish(),
  created_at: VendorTime.nullish(),
  updated_at: VendorTime.nullish(),
  solved_at: VendorTime.nullish(),
  tags: z.array(z.string()).nullish(),
  custom_fields: z.array(z.object({ id: VendorId, value: z.unknown().optional() })).nullish(),
  via: Via,
  satisfaction_rating: z.object({ score: OptText, comment: OptText }).nullish(),
  requester: z.object({ name: OptText, email: OptText }).nullish(),
  comments: z.array(z.unknown()).nullish(),
  users: z.array(z.unknown()).nullish(),
});
type Ticket = z.output<typeof Ticket>;

type Users = Map<string, User>;

function collectUsers(list: unknown, users: Users): void {
  if (!Array.isArray(list)) return;
  for (const u of list) {
    const parsed = User.safeParse(u);
    if (parsed.success) users.set(parsed.data.id, parsed.data);
  }
}

/** Comments keyed by ticket id, from every layout a comments file is known to take. */
export type CommentIndex = Map<string, unknown[]>;

function addComments(index: CommentIndex, ticketId: unknown, comments: unknown[], createdAt?: unknown): void {
  const id = VendorId.safeParse(ticketId);
  if (!id.success) return;
  const list = index.get(id.data) ?? [];
  for (const c of comments) {
    if (!isObject(c)) continue;
    list.push(createdAt !== undefined && c.created_at === undefined ? { ...c, created_at: createdAt } : c);
  }
  index.set(id.data, list);
}

function collectComments(value: unknown, index: CommentIndex, users: Users): void {
  if (Array.isArray(value)) {
    for (const v of value) collectComments(v, index, users);
    return;
  }
  if (!isObject(value)) return;
  collectUsers(value.users, users);
  if (Array.isArray(value.ticket_events)) {
    collectComments(value.ticket_events, index, users);
    return;
  }
  // An incremental ticket event: comment child events, timed by their parent event.
  if (Array.isArray(value.child_events) && value.ticket_id !== undefined) {
    const comments = value.child_events.filter((e) => isObject(e) && (e.type === 'Comment' || e.event_type === 'Comment'));
    addComments(index, value.ticket_id, comments, value.created_at);
    return;
  }
  if (Array.isArray(value.comments)) {
    if (value.ticket_id !== undefined) addComments(index, value.ticket_id, value.comments);
    else for (const c of value.comments) if (isObject(c) && c.ticket_id !== undefined) addComments(index, c.ticket_id, [c]);
    return;
  }
  if (isObject(value.comments)) {
    collectComments(value.comments, index, users);
    return;
  }
  if (value.ticket_id !== undefined && ('body' in value || 'html_body' in value || 'plain_body' in value)) {
    addComments(index, value.ticket_id, [value]);
    return;
  }
  // {"<ticket id>": [comments...]} or {"<ticket id>": {"comments": [...]}}
  for (const [key, v] of Object.entries(value)) {
    if (!/^\d+$/.test(key)) continue;
    if (Array.isArray(v)) addComments(index, key, v);
    else if (isObject(v) && Array.isArray(v.comments)) addComments(index, key, v.comments);
  }
}

/** Reads every companion comments file. A file that is not JSON is a fatal error naming it. */
export async function readCommentFiles(files: readonly SourceFile[]): Promise<{ comments: CommentIndex; users: Users }> {
  const comments: CommentIndex = new Map();
  const users: Users = new Map();
  for (const file of files) {
    if ((await jsonLayout(file)) === 'lines') {
      for await (const { line, text } of lines(file)) {
        if (text.trim() === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (err) {
          throw new CandorError('MALFORMED_FILE', `${file.name} line ${line}: not valid JSON (${(err as Error).message}).`, { file: file.name, line });
        }
        collectComments(value, comments, users);
      }
    } else {
      collectComments(parseJsonDocument(file, readAllText(file)), comments, users);
    }
  }
  return { comments, users };
}

type RoleInfo = { requesterId: string | null; users: Users; staff: StaffMatcher };

function commentRole(c: Comment, info: RoleInfo): 'customer' | 'staff' {
  const user = c.author_id ? info.users.get(c.author_id) : undefined;
  const role = (c.author?.role ?? user?.role ?? '').toLowerCase();
  if (role === 'end-user' || role === 'end_user' || role === 'enduser') return 'customer';
  if (role === 'agent' || role === 'admin') return 'staff';
  const authorId = c.author?.id ?? c.author_id ?? null;
  if (authorId !== null && info.requesterId !== null) {
    if (authorId === info.requesterId) return 'customer';
  }
  const address = c.author?.email ?? user?.email ?? c.via?.source?.from?.address ?? null;
  if (address && info.staff.entries.length > 0) return info.staff.isStaff(address) ? 'staff' : 'customer';
  // Anyone but the requester who comments on a ticket is, in Zendesk, almost always an agent.
  return authorId === null && info.requesterId === null ? 'customer' : 'staff';
}

/** Zendesk's own plain-text rendering when the export has it; else the HTML, converted; else the raw body. */
function commentBody(c: Comment): string {
  if (c.plain_body != null && c.plain_body.trim() !== '') return c.plain_body;
  if (c.html_body && c.html_body.trim() !== '') return htmlToText(c.html_body);
  return c.body ?? '';
}

function commentToMessage(c: Comment, info: RoleInfo): MessageInput {
  const user = c.author_id ? info.users.get(c.author_id) : undefined;
  // Vendor metadata is personal data: kept privately. The request metadata (IP address, location, coordinates,
  // client) is one JSON value, the sender another: each key is a stored row, and a large import writes millions.
  const privateData: Record<string, string> = {};
  const system = c.metadata?.system;
  if (system) {
    const request = Object.fromEntries(Object.entries(system).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    if (Object.keys(request).length > 0) privateData.metadata = JSON.stringify(request);
  }
  addPrivate(privateData, 'metadata.custom', c.metadata?.custom);
  const from = c.via?.source?.from;
  const author = c.author?.email ?? user?.email;
  addPrivate(privateData, 'from', from?.address ? (from.name ? `${from.name} <${from.address}>` : from.address) : author);
  addPrivate(privateData, 'to', c.via?.source?.to?.address);
  return {
    externalId: c.id,
    role: commentRole(c, info),
    authorName: firstText(c.author?.name, user?.name) ?? null,
    sentAt: c.created_at,
    body: commentBody(c),
    format: 'text',
    visibility: c.public === false ? 'internal' : 'public',
    attachments: (c.attachments ?? []).map((a) => ({
      name: a.file_name ?? 'attachment',
      ...(a.size != null ? { size: Math.max(0, Math.trunc(a.size)) } : {}),
      ...(a.content_type ? { contentType: a.content_type } : {}),
      ...(a.content_url ? { url: a.content_url } : {}),
    })),
    privateData,
  };
}

/** {"ticket": {...}, "comments": [...]} and a bare ticket both become a ticket with its comments. */
function unwrap(value: Record<string, unknown>): Record<string, unknown> {
  if (!isObject(value.ticket)) return value;
  const ticket = value.ticket;
  const comments = [...(Array.isArray(ticket.comments) ? ticket.comments : []), ...(Array.isArray(value.comments) ? value.comments : [])];
  return { ...ticket, comments, users: value.users ?? ticket.users };
}

function ticketToThread(t: Ticket, extra: { comments: CommentIndex; users: Users; staff: StaffMatcher }): ThreadInput {
  let users = extra.users;
  if (t.users?.length) {
    // Users sideloaded with this one ticket: seen by this ticket only.
    users = new Map(extra.users);
    collectUsers(t.users, users);
  }
  const raw = [...(t.comments ?? []), ...(extra.comments.get(t.id) ?? [])];
  const comments: Comment[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const parsed = Comment.safeParse(raw[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new RecordProblem(`comment ${i + 1}: ${issue.path.join('.')}${issue.path.length ? ': ' : ''}${issue.message}`);
    }
    const c = parsed.data;
    if (c.id !== undefined) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
    }
    comments.push(c);
  }
  const ordered = [...comments].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
  const requesterId = t.requester_id ?? ordered[0]?.author?.id ?? ordered[0]?.author_id ?? null;
  const info: RoleInfo = { requesterId, users, staff: extra.staff };
  let messages = comments.map((c) => commentToMessage(c, info));
  if (messages.length === 0) {
    // The incremental export carries no comments; the description is the first comment.
    const description = t.description?.trim();
    if (!description || !t.created_at) throw new RecordProblem('ticket has no comments and no description (give the comments file with --comments)');
    messages = [{ externalId: `${t.id}:description`, role: 'customer', authorName: null, sentAt: t.created_at, body: description, format: 'text', visibility: 'public', attachments: [], privateData: {} }];
  }
  // The requester: sideloaded users, an embedded requester, else the address the ticket came from (e-mail channel).
  const viaFrom = t.via?.source?.from;
  const requester = (requesterId ? users.get(requesterId) : undefined) ?? t.requester ?? (viaFrom?.address ? { name: viaFrom.name, email: viaFrom.address } : undefined);
  const privateData: Record<string, string> = {};
  for (const f of t.custom_fields ?? []) addPrivate(privateData, `custom_field.${f.id}`, f.value);
  addPrivate(privateData, 'satisfaction.comment', t.satisfaction_rating?.comment);
  const score = t.satisfaction_rating?.score?.toLowerCase();
  const status = t.status?.toLowerCase();
  return {
    source: 'zendesk',
    externalId: t.id,
    subject: t.subject ?? t.raw_subject ?? null,
    rating: null,
    satisfaction: score === 'good' || score === 'bad' ? score : null,
    status: status === 'solved' || status === 'closed' ? 'resolved' : 'open',
    channel: t.via?.channel != null ? String(t.via.channel) : null,
    tags: cleanTags(t.tags ?? []),
    openedAt: t.created_at ?? byTime(messages)[0]!.sentAt,
    resolvedAt: t.solved_at ?? null,
    ...(requester && (requester.name || requester.email) ? { customer: { ...(requester.name ? { name: requester.name } : {}), ...(requester.email ? { email: requester.email } : {}) } } : {}),
    privateData,
    messages,
  };
}

function isCommentsOnly(text: string): boolean {
  const t = text.trimStart();
  return /^\{\s*"(ticket_events|comments)"\s*:/.test(t) || /^\{\s*"\d+"\s*:\s*[[{]/.test(t) || (/^\{\s*"ticket_id"\s*:/.test(t) && !/"subject"\s*:/.test(t));
}

const MARKERS = ['via', 'requester_id', 'submitter_id', 'raw_subject', 'satisfaction_rating', 'html_body', 'plain_body', 'public', 'assignee_id', 'author_id'].map(jsonKey);

export const zendesk: Importer = {
  id: 'zendesk',
  label: 'Zendesk tickets with comments (JSON, NDJSON, or tickets plus --comments)',
  detect({ text }) {
    const t = text.trimStart();
    // Freshdesk shares requester_id and the "tickets" wrapper; only Freshdesk has description_text and conversations.
    if (/"description_text"\s*:|"conversations"\s*:|"body_text"\s*:/.test(t)) return 0;
    if (/^\{\s*"tickets"\s*:\s*\[/.test(t) && markerScore(t, MARKERS, 1) > 0) return 0.95;
    if (/^\{\s*"ticket"\s*:\s*\{/.test(t)) return 0.95;
    if (isCommentsOnly(t) && markerScore(t, MARKERS, 1) > 0) return 0.6;
    return markerScore(t, MARKERS, 3, 0.9);
  },
  async *read(file: SourceFile, ctx: ImporterContext) {
    const { comments, users } = await readCommentFiles(ctx.companions);
    if (isCommentsOnly(sampleText(file, 4096))) {
      throw new CandorError('COMPANION_FILE', `${file.name} holds Zendesk comments, not tickets. Import the tickets export and give this file with --comments ${file.name}.`, { file: file.name });
    }
    const shape: JsonShape = {
      listKeys: ['tickets', 'results'],
      isItem: (v) => isObject(v.ticket) || ('id' in v && ('subject' in v || 'comments' in v || 'description' in v || 'requester_id' in v)),
      expected: 'a Zendesk ticket, {"tickets": [...]} or {"ticket": {...}, "comments": [...]}',
      onContainer: (c) => collectUsers(c.users, users),
    };
    for await (const item of jsonItems(file, shape)) {
      yield convertItem(item.ok ? { ...item, value: unwrap(item.value) } : item, Ticket, (t) => ticketToThread(t, { comments, users, staff: ctx.staff }));
    }
  },
};
