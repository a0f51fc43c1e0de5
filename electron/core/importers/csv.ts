import { CandorError } from '../errors.ts';
import type { ErrorLocation } from '../errors.ts';
import type { MessageInput, MessageRole, ThreadInput, ThreadKind, ThreadStatus, Visibility } from '../../shared/model/thread.ts';
import { THREAD_KINDS, THREAD_STATUSES } from '../../shared/model/thread.ts';
import { csvEvents, headerCells, headerKey, sniffDelimiter } from './csv-input.ts';
import { CsvMapping, parseMapping, parseCsvTime } from './csv-mapping.ts';
import type { ColumnRef } from './csv-mapping.ts';
import { normalizeBody } from './html.ts';
import type { SourceFile } from './source-file.ts';
import type { StaffMatcher } from './staff.ts';
import type { Importer, ImportRecord } from './types.ts';
import { toStars } from './values.ts';
import { RecordProblem } from './vendor.ts';

// Any CSV, with a column mapping (docs/formats/csv-mapping.md): one row per message, grouped into threads by the
// thread id column, or one row per thread (a review and its reply, a survey answer). Streams: rows of a thread are
// expected next to each other; a thread whose rows are scattered still ends up whole, because the store merges a
// thread id it has seen (each group after the first counts as an update).

const ROLE_WORDS: Record<string, MessageRole> = {};
for (const w of ['customer', 'client', 'user', 'enduser', 'consumer', 'requester', 'contact', 'lead', 'buyer', 'reviewer', 'guest', 'visitor', 'member']) ROLE_WORDS[w] = 'customer';
for (const w of ['staff', 'agent', 'admin', 'administrator', 'support', 'company', 'business', 'team', 'operator', 'employee', 'owner', 'merchant', 'seller', 'rep', 'representative', 'bot', 'teammate']) ROLE_WORDS[w] = 'staff';
for (const w of ['system', 'automated', 'automation', 'event']) ROLE_WORDS[w] = 'system';

const VISIBILITY_WORDS: Record<string, Visibility> = {};
for (const w of ['internal', 'private', 'note', 'internalnote', 'hidden', 'true', 'yes', 'y', '1', 'x']) VISIBILITY_WORDS[w] = 'internal';
for (const w of ['public', 'external', 'reply', 'false', 'no', 'n', '0', '']) VISIBILITY_WORDS[w] = 'public';

const STATUS_WORDS: Record<string, ThreadStatus> = {};
for (const w of ['resolved', 'closed', 'solved', 'done', 'completed', 'answered']) STATUS_WORDS[w] = 'resolved';
for (const w of ['open', 'new', 'pending', 'hold', 'onhold', 'active', 'waiting', 'inprogress', 'snoozed']) STATUS_WORDS[w] = 'open';
STATUS_WORDS.unresolved = 'unresolved';

function lookup<T extends string>(value: string, custom: Record<string, T> | undefined, words: Record<string, T>): T | undefined {
  if (custom) {
    if (value in custom) return custom[value];
    const k = headerKey(value);
    for (const [key, v] of Object.entries(custom)) if (headerKey(key) === k) return v;
  }
  return words[headerKey(value)];
}

type Columns = { [K in keyof CsvMapping['columns']]?: number };

/** Resolves every column reference against the header; a missing column is a fatal error that lists the header. */
export function resolveColumns(mapping: CsvMapping, header: readonly string[], file: string): { cols: Columns; privateCols: { name: string; index: number }[] } {
  const keys = header.map(headerKey);
  const find = (ref: ColumnRef, what: string): number => {
    if (typeof ref === 'number') {
      if (ref > header.length) throw new CandorError('BAD_MAPPING', `${file}: the mapping's ${what} is column ${ref}, but the file has ${header.length} columns.`, { file, line: 1 });
      return ref - 1;
    }
    let i = header.indexOf(ref);
    if (i === -1) i = keys.indexOf(headerKey(ref));
    if (i === -1) throw new CandorError('BAD_MAPPING', `${file}: the mapping's ${what} column "${ref}" is not in the header. The columns are: ${header.map((h) => `"${h}"`).join(', ')}.`, { file, line: 1 });
    return i;
  };
  const cols: Columns = {};
  for (const [name, ref] of Object.entries(mapping.columns) as [keyof Columns, ColumnRef | undefined][]) {
    if (ref !== undefined) cols[name] = find(ref, name);
  }
  const privateCols = mapping.private.map((ref) => {
    const index = find(ref, 'private');
    return { name: header[index] ?? `column ${index + 1}`, index };
  });
  return { cols, privateCols };
}

type Row = { line: number; cells: string[] };

class RowReader {
  readonly mapping: CsvMapping;
  readonly cols: Columns;
  readonly privateCols: { name: string; index: number }[];
  readonly staff: StaffMatcher;

  constructor(mapping: CsvMapping, resolved: ReturnType<typeof resolveColumns>, staff: StaffMatcher) {
    this.mapping = mapping;
    this.cols = resolved.cols;
    this.privateCols = resolved.privateCols;
    this.staff = staff;
  }

  /** The cell's text, or undefined when the column is not mapped or the cell is empty. */
  get(row: Row, col: keyof Columns): string | undefined {
    const i = this.cols[col];
    if (i === undefined) return undefined;
    const v = row.cells[i];
    return v === undefined || v.trim() === '' ? undefined : v;
  }

  /** The cell exactly as written (text columns: subject, body, reply), or undefined when empty or unmapped. */
  text(row: Row, col: keyof Columns): string | undefined {
    const i = this.cols[col];
    const v = i === undefined ? undefined : row.cells[i];
    return v === undefined || v === '' ? undefined : v;
  }

  time(row: Row, col: keyof Columns): string | undefined {
    const v = this.get(row, col);
    if (v === undefined) return undefined;
    const iso = parseCsvTime(v, this.mapping.dateFormat, this.mapping.utcOffset);
    if (!iso) throw new RecordProblem(`${col}: "${v.slice(0, 40)}" is not a date and time in the mapping's dateFormat (${this.mapping.dateFormat})`);
    return iso;
  }

  body(text: string): { body: string; format: 'text' | 'markdown' } {
    return normalizeBody(text, this.mapping.bodyFormat);
  }

  role(row: Row): MessageRole {
    const raw = this.get(row, 'role');
    if (raw !== undefined) {
      const role = lookup(raw.trim(), this.mapping.values.role, ROLE_WORDS);
      if (!role) throw new RecordProblem(`role: "${raw.slice(0, 40)}" is not customer, staff or system (add it to the mapping's values.role)`);
      return role;
    }
    return this.staff.isStaff(this.get(row, 'authorEmail')) ? 'staff' : 'customer';
  }

  visibility(row: Row): Visibility {
    const raw = this.get(row, 'visibility') ?? '';
    const v = lookup(raw.trim(), this.mapping.values.visibility, VISIBILITY_WORDS);
    if (!v) throw new RecordProblem(`visibility: "${raw.slice(0, 40)}" is not public or internal (add it to the mapping's values.visibility)`);
    return v;
  }

  privateData(row: Row): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { name, index } of this.privateCols) {
      const v = row.cells[index];
      if (v !== undefined && v.trim() !== '') out[name] = v;
    }
    return out;
  }

  /** Thread-level fields of a row; a field left empty stays undefined so that another row may give it. */
  threadFields(row: Row): Omit<ThreadInput, 'messages' | 'source' | 'externalId'> {
    const m = this.mapping;
    const out: Omit<ThreadInput, 'messages' | 'source' | 'externalId'> = {};
    const subject = this.text(row, 'subject');
    if (subject !== undefined) out.subject = subject;
    const kind = this.get(row, 'kind');
    if (kind !== undefined) {
      const k = lookup(kind.trim(), m.values.kind, Object.fromEntries(THREAD_KINDS.map((x) => [x, x])) as Record<string, ThreadKind>);
      if (!k) throw new RecordProblem(`kind: "${kind.slice(0, 40)}" is not one of ${THREAD_KINDS.join(', ')} (add it to the mapping's values.kind)`);
      out.kind = k;
    }
    const status = this.get(row, 'status');
    if (status !== undefined) {
      const st = lookup(status.trim(), m.values.status, STATUS_WORDS);
      if (!st) throw new RecordProblem(`status: "${status.slice(0, 40)}" is not one of ${THREAD_STATUSES.join(', ')} (add it to the mapping's values.status)`);
      out.status = st;
    }
    const channel = this.get(row, 'channel');
    if (channel !== undefined) out.channel = channel.trim();
    const tags = this.get(row, 'tags');
    if (tags !== undefined) out.tags = tags.split(m.tagSeparator).map((t) => t.trim()).filter(Boolean);
    const rating = this.get(row, 'rating');
    if (rating !== undefined) {
      const n = Number(rating.trim().replace(',', '.'));
      const stars = Number.isFinite(n) ? toStars(n, m.ratingScale.min, m.ratingScale.max) : null;
      if (stars === null) throw new RecordProblem(`rating: "${rating.slice(0, 20)}" is not a number from ${m.ratingScale.min} to ${m.ratingScale.max}`);
      out.rating = stars;
    }
    const openedAt = this.time(row, 'openedAt');
    if (openedAt) out.openedAt = openedAt;
    const resolvedAt = this.time(row, 'resolvedAt');
    if (resolvedAt) out.resolvedAt = resolvedAt;
    const name = this.get(row, 'customerName')?.trim();
    const email = this.get(row, 'customerEmail')?.trim();
    const location = this.get(row, 'customerLocation')?.trim();
    if (name || email || location) out.customer = { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(location ? { location } : {}) };
    return out;
  }

  message(row: Row): MessageInput {
    const sentAt = this.time(row, 'sentAt');
    if (!sentAt) throw new RecordProblem('sentAt: the message has no date and time');
    const { body, format } = this.body(this.text(row, 'body') ?? '');
    const privateData = this.privateData(row);
    const email = this.get(row, 'authorEmail');
    if (email) privateData['author.email'] = email.trim();
    const id = this.get(row, 'messageId')?.trim();
    return {
      ...(id ? { externalId: id } : {}),
      role: this.role(row),
      authorName: this.get(row, 'authorName')?.trim() ?? null,
      sentAt,
      body,
      format,
      visibility: this.visibility(row),
      attachments: [],
      privateData,
    };
  }
}

/** Merges thread fields: the first row that gives a field wins; tags accumulate. */
function mergeFields(into: Omit<ThreadInput, 'messages' | 'source' | 'externalId'>, from: Omit<ThreadInput, 'messages' | 'source' | 'externalId'>): void {
  for (const [k, v] of Object.entries(from) as [keyof typeof from, unknown][]) {
    if (k === 'tags') into.tags = [...new Set([...(into.tags ?? []), ...((v as string[]) ?? [])])];
    else if (into[k] === undefined) (into as Record<string, unknown>)[k] = v;
  }
}

async function* readMessagePerRow(file: SourceFile, mapping: CsvMapping, staff: StaffMatcher): AsyncGenerator<ImportRecord> {
  let reader: RowReader | null = null;
  let group: { id: string; line: number; fields: Omit<ThreadInput, 'messages' | 'source' | 'externalId'>; messages: MessageInput[] } | null = null;
  // The store replaces a thread's source tags with the ones given, so a thread whose rows come back later is sent
  // with every tag seen so far. Only threads with tags are remembered.
  const tagsSoFar = new Map<string, string[]>();
  const flush = (): ImportRecord | null => {
    if (!group || group.messages.length === 0) return null;
    const location: ErrorLocation = { file: file.name, line: group.line };
    const tags = [...new Set([...(tagsSoFar.get(group.id) ?? []), ...(group.fields.tags ?? [])])];
    if (tags.length) tagsSoFar.set(group.id, tags);
    const thread: ThreadInput = { ...group.fields, tags, source: mapping.source, externalId: group.id, messages: group.messages };
    return { ok: true, thread, location };
  };
  for await (const ev of csvEvents(file, { ...(mapping.delimiter ? { delimiter: mapping.delimiter } : {}), ...(mapping.encoding ? { encoding: mapping.encoding } : {}) })) {
    if (ev.kind === 'header') {
      reader = new RowReader(mapping, resolveColumns(mapping, ev.cells, file.name), staff);
      continue;
    }
    const location: ErrorLocation = { file: file.name, line: ev.line };
    if (ev.kind === 'bad') {
      yield { ok: false, location, reason: ev.reason };
      continue;
    }
    const r = reader!;
    const id = r.get(ev, 'threadId')?.trim();
    if (!id) {
      yield { ok: false, location, reason: 'threadId: the row has no thread id' };
      continue;
    }
    if (group && group.id !== id) {
      const done = flush();
      if (done) yield done;
      group = null;
    }
    try {
      const fields = r.threadFields(ev);
      const message = r.message(ev);
      if (!group) group = { id, line: ev.line, fields: {}, messages: [] };
      mergeFields(group.fields, fields);
      group.messages.push(message);
    } catch (err) {
      if (err instanceof RecordProblem) yield { ok: false, location, reason: err.message };
      else throw err;
    }
  }
  const last = flush();
  if (last) yield last;
}

async function* readThreadPerRow(file: SourceFile, mapping: CsvMapping): AsyncGenerator<ImportRecord> {
  let reader: RowReader | null = null;
  const seen = new Map<string, number>();
  for await (const ev of csvEvents(file, { ...(mapping.delimiter ? { delimiter: mapping.delimiter } : {}), ...(mapping.encoding ? { encoding: mapping.encoding } : {}) })) {
    if (ev.kind === 'header') {
      reader = new RowReader(mapping, resolveColumns(mapping, ev.cells, file.name), { isStaff: () => false, entries: [] });
      continue;
    }
    const location: ErrorLocation = { file: file.name, line: ev.line };
    if (ev.kind === 'bad') {
      yield { ok: false, location, reason: ev.reason };
      continue;
    }
    const r = reader!;
    try {
      const id = r.get(ev, 'threadId')?.trim();
      if (!id) throw new RecordProblem('threadId: the row has no thread id');
      const first = seen.get(id);
      if (first !== undefined) throw new RecordProblem(`duplicate thread id "${id}" (first seen at line ${first})`);
      seen.set(id, ev.line);
      const fields = r.threadFields(ev);
      const sentAt = r.time(ev, 'sentAt') ?? fields.openedAt ?? undefined;
      if (!sentAt) throw new RecordProblem('sentAt: the row has no date and time');
      const { body, format } = r.body(r.text(ev, 'body') ?? '');
      const messages: MessageInput[] = [{
        externalId: `${id}:message`,
        role: 'customer',
        authorName: r.get(ev, 'authorName')?.trim() ?? fields.customer?.name ?? null,
        sentAt,
        body,
        format,
        visibility: 'public',
        attachments: [],
        privateData: {},
      }];
      const reply = r.text(ev, 'replyBody');
      if (reply !== undefined && reply.trim() !== '') {
        const replyText = r.body(reply);
        messages.push({ externalId: `${id}:reply`, role: 'staff', authorName: r.get(ev, 'replyAuthor')?.trim() ?? null, sentAt: r.time(ev, 'replyAt') ?? sentAt, body: replyText.body, format: replyText.format, visibility: 'public', attachments: [], privateData: {} });
      }
      const privateData = r.privateData(ev);
      const email = r.get(ev, 'authorEmail');
      if (email) privateData['author.email'] = email.trim();
      yield { ok: true, location, thread: { ...fields, source: mapping.source, externalId: id, privateData, messages } };
    } catch (err) {
      if (err instanceof RecordProblem) yield { ok: false, location, reason: err.message };
      else throw err;
    }
  }
}

export const csv: Importer = {
  id: 'csv',
  label: 'any CSV, with a column mapping',
  detect({ name, text, hasMapping }) {
    const t = text.trimStart();
    if (t === '' || t.startsWith('{') || t.startsWith('[') || /^From \S/.test(t)) return 0;
    const named = /\.(csv|tsv)$/i.test(name);
    if (hasMapping) return 0.97;
    if (named) return 0.3;
    // Unnamed: only a table whose first lines all split into the same number of columns.
    const delimiter = sniffDelimiter(text);
    const rows = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 5).map((l) => headerCells(l).length);
    return rows.length >= 2 && rows[0]! >= 2 && rows.every((n) => n === rows[0]) && text.includes(delimiter) ? 0.15 : 0;
  },
  read(file, ctx) {
    const mapping = parseMapping(ctx.mapping);
    if (mapping.layout === 'thread-per-row') return readThreadPerRow(file, mapping);
    return readMessagePerRow(file, mapping, ctx.staff);
  },
};

export { CsvMapping };
