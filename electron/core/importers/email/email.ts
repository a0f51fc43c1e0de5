import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import PostalMime from 'postal-mime';
import type { Address, Email } from 'postal-mime';
import type { ErrorLocation } from '../../errors.ts';
import type { MessageInput, ThreadInput } from '../../model/thread.ts';
import { htmlToText } from '../html.ts';
import { readHead } from '../source-file.ts';
import type { SourceFile } from '../source-file.ts';
import type { StaffMatcher } from '../staff.ts';
import type { Importer, ImportRecord } from '../types.ts';
import { threadMessages } from './jwz.ts';
import type { MailItem, MailThread } from './jwz.ts';
import { mailItem, parseMailDate } from './headers.ts';
import { MboxReader, scanMbox } from './mbox.ts';
import { foldQuotedHistory } from './quotes.ts';

// E-mail: an mbox file, one .eml file, or a folder of .eml (and .mbox) files. Two passes so that memory follows the
// number of messages, not the size of the mail: the first reads only header blocks and threads them (JWZ); the
// second parses each thread's messages with postal-mime and hands the thread on.

type Where =
  | { kind: 'mbox'; path: string; name: string; start: number; end: number; line: number }
  | { kind: 'file'; path: string; name: string };

type Entry = { item: MailItem; subject: string; where: Where };

const MAIL_EXTENSIONS = new Set(['.eml', '.mbox', '.mbx', '.mbs']);

function listMailFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && MAIL_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function isMbox(path: string): boolean {
  return Buffer.from(readHead(path, 5)).toString('latin1') === 'From ';
}

/** The header block of a whole message: bytes up to the first empty line. */
function headerBlock(raw: Buffer): Buffer {
  const m = /\r?\n\r?\n/.exec(raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString('latin1'));
  return m ? raw.subarray(0, m.index + 1) : raw;
}

async function indexMail(file: SourceFile): Promise<Entry[]> {
  const entries: Entry[] = [];
  const isDir = statSync(file.path).isDirectory();
  const paths = isDir ? listMailFiles(file.path) : [file.path];
  for (const path of paths) {
    const name = isDir ? relative(file.path, path) : file.name;
    if (isMbox(path)) {
      for await (const span of scanMbox(path)) {
        const separatorTime = parseMailDate(span.separator.replace(/^From \S+\s+/, ''));
        const m = mailItem(entries.length, span.header, separatorTime);
        entries.push({ item: m, subject: m.subject, where: { kind: 'mbox', path, name, start: span.start, end: span.end, line: span.line } });
      }
    } else {
      const raw = readFileSync(path);
      const m = mailItem(entries.length, headerBlock(raw), null);
      entries.push({ item: m, subject: m.subject, where: { kind: 'file', path, name } });
    }
  }
  return entries;
}

function rawMessage(e: Entry, mbox: MboxReader): Buffer {
  return e.where.kind === 'file' ? readFileSync(e.where.path) : mbox.read(e.where.path, e.where);
}

function mailbox(a: Address | undefined): { name: string; address: string } | null {
  if (!a) return null;
  if (a.address !== undefined) return { name: a.name, address: a.address };
  const m = a.group[0];
  return m ? { name: m.name, address: m.address } : null;
}

function addressList(list: Address[] | undefined): string {
  return (list ?? []).flatMap((a) => (a.address !== undefined ? [a.address] : a.group.map((g) => g.address))).filter(Boolean).join(', ');
}

function location(w: Where): ErrorLocation {
  return w.kind === 'mbox' ? { file: w.name, line: w.line } : { file: w.name };
}

function messageBody(email: Email, fold: boolean): string {
  const text = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : (email.text ?? '');
  const clean = text.replace(/\r\n?/g, '\n').trim();
  return fold ? foldQuotedHistory(clean) : clean;
}

function toMessage(email: Email, entry: Entry, fold: boolean, staff: StaffMatcher): MessageInput | string {
  const from = mailbox(email.from);
  let time = entry.item.time;
  if (Number.isNaN(time) && email.date) {
    const t = Date.parse(email.date);
    if (!Number.isNaN(t) && /^\d{4}-\d{2}-\d{2}T/.test(email.date)) time = t;
  }
  if (Number.isNaN(time)) return 'the message has no readable Date header (and no date on its mbox separator line)';
  const privateData: Record<string, string> = {};
  if (from?.address) privateData.from = from.address;
  const to = addressList(email.to);
  if (to) privateData.to = to;
  const cc = addressList(email.cc);
  if (cc) privateData.cc = cc;
  const replyTo = addressList(email.replyTo);
  if (replyTo) privateData['reply-to'] = replyTo;
  return {
    externalId: entry.item.messageId,
    role: staff.isStaff(from?.address) ? 'staff' : 'customer',
    authorName: from?.name?.trim() || null,
    sentAt: new Date(time).toISOString(),
    body: messageBody(email, fold),
    format: 'text',
    visibility: 'public',
    attachments: email.attachments.map((a) => ({
      name: a.filename ?? 'attachment',
      size: typeof a.content === 'string' ? a.content.length : a.content.byteLength,
      contentType: a.mimeType,
    })),
    privateData,
  };
}

async function* threadRecords(thread: MailThread, entries: readonly Entry[], file: SourceFile, staff: StaffMatcher, mbox: MboxReader): AsyncGenerator<ImportRecord> {
  const own = thread.items.map((i) => entries[i.key]!);
  const messages: MessageInput[] = [];
  let customer: { name?: string; email?: string } | undefined;
  for (let k = 0; k < own.length; k++) {
    const entry = own[k]!;
    const raw = rawMessage(entry, mbox);
    file.onBytes(raw.length);
    let email: Email;
    try {
      email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
    } catch (err) {
      yield { ok: false, location: location(entry.where), reason: `cannot read this message: ${(err as Error).message}` };
      continue;
    }
    const m = toMessage(email, entry, thread.replies.has(entry.item.key), staff);
    if (typeof m === 'string') {
      yield { ok: false, location: location(entry.where), reason: m };
      continue;
    }
    messages.push(m);
    if (!customer && m.role === 'customer') {
      const from = mailbox(email.from);
      if (from) customer = { ...(from.name ? { name: from.name } : {}), ...(from.address ? { email: from.address } : {}) };
    }
  }
  if (messages.length === 0) return;
  const first = own[0]!;
  // The thread is named by its first message; "Re: " only when that message is itself a reply to one not here.
  const subject = first.item.replyPrefix ? stripPrefixes(first.subject) : first.subject.trim();
  const earliest = own.reduce((a, b) => (a.item.key <= b.item.key ? a : b));
  const thread_: ThreadInput = {
    source: 'email',
    externalId: thread.id,
    subject: subject || null,
    channel: 'email',
    ...(customer && (customer.name || customer.email) ? { customer } : {}),
    messages,
  };
  yield { ok: true, thread: thread_, location: location(earliest.where) };
}

function stripPrefixes(subject: string): string {
  return subject.replace(/^\s*((re|fw|fwd|aw|wg|sv|vs|antw|rif|tr|ref)(\[\d+\])?\s*:\s*)+/i, '').trim();
}

const HEADER_START = /^(Return-Path|Received|Delivered-To|From|To|Cc|Subject|Date|Message-ID|MIME-Version|DKIM-Signature|ARC-[\w-]+|Authentication-Results|Reply-To|Content-Type|X-[\w-]+|In-Reply-To|References|Sender|Thread-Topic|Thread-Index):/i;

export const email: Importer = {
  id: 'email',
  label: 'e-mail: mbox, .eml, or a folder of .eml files (threaded by Message-ID)',
  detect({ text, isDirectory, name }) {
    if (isDirectory) return 0.5;
    if (/^From \S+/.test(text) && /\n(From|Date|Subject|Message-ID|Received|Return-Path|X-GM-THRID):/i.test(text.slice(0, 16384))) return 0.95;
    const head = text.replace(/^\uFEFF/, '');
    const block = head.split(/\r?\n\r?\n/, 1)[0] ?? '';
    if (!HEADER_START.test(head)) return 0;
    const names = new Set(block.split(/\r?\n/).map((l) => /^([\w-]+):/.exec(l)?.[1]?.toLowerCase()).filter(Boolean));
    const strong = ['from', 'date', 'subject', 'message-id', 'to'].filter((n) => names.has(n)).length;
    if (strong >= 3) return 0.9;
    return /\.eml$/i.test(name) && strong >= 1 ? 0.6 : 0;
  },
  async *read(file, ctx) {
    const entries = await indexMail(file);
    const threads = threadMessages(entries.map((e) => e.item));
    // In the order their first message appears, so reports and progress follow the file.
    const ordered = threads.map((t) => ({ t, first: t.items.reduce((m, i) => Math.min(m, i.key), Number.POSITIVE_INFINITY) })).sort((a, b) => a.first - b.first);
    const mbox = new MboxReader();
    try {
      for (const { t } of ordered) yield* threadRecords(t, entries, file, ctx.staff, mbox);
    } finally {
      mbox.close();
    }
  },
};
