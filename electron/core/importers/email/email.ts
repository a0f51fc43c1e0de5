import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import PostalMime from 'postal-mime';
import type { Address, Email } from 'postal-mime';
import { CandorError } from '../../errors.ts';
import type { ErrorLocation } from '../../errors.ts';
import type { MessageInput, ThreadInput } from '../../../shared/model/thread.ts';
import { htmlToText } from '../html.ts';
import { maxRecordBytes, megabytes, readHead } from '../source-file.ts';
import type { SourceFile } from '../source-file.ts';
import type { StaffMatcher } from '../staff.ts';
import type { Importer, ImportRecord } from '../types.ts';
import { Threader } from './jwz.ts';
import type { MailHeaders, MailThread } from './jwz.ts';
import { mailHeaders, parseMailDate } from './headers.ts';
import { MboxReader, scanMbox } from './mbox.ts';
import { foldQuotedHistory } from './quotes.ts';

// E-mail: an mbox file, one message file, or a folder of them (a Maildir's cur/ and new/, a folder of .eml files,
// Thunderbird's extension-less mailbox files), recognised by content, not by name. Two passes, so that memory follows
// the number of messages (about a hundred bytes each), never their size: the first reads only header blocks and
// threads them as it goes (JWZ, jwz.ts); the second parses each thread's messages with postal-mime and hands the
// thread on.

const MAIL_EXTENSIONS = new Set(['.eml', '.mbox', '.mbx', '.mbs', '.msg']);

/** Whether a file holds mail: by its extension, else by its first bytes (Maildir files and saved mailboxes have none). */
function isMailFile(path: string, name: string): boolean {
  if (MAIL_EXTENSIONS.has(extname(name).toLowerCase())) return true;
  const head = Buffer.from(readHead(path, 16 * 1024)).toString('latin1');
  return mailScore(head, name) > 0;
}

/** The mail files in a folder, recursively, in name order; and how many files were looked at. */
function listMailFiles(dir: string): { files: string[]; looked: number } {
  const out: string[] = [];
  let looked = 0;
  const walk = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    // A Maildir's tmp/ holds messages still being delivered: half-written, and delivered again into new/.
    const maildir = entries.some((e) => e.isDirectory() && (e.name === 'cur' || e.name === 'new'));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!(maildir && e.name === 'tmp')) walk(p);
      } else if (e.isFile()) {
        looked++;
        if (isMailFile(p, e.name)) out.push(p);
      }
    }
  };
  walk(dir);
  return { files: out, looked };
}

function isMbox(path: string): boolean {
  return Buffer.from(readHead(path, 5)).toString('latin1') === 'From ';
}

/** The header block of a whole message: bytes up to the first empty line. */
function headerBlock(raw: Buffer): Buffer {
  const m = /\r?\n\r?\n/.exec(raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString('latin1'));
  return m ? raw.subarray(0, m.index + 1) : raw;
}

/** Where each message is, by key: which file, and for an mbox its byte span and separator line. Typed arrays. */
class MailIndex {
  readonly files: { path: string; name: string; mbox: boolean }[] = [];
  /** Why each automated message (bounce, auto-reply) is one; absent for people's messages. */
  readonly automated = new Map<number, string>();
  private file = new Int32Array(1024);
  private start = new Float64Array(1024);
  private end = new Float64Array(1024);
  private line = new Int32Array(1024);

  set(key: number, file: number, start = 0, end = 0, line = 0): void {
    if (key >= this.file.length) {
      const n = this.file.length * 2;
      const copy = <T extends Int32Array | Float64Array>(a: T, make: (k: number) => T): T => {
        const b = make(n);
        b.set(a);
        return b;
      };
      this.file = copy(this.file, (k) => new Int32Array(k));
      this.start = copy(this.start, (k) => new Float64Array(k));
      this.end = copy(this.end, (k) => new Float64Array(k));
      this.line = copy(this.line, (k) => new Int32Array(k));
    }
    this.file[key] = file;
    this.start[key] = start;
    this.end[key] = end;
    this.line[key] = line;
  }

  location(key: number): ErrorLocation {
    const f = this.files[this.file[key]!]!;
    return f.mbox ? { file: f.name, line: this.line[key]! } : { file: f.name };
  }

  /** The message's size in bytes, without reading it. */
  size(key: number): number {
    const f = this.files[this.file[key]!]!;
    return f.mbox ? this.end[key]! - this.start[key]! : statSync(f.path).size;
  }

  raw(key: number, mbox: MboxReader): Buffer {
    const f = this.files[this.file[key]!]!;
    return f.mbox ? mbox.read(f.path, { start: this.start[key]!, end: this.end[key]! }) : readFileSync(f.path);
  }
}

async function indexMail(file: SourceFile, threader: Threader): Promise<MailIndex> {
  const index = new MailIndex();
  const isDir = statSync(file.path).isDirectory();
  let paths = [file.path];
  if (isDir) {
    const found = listMailFiles(file.path);
    if (found.files.length === 0) {
      throw new CandorError('NO_MAIL', `${file.path}: no e-mail found: looked at ${found.looked} file${found.looked === 1 ? '' : 's'} in the folder and its subfolders (Maildir cur/ and new/, .eml, mbox, message files without an extension); none starts like an e-mail message.`, { file: file.path });
    }
    paths = found.files;
  }
  const add = (headers: MailHeaders, f: number, span?: { start: number; end: number; line: number }): void => {
    const key = threader.add(headers);
    if (key === null) return;
    index.set(key, f, span?.start, span?.end, span?.line);
    if (headers.automated) index.automated.set(key, headers.automated);
  };
  for (const path of paths) {
    const mbox = isMbox(path);
    const f = index.files.push({ path, name: isDir ? relative(file.path, path) : file.name, mbox }) - 1;
    if (mbox) {
      for await (const span of scanMbox(path)) add(mailHeaders(span.header, parseMailDate(span.separator.replace(/^From \S+\s+/, ''))), f, span);
    } else {
      add(mailHeaders(headerBlock(Buffer.from(readHead(path, 256 * 1024))), null), f);
    }
  }
  return index;
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

function messageBody(email: Email, fold: boolean): string {
  const text = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : (email.text ?? '');
  const clean = text.replace(/\r\n?/g, '\n').trim();
  return fold ? foldQuotedHistory(clean) : clean;
}

function toMessage(email: Email, known: { messageId: string; time: number }, fold: boolean, staff: StaffMatcher): MessageInput | string {
  const from = mailbox(email.from);
  let time = known.time;
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
    externalId: known.messageId,
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

type Pass2 = { threader: Threader; index: MailIndex; mbox: MboxReader; file: SourceFile; staff: StaffMatcher };

async function* threadRecords(thread: MailThread, p: Pass2): AsyncGenerator<ImportRecord> {
  const messages: MessageInput[] = [];
  let customer: { name?: string; email?: string } | undefined;
  let subject: string | null = null;
  for (const key of thread.keys) {
    const why = p.index.automated.get(key);
    if (why) {
      // Kept out of the conversation, and listed in the report: not a customer's message.
      yield { ok: false, skipped: true, location: p.index.location(key), reason: `automated mail (${why}): not a customer message` };
      continue;
    }
    const size = p.index.size(key);
    if (size > maxRecordBytes()) {
      yield { ok: false, location: p.index.location(key), reason: `a message of ${megabytes(size)}, more than the ${megabytes(maxRecordBytes())} Candor reads as one record: not imported` };
      continue;
    }
    const raw = p.index.raw(key, p.mbox);
    p.file.onBytes(raw.length);
    let email: Email;
    try {
      email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
    } catch (err) {
      yield { ok: false, location: p.index.location(key), reason: `cannot read this message: ${(err as Error).message}` };
      continue;
    }
    const known = p.threader.message(key);
    const m = toMessage(email, known, p.threader.repliesToPresent(key), p.staff);
    if (typeof m === 'string') {
      yield { ok: false, location: p.index.location(key), reason: m };
      continue;
    }
    messages.push(m);
    // The thread is named by its first message (its decoded subject); "Re: " is dropped when that message is itself
    // a reply to one that is not here.
    if (subject === null) subject = key === thread.keys[0] && !known.replyPrefix ? (email.subject ?? '').trim() : stripPrefixes(email.subject ?? '');
    if (!customer && m.role === 'customer') {
      const from = mailbox(email.from);
      if (from) customer = { ...(from.name ? { name: from.name } : {}), ...(from.address ? { email: from.address } : {}) };
    }
  }
  if (messages.length === 0) return;
  const record: ThreadInput = {
    source: 'email',
    externalId: thread.id,
    subject: subject || null,
    channel: 'email',
    ...(customer && (customer.name || customer.email) ? { customer } : {}),
    messages,
  };
  // Reported where the thread's first message is in the file.
  yield { ok: true, thread: record, location: p.index.location(thread.keys.reduce((a, b) => Math.min(a, b))) };
}

function stripPrefixes(subject: string): string {
  return subject.replace(/^\s*((re|fw|fwd|aw|wg|sv|vs|antw|rif|tr|ref)(\[\d+\])?\s*:\s*)+/i, '').trim();
}

/** Header names that say a block of "Name: value" lines is a mail header. */
const MAIL_HEADERS = ['from', 'date', 'subject', 'message-id', 'to', 'received', 'mime-version', 'return-path', 'content-type', 'in-reply-to', 'references', 'delivered-to', 'reply-to', 'cc'];

/**
 * How sure it is that a text is mail: an mbox (a "From " separator then headers), or a message whose first block is
 * all header lines with known names, in any order. Pure, for detection and for files in a folder.
 */
export function mailScore(text: string, name: string): number {
  if (/^From \S+/.test(text) && /\n(From|Date|Subject|Message-ID|Received|Return-Path|X-GM-THRID):/i.test(text.slice(0, 16384))) return 0.95;
  const head = text.replace(/^\uFEFF/, '');
  const block = head.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const lines = block.split(/\r?\n/);
  if (!/^[\x21-\x39\x3b-\x7e]+:/.test(lines[0] ?? '')) return 0;
  const names = new Set<string>();
  let other = 0;
  for (const l of lines) {
    if (/^[ \t]/.test(l)) continue;
    const m = /^([\x21-\x39\x3b-\x7e]+):/.exec(l);
    if (m) names.add(m[1]!.toLowerCase());
    else other++;
  }
  if (other > 0) return 0;
  const strong = MAIL_HEADERS.filter((n) => names.has(n)).length;
  if (strong >= 3) return 0.9;
  if (strong >= 2 && names.has('from')) return 0.7;
  return /\.(eml|msg)$/i.test(name) && strong >= 1 ? 0.6 : 0;
}

export const email: Importer = {
  id: 'email',
  label: 'e-mail: mbox, .eml or saved message files, or a folder of them such as a Maildir (threaded by Message-ID)',
  detect({ text, isDirectory, name }) {
    if (isDirectory) return 0.5;
    return mailScore(text, name);
  },
  async *read(file, ctx) {
    const threader = new Threader();
    const index = await indexMail(file, threader);
    // In the order their first message appears, so reports and progress follow the file.
    const threads = threader.finish().map((t) => ({ t, first: t.keys.reduce((a, b) => Math.min(a, b)) })).sort((a, b) => a.first - b.first);
    const pass2: Pass2 = { threader, index, mbox: new MboxReader(), file, staff: ctx.staff };
    try {
      for (const { t } of threads) yield* threadRecords(t, pass2);
    } finally {
      pass2.mbox.close();
    }
  },
};
