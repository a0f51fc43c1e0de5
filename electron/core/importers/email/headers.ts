import { createHash } from 'node:crypto';
import { decodeWords } from 'postal-mime';
import { baseSubject } from './jwz.ts';
import type { MailHeaders } from './jwz.ts';

// What threading needs from a message's header block, read without parsing the body: ids, references, subject,
// addresses, date and Gmail's thread id. postal-mime parses the whole message later, one thread at a time.

type HeaderFields = Map<string, string[]>;

/** Unfolds and splits a raw header block (bytes up to the first empty line). Non-ASCII bytes are read as UTF-8. */
function parseHeaderBlock(block: Buffer): HeaderFields {
  const text = block.toString('utf8').replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ');
  const fields: HeaderFields = new Map();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) continue;
    const list = fields.get(name) ?? [];
    list.push(line.slice(colon + 1).trim());
    fields.set(name, list);
  }
  return fields;
}

function first(fields: HeaderFields, name: string): string | null {
  return fields.get(name)?.[0] ?? null;
}

/** The <…> ids in a header, in order. */
function messageIds(value: string | null): string[] {
  if (!value) return [];
  const out: string[] = [];
  for (const m of value.matchAll(/<([^<>\s]+)>/g)) out.push(m[1]!);
  return out;
}

/** A Message-ID header's id; an unbracketed id (broken clients) is taken as written. */
function ownMessageId(value: string | null): string | null {
  if (!value) return null;
  const ids = messageIds(value);
  if (ids.length) return ids[0]!;
  const bare = value.trim();
  return bare && !/\s/.test(bare) ? bare : null;
}

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };
const ZONES: Record<string, number> = { UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

/**
 * RFC 5322 dates ("Tue, 1 Jul 2003 10:52:37 +0200", obsolete zones included) and mbox separator dates
 * ("Tue Jul  1 10:52:37 2003", Gmail's "Tue Jul 01 10:52:37 +0000 2003"). Zone-less times are UTC. Null when it is
 * not a real date.
 */
export function parseMailDate(value: string | null | undefined): number | null {
  if (!value) return null;
  const v = value.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  let m = /^(?:[a-z]{3},? )?(\d{1,2}) ([a-z]{3})[a-z]* (\d{2,4}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ([+-]\d{4}|[a-z]{1,5}))?$/i.exec(v);
  let parts: { d: string; mon: string; y: string; h: string; mi: string; s?: string; zone?: string } | null = null;
  if (m) parts = { d: m[1]!, mon: m[2]!, y: m[3]!, h: m[4]!, mi: m[5]!, s: m[6], zone: m[7] };
  else {
    m = /^[a-z]{3} ([a-z]{3}) (\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})(?: ([+-]\d{4}|[a-z]{1,5}))? (\d{4})$/i.exec(v);
    if (m) parts = { mon: m[1]!, d: m[2]!, h: m[3]!, mi: m[4]!, s: m[5], zone: m[6], y: m[7]! };
  }
  if (!parts) return null;
  const month = MONTHS[parts.mon.toLowerCase()];
  if (month === undefined) return null;
  let year = Number(parts.y);
  if (parts.y.length === 2) year += year < 50 ? 2000 : 1900;
  else if (parts.y.length === 3) year += 1900;
  const day = Number(parts.d), hour = Number(parts.h), minute = Number(parts.mi), second = Number(parts.s ?? 0);
  if (day < 1 || day > new Date(Date.UTC(year, month + 1, 0)).getUTCDate() || hour > 23 || minute > 59 || second > 60) return null;
  let offset = 0;
  if (parts.zone) {
    if (/^[+-]\d{4}$/.test(parts.zone)) {
      const sign = parts.zone[0] === '-' ? -1 : 1;
      offset = sign * (Number(parts.zone.slice(1, 3)) * 60 + Number(parts.zone.slice(3, 5)));
    } else offset = ZONES[parts.zone.toUpperCase()] ?? 0;
  }
  return Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - offset * 60_000;
}

function addresses(value: string | null): string[] {
  if (!value) return [];
  const out: string[] = [];
  for (const m of value.matchAll(/[^\s<>,;:"()]+@[^\s<>,;:"()]+/g)) out.push(m[0].toLowerCase());
  return out;
}

function decodeSubject(raw: string | null): string {
  if (!raw) return '';
  try {
    return decodeWords(raw);
  } catch {
    return raw;
  }
}

/** A message without a Message-ID gets one from its headers, so that re-importing finds it again. */
function syntheticMessageId(block: Buffer): string {
  return `candor-${createHash('sha256').update(block).digest('hex').slice(0, 24)}@no-message-id`;
}

/**
 * A string that does not keep its source alive. V8 may represent a substring as a view of the whole header text;
 * the index of a large mailbox keeps a few ids per message, so they are copied out.
 */
function own(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/**
 * Why a message is automated rather than written by a person (RFC 3834 Auto-Submitted, RFC 6522 reports such as
 * bounces and abuse reports, Precedence: bulk or junk, the X-Autoreply family), or null.
 */
function automatedReason(fields: HeaderFields): string | null {
  const submitted = first(fields, 'auto-submitted')?.toLowerCase().trim();
  if (submitted && !submitted.startsWith('no')) return `Auto-Submitted: ${submitted.split(/[\s;(]/)[0]}`;
  const type = first(fields, 'content-type')?.toLowerCase() ?? '';
  if (/^\s*multipart\/report\b/.test(type)) return `a ${/report-type="?feedback-report/.test(type) ? 'feedback (abuse) report' : 'delivery report (bounce)'}, multipart/report`;
  const precedence = first(fields, 'precedence')?.toLowerCase().trim();
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'auto_reply') return `Precedence: ${precedence}`;
  for (const name of ['x-autoreply', 'x-autorespond', 'x-auto-reply']) {
    const v = first(fields, name)?.toLowerCase().trim();
    if (v !== undefined && v !== null && v !== 'no' && v !== 'false') return `${name}: ${v || 'yes'}`;
  }
  return null;
}

/** The threading view of one message, from its header block. */
export function mailHeaders(block: Buffer, fallbackTime: number | null): MailHeaders {
  const fields = parseHeaderBlock(block);
  const { base, reply } = baseSubject(decodeSubject(first(fields, 'subject')));
  const inReplyTo = messageIds(first(fields, 'in-reply-to'))[0] ?? null;
  const thrid = first(fields, 'x-gm-thrid')?.trim();
  return {
    messageId: own(ownMessageId(first(fields, 'message-id')) ?? syntheticMessageId(block)),
    references: (fields.get('references') ?? []).flatMap((v) => messageIds(v)).map(own),
    inReplyTo: inReplyTo === null ? null : own(inReplyTo),
    baseSubject: own(base),
    replyPrefix: reply,
    participants: [...addresses(first(fields, 'from')), ...addresses(first(fields, 'to')), ...addresses(first(fields, 'cc'))].slice(0, 8).map(own),
    time: parseMailDate(first(fields, 'date')) ?? fallbackTime ?? Number.NaN,
    gmailThreadId: thrid ? own(thrid) : null,
    automated: automatedReason(fields),
  };
}
