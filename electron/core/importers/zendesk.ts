import { z } from 'zod';
import { CandorError } from '../errors.ts';
import type { ErrorLocation } from '../errors.ts';
import type { MessageInput, ThreadInput } from '../../shared/model/thread.ts';
import { companionKindOf } from './companions.ts';
import { htmlToText } from './html.ts';
import { isObject, jsonItems } from './json-input.ts';
import type { ItemResult, JsonShape } from './json-input.ts';
import { sampleText } from './source-file.ts';
import type { SourceFile } from './source-file.ts';
import type { StaffMatcher } from './staff.ts';
import type { Importer, ImporterContext, ImportRecord } from './types.ts';
import { addPrivate, cleanTags, firstText, OptText, VendorId, VendorTime } from './values.ts';
import { byTime, convertItem, jsonKey, markerScore, RecordProblem } from './vendor.ts';
import { collectExtras, collectUsers, emptyExtras, readExtras } from './zendesk-companions.ts';
import type { Users, ZendeskExtras } from './zendesk-companions.ts';

// Zendesk Support: tickets with their comments (docs/formats/importers.md). Whether the account export embeds comments
// is unconfirmed, so these layouts are accepted: {"tickets":[...]} with embedded comments, one {"ticket":{...},
// "comments":[...]} or {"ticket", "audit"}, NDJSON of tickets, and tickets plus companion files (comments, ticket
// audits, satisfaction ratings: zendesk-companions.ts) given with --comments or beside the tickets. Audits and
// satisfaction ratings are also read on their own.

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

const Ticket = z.object({
  id: VendorId,
  subject: OptText,
  raw_subject: OptText,
  description: OptText,
  type: OptText,
  status: OptText,
  requester_id: VendorId.nullish(),
  submitter_id: VendorId.nullish(),
  assignee_id: VendorId.nullish(),
  created_at: VendorTime.nullish(),
  updated_at: VendorTime.nullish(),
  solved_at: VendorTime.nullish(),
  metric_set: z.object({ solved_at: VendorTime.nullish() }).nullish(),
  tags: z.array(z.string()).nullish(),
  custom_fields: z.array(z.object({ id: VendorId, value: z.unknown().optional() })).nullish(),
  via: Via,
  satisfaction_rating: z.object({ score: OptText, comment: OptText, created_at: VendorTime.nullish(), updated_at: VendorTime.nullish() }).nullish(),
  requester: z.object({ name: OptText, email: OptText }).nullish(),
  comments: z.array(z.unknown()).nullish(),
  users: z.array(z.unknown()).nullish(),
});
type Ticket = z.output<typeof Ticket>;

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

/** {"ticket": {...}, "comments": [...]}, {"ticket", "audit"} and a bare ticket all become a ticket with its comments. */
function unwrap(value: Record<string, unknown>, extras: ZendeskExtras): Record<string, unknown> {
  if (!isObject(value.ticket)) return value;
  const ticket = value.ticket;
  const comments = [...(Array.isArray(ticket.comments) ? ticket.comments : []), ...(Array.isArray(value.comments) ? value.comments : [])];
  if (isObject(value.audit)) {
    const own = emptyExtras();
    collectExtras({ audits: [value.audit] }, own, '');
    comments.push(...(own.comments.get(String(ticket.id)) ?? []));
  }
  collectUsers(value.users, extras.users);
  return { ...ticket, comments, users: value.users ?? ticket.users };
}

function parseComments(raw: unknown[]): Comment[] {
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
  return comments.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
}

/** When a solved ticket was solved: Zendesk's own time when the export has it, else the last public staff reply. */
function resolution(t: Ticket, messages: readonly MessageInput[], resolved: boolean): { at: string | null; inferred: boolean } {
  if (!resolved) return { at: null, inferred: false };
  const given = t.solved_at ?? t.metric_set?.solved_at ?? null;
  if (given) return { at: given, inferred: false };
  const replies = byTime(messages.filter((m) => m.role === 'staff' && m.visibility === 'public'));
  const last = replies[replies.length - 1];
  return last ? { at: last.sentAt, inferred: true } : { at: null, inferred: false };
}

function ticketToThread(t: Ticket, extras: ZendeskExtras, staff: StaffMatcher, extraComments: unknown[] = []): ThreadInput {
  let users = extras.users;
  if (t.users?.length) {
    // Users sideloaded with this one ticket: seen by this ticket only.
    users = new Map(extras.users);
    collectUsers(t.users, users);
  }
  const comments = parseComments([...(t.comments ?? []), ...(extras.comments.get(t.id) ?? []), ...extraComments]);
  const requesterId = t.requester_id ?? comments[0]?.author?.id ?? comments[0]?.author_id ?? null;
  const info: RoleInfo = { requesterId, users, staff };
  const messages = comments.map((c) => commentToMessage(c, info));
  if (messages.length > 0) {
    // The description is the first comment: a ticket imported earlier without comments kept it as a stand-in.
    messages[0] = { ...messages[0]!, supersedes: `${t.id}:description` };
  } else {
    const description = t.description?.trim();
    if (!description || !t.created_at) throw new RecordProblem('ticket has no comments and no description (import the comments or audits file together with it)');
    messages.push({ externalId: `${t.id}:description`, role: 'customer', authorName: null, sentAt: t.created_at, body: description, format: 'text', visibility: 'public', attachments: [], privateData: {} });
  }
  const rating = extras.ratings.get(t.id);
  const score = (rating?.score ?? t.satisfaction_rating?.score ?? '').toLowerCase();
  const remark = firstText(rating?.comment, t.satisfaction_rating?.comment);
  if (remark && (score === 'good' || score === 'bad')) {
    // The customer's words with their verdict are public words: a message after the conversation.
    const at = rating?.at ?? t.satisfaction_rating?.updated_at ?? t.satisfaction_rating?.created_at ?? t.updated_at ?? byTime(messages).at(-1)!.sentAt;
    messages.push({ externalId: `${t.id}:satisfaction`, role: 'customer', authorName: null, sentAt: at, body: remark, format: 'text', visibility: 'public', attachments: [], privateData: {} });
  }
  // The requester: sideloaded users, an embedded requester, else the address the ticket came from (e-mail channel).
  const viaFrom = t.via?.source?.from;
  const requester = (requesterId ? users.get(requesterId) : undefined) ?? t.requester ?? (viaFrom?.address ? { name: viaFrom.name, email: viaFrom.address } : undefined);
  const privateData: Record<string, string> = {};
  for (const f of t.custom_fields ?? []) addPrivate(privateData, `custom_field.${f.id}`, f.value);
  const status = t.status?.toLowerCase();
  const resolved = status === 'solved' || status === 'closed';
  const solved = resolution(t, messages, resolved);
  if (solved.inferred) privateData['resolved_at.inferred'] = 'no solved time in the export: the last public staff reply';
  return {
    source: 'zendesk',
    externalId: t.id,
    subject: t.subject ?? t.raw_subject ?? null,
    rating: null,
    satisfaction: score === 'good' || score === 'bad' ? score : null,
    status: resolved ? 'resolved' : 'open',
    channel: t.via?.channel != null ? String(t.via.channel) : null,
    tags: cleanTags(t.tags ?? []),
    vendorType: t.type ?? null,
    openedAt: t.created_at ?? byTime(messages)[0]!.sentAt,
    resolvedAt: solved.at,
    ...(requester && (requester.name || requester.email) ? { customer: { ...(requester.name ? { name: requester.name } : {}), ...(requester.email ? { email: requester.email } : {}) } } : {}),
    privateData,
    messages,
  };
}

/** A ticket Zendesk lists as deleted (incremental exports keep them): kept out, and said so. */
function deleted(item: ItemResult): ImportRecord | null {
  if (!item.ok || String(item.value.status ?? '').toLowerCase() !== 'deleted') return null;
  return { ok: false, skipped: true, location: item.location, reason: `ticket ${String(item.value.id)} was deleted in Zendesk: not imported` };
}

/** Audits read on their own: each ticket they mention, with what its Create and Change events say. */
function* fromAudits(own: ZendeskExtras, staff: StaffMatcher): Generator<ImportRecord> {
  let n = 0;
  for (const a of own.auditTickets.values()) {
    n++;
    const location: ErrorLocation = { file: a.file, record: n };
    const ticket = { id: a.id, subject: a.subject, status: a.status, requester_id: a.requesterId, created_at: a.createdAt, type: a.type };
    yield convertItem({ ok: true, value: ticket, location }, Ticket, (t) => ticketToThread(t, own, staff));
  }
}

/** Satisfaction ratings read on their own: each updates its ticket, which must already be in the workspace. */
function* fromRatings(own: ZendeskExtras): Generator<ImportRecord> {
  let n = 0;
  for (const [id, r] of own.ratings) {
    n++;
    const score = r.score.toLowerCase();
    const location: ErrorLocation = { file: r.file, record: n };
    if (score !== 'good' && score !== 'bad') {
      yield { ok: false, skipped: true, location, reason: `ticket ${id}: the rating is "${r.score}" (offered or not answered), not a verdict` };
      continue;
    }
    const messages: MessageInput[] = r.comment?.trim() && r.at
      ? [{ externalId: `${id}:satisfaction`, role: 'customer', authorName: null, sentAt: r.at, body: r.comment, format: 'text', visibility: 'public', attachments: [], privateData: {} }]
      : [];
    yield { ok: true, location, thread: { source: 'zendesk', externalId: id, satisfaction: score, patchOnly: true, messages } };
  }
}

const MARKERS = ['via', 'requester_id', 'submitter_id', 'raw_subject', 'satisfaction_rating', 'html_body', 'plain_body', 'public', 'assignee_id', 'author_id'].map(jsonKey);

export const zendesk: Importer = {
  id: 'zendesk',
  label: 'Zendesk tickets with comments, audits or satisfaction ratings (JSON, NDJSON)',
  detect({ text }) {
    const t = text.trimStart();
    // Freshdesk shares requester_id and the "tickets" wrapper; only Freshdesk has description_text and conversations.
    if (/"description_text"\s*:|"conversations"\s*:|"body_text"\s*:/.test(t)) return 0;
    if (/^\{\s*"tickets"\s*:\s*\[/.test(t) && markerScore(t, MARKERS, 1) > 0) return 0.95;
    if (/^\{\s*"(ticket|audit)"\s*:\s*\{/.test(t) && /"ticket"\s*:\s*\{/.test(t)) return 0.95;
    const companion = companionKindOf(t);
    if (companion?.startsWith('zendesk') && markerScore(t, MARKERS, 1) > 0) return 0.6;
    if (companion === 'zendesk-satisfaction') return 0.6;
    return markerScore(t, MARKERS, 3, 0.9);
  },
  async *read(file: SourceFile, ctx: ImporterContext) {
    const extras = await readExtras(ctx.companions);
    const kind = companionKindOf(sampleText(file, 16 * 1024));
    if (kind === 'zendesk-comments') {
      throw new CandorError('COMPANION_FILE', `${file.name} holds Zendesk comments, not tickets. Import the tickets export with it (both files at once).`, { file: file.name }, `candor import <workspace> tickets.json ${file.name}`);
    }
    if (kind === 'zendesk-audits' || kind === 'zendesk-satisfaction') {
      const own = await readExtras([file], { ...emptyExtras(), users: extras.users });
      yield* kind === 'zendesk-audits' ? fromAudits(own, ctx.staff) : fromRatings(own);
      return;
    }
    const shape: JsonShape = {
      listKeys: ['tickets', 'results'],
      isItem: (v) => isObject(v.ticket) || ('id' in v && ('subject' in v || 'comments' in v || 'description' in v || 'requester_id' in v)),
      expected: 'a Zendesk ticket, {"tickets": [...]} or {"ticket": {...}, "comments": [...]}',
      onContainer: (c) => collectUsers(c.users, extras.users),
    };
    const convert = (item: ItemResult, extra: unknown[] = []): ImportRecord =>
      deleted(item) ?? convertItem(item.ok ? { ...item, value: unwrap(item.value, extras) } : item, Ticket, (t) => ticketToThread(t, extras, ctx.staff, extra));
    if (extras.unkeyed.length === 0) {
      for await (const item of jsonItems(file, shape)) yield convert(item);
      return;
    }
    // Comments without a ticket id (GET /tickets/{id}/comments) belong to the one ticket of the import.
    const items: ItemResult[] = [];
    for await (const item of jsonItems(file, shape)) items.push(item);
    const tickets = items.filter((i) => i.ok);
    const names = [...new Set(extras.unkeyed.map((u) => u.file))].join(', ');
    if (tickets.length !== 1) {
      throw new CandorError('COMPANION_FILE', `${names}: these comments do not say which ticket they belong to (GET /tickets/{id}/comments), and ${file.name} holds ${tickets.length} tickets. Import each ticket with its own comments.`, { file: names });
    }
    for (const item of items) yield convert(item, item.ok ? extras.unkeyed.flatMap((u) => u.comments) : []);
  },
};

/** Companion comments and ratings whose ticket was not among the imported ones: ratings update the workspace's
 * ticket when it has it; comments cannot be placed and are reported. */
export async function zendeskLeftovers(companions: readonly SourceFile[], imported: ReadonlySet<string>): Promise<ImportRecord[]> {
  const extras = await readExtras(companions);
  const out: ImportRecord[] = [];
  for (const [id, list] of extras.comments) {
    if (imported.has(id) || list.length === 0) continue;
    out.push({ ok: false, location: { file: extras.origin.get(id) ?? companions[0]!.name }, reason: `${list.length} comment${list.length === 1 ? '' : 's'} for ticket ${id}, which is not in the tickets imported with ${list.length === 1 ? 'it' : 'them'}: import the ticket too` });
  }
  const ratings = emptyExtras();
  for (const [id, r] of extras.ratings) if (!imported.has(id)) ratings.ratings.set(id, r);
  out.push(...fromRatings(ratings));
  return out;
}
