import { z } from 'zod';
import { CandorError } from '../errors.ts';
import { isObject, jsonLayout, parseJsonDocument } from './json-input.ts';
import { lines, readAllText } from './source-file.ts';
import type { SourceFile } from './source-file.ts';
import { OptText, toIsoTime, VendorId } from './values.ts';

// What Zendesk returns beside tickets, gathered by ticket id: comments (the Ticket Comments API, incremental ticket
// events, comments keyed by ticket id), ticket audits (GET /ticket_audits or /tickets/{id}/audits, with or without
// include=users: only Comment and VoiceComment events are messages; Change, Create and Notification events are not)
// and satisfaction ratings (GET /satisfaction_ratings). Sideloaded users come along for names and roles.

const User = z.object({ id: VendorId, name: OptText, email: OptText, role: OptText });
type User = z.output<typeof User>;
export type Users = Map<string, User>;

type Rating = { score: string; comment: string | null; at: string | null; file: string };

/** What an audit says about its ticket, for audits read on their own (no tickets file). */
type AuditTicket = { id: string; subject?: string; status?: string; requesterId?: string; type?: string; createdAt?: string; file: string };

export type ZendeskExtras = {
  comments: Map<string, unknown[]>;
  users: Users;
  ratings: Map<string, Rating>;
  /** Comments with no ticket id (GET /tickets/{id}/comments): they belong to the one ticket of the import. */
  unkeyed: { file: string; comments: unknown[] }[];
  auditTickets: Map<string, AuditTicket>;
  /** Which companion file each ticket's comments came from, to name it when they cannot be placed. */
  origin: Map<string, string>;
};

export function emptyExtras(): ZendeskExtras {
  return { comments: new Map(), users: new Map(), ratings: new Map(), unkeyed: [], auditTickets: new Map(), origin: new Map() };
}

export function collectUsers(list: unknown, users: Users): void {
  if (!Array.isArray(list)) return;
  for (const u of list) {
    const parsed = User.safeParse(u);
    if (parsed.success) users.set(parsed.data.id, parsed.data);
  }
}

function ticketKey(value: unknown): string | null {
  const id = VendorId.safeParse(value);
  return id.success ? id.data : null;
}

function addComments(x: ZendeskExtras, file: string, ticketId: unknown, comments: unknown[], defaults: Record<string, unknown> = {}): void {
  const id = ticketKey(ticketId);
  if (id === null) return;
  const list = x.comments.get(id) ?? [];
  for (const c of comments) {
    if (!isObject(c)) continue;
    const filled = { ...c };
    for (const [k, v] of Object.entries(defaults)) if (filled[k] === undefined && v !== undefined) filled[k] = v;
    list.push(filled);
  }
  x.comments.set(id, list);
  if (!x.origin.has(id)) x.origin.set(id, file);
}

const MESSAGE_EVENTS = new Set(['Comment', 'VoiceComment']);

/** One audit: its Comment events become comments timed and located by the audit; a satisfaction event is kept. */
function collectAudit(a: Record<string, unknown>, x: ZendeskExtras, file: string): void {
  const id = ticketKey(a.ticket_id);
  if (id === null) return;
  const events = Array.isArray(a.events) ? a.events.filter(isObject) : [];
  const comments = events.filter((e) => MESSAGE_EVENTS.has(String(e.type)));
  addComments(x, file, id, comments, { created_at: a.created_at, author_id: a.author_id, metadata: a.metadata, via: a.via });
  if (comments.length === 0 && !x.comments.has(id)) x.comments.set(id, []);
  if (!x.origin.has(id)) x.origin.set(id, file);
  const t = x.auditTickets.get(id) ?? { id, file };
  for (const e of events) {
    const field = String(e.field_name ?? '');
    const value = typeof e.value === 'string' ? e.value : undefined;
    if ((e.type === 'Create' || e.type === 'Change') && value !== undefined) {
      if (field === 'subject' && !t.subject) t.subject = value;
      if (field === 'status') t.status = value;
      if (field === 'requester_id') t.requesterId = value;
      if (field === 'type') t.type = value;
    }
    if (e.type === 'SatisfactionRating' && typeof e.score === 'string') {
      x.ratings.set(id, { score: e.score, comment: typeof e.body === 'string' ? e.body : null, at: toIsoTime(a.created_at), file });
    }
  }
  if (!t.createdAt && typeof a.created_at === 'string') t.createdAt = a.created_at;
  x.auditTickets.set(id, t);
}

function collectRating(r: Record<string, unknown>, x: ZendeskExtras, file: string): void {
  const id = ticketKey(r.ticket_id);
  if (id === null || typeof r.score !== 'string') return;
  const at = toIsoTime(r.updated_at) ?? toIsoTime(r.created_at);
  x.ratings.set(id, { score: r.score, comment: typeof r.comment === 'string' ? r.comment : null, at, file });
}

/** Every layout a companion file is known to take, by ticket id. */
export function collectExtras(value: unknown, x: ZendeskExtras, file: string): void {
  if (Array.isArray(value)) {
    for (const v of value) collectExtras(v, x, file);
    return;
  }
  if (!isObject(value)) return;
  collectUsers(value.users, x.users);
  if (Array.isArray(value.audits)) {
    for (const a of value.audits) if (isObject(a)) collectAudit(a, x, file);
    return;
  }
  if (isObject(value.audit) && !isObject(value.ticket)) {
    collectAudit(value.audit, x, file);
    return;
  }
  if (Array.isArray(value.satisfaction_ratings)) {
    for (const r of value.satisfaction_ratings) if (isObject(r)) collectRating(r, x, file);
    return;
  }
  if (isObject(value.satisfaction_rating) && value.satisfaction_rating.ticket_id !== undefined) {
    collectRating(value.satisfaction_rating, x, file);
    return;
  }
  if (Array.isArray(value.ticket_events)) {
    collectExtras(value.ticket_events, x, file);
    return;
  }
  // An incremental ticket event: comment child events, timed by their parent event.
  if (Array.isArray(value.child_events) && value.ticket_id !== undefined) {
    const comments = value.child_events.filter((e) => isObject(e) && (e.type === 'Comment' || e.event_type === 'Comment'));
    addComments(x, file, value.ticket_id, comments, { created_at: value.created_at });
    return;
  }
  if (Array.isArray(value.comments)) {
    if (value.ticket_id !== undefined) addComments(x, file, value.ticket_id, value.comments);
    else if (value.comments.some((c) => isObject(c) && c.ticket_id !== undefined)) {
      for (const c of value.comments) if (isObject(c) && c.ticket_id !== undefined) addComments(x, file, c.ticket_id, [c]);
    } else x.unkeyed.push({ file, comments: value.comments });
    return;
  }
  if (isObject(value.comments)) {
    collectExtras(value.comments, x, file);
    return;
  }
  if (value.ticket_id !== undefined && ('body' in value || 'html_body' in value || 'plain_body' in value)) {
    addComments(x, file, value.ticket_id, [value]);
    return;
  }
  // {"<ticket id>": [comments...]} or {"<ticket id>": {"comments": [...]}}
  for (const [key, v] of Object.entries(value)) {
    if (!/^\d+$/.test(key)) continue;
    if (Array.isArray(v)) addComments(x, file, key, v);
    else if (isObject(v) && Array.isArray(v.comments)) addComments(x, file, key, v.comments);
  }
}

/** Reads companion files (and a main file that is itself audits or ratings). Not JSON is a fatal error naming it. */
export async function readExtras(files: readonly SourceFile[], into: ZendeskExtras = emptyExtras()): Promise<ZendeskExtras> {
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
        collectExtras(value, into, file.name);
      }
    } else {
      collectExtras(parseJsonDocument(file, readAllText(file)), into, file.name);
    }
  }
  return into;
}
