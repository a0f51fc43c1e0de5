import type { z } from 'zod';
import type { ErrorLocation } from '../errors.ts';
import { CandorError } from '../errors.ts';
import { ThreadFileRecord } from '../../shared/model/thread.ts';
import type { ThreadInput } from '../../shared/model/thread.ts';
import { normalizeBody } from './html.ts';
import { lines, readAllText } from './source-file.ts';
import type { SourceFile } from './source-file.ts';
import type { Importer, ImportRecord } from './types.ts';

export const DEFAULT_SOURCE = 'candor';

export function describeZodError(err: z.ZodError): string {
  return err.issues.slice(0, 3).map((i) => {
    const path = i.path.length ? `${i.path.join('.')}: ` : '';
    return `${path}${i.message}`;
  }).join('; ');
}

export function recordToThread(rec: ThreadFileRecord): ThreadInput {
  return {
    source: rec.source ?? DEFAULT_SOURCE,
    externalId: rec.id,
    kind: rec.kind,
    subject: rec.subject ?? null,
    rating: rec.rating ?? null,
    status: rec.status,
    channel: rec.channel ?? null,
    tags: rec.tags ?? [],
    openedAt: rec.opened_at ?? null,
    resolvedAt: rec.resolved_at,
    customer: rec.customer,
    messages: rec.messages.map((m) => {
      const { body, format } = normalizeBody(m.body, m.format ?? 'text');
      return {
        externalId: m.id,
        role: m.author.role,
        authorName: m.author.name ?? null,
        sentAt: m.sent_at,
        body,
        format,
        visibility: m.visibility ?? 'public',
        attachments: (m.attachments ?? []).map((a) => ({ name: a.name, size: a.size, contentType: a.content_type, url: a.url })),
      };
    }),
  };
}

/** Validates one record, and remembers ids so a second record with the same id is named, not silently merged. */
function checkRecord(value: unknown, location: ErrorLocation, seen: Map<string, string>): ImportRecord {
  const parsed = ThreadFileRecord.safeParse(value);
  if (!parsed.success) return { ok: false, location, reason: describeZodError(parsed.error) };
  const thread = recordToThread(parsed.data);
  const key = `${thread.source}\u0000${thread.externalId}`;
  const first = seen.get(key);
  const here = location.line !== undefined ? `line ${location.line}` : `record ${location.record}`;
  if (first) return { ok: false, location, reason: `duplicate thread id "${thread.externalId}" (first seen at ${first})` };
  seen.set(key, here);
  return { ok: true, thread, location };
}

async function* readJsonLines(file: SourceFile): AsyncGenerator<ImportRecord> {
  const seen = new Map<string, string>();
  for await (const { line, text } of lines(file)) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      yield { ok: false, location: { file: file.name, line }, reason: `not valid JSON (${(err as Error).message})` };
      continue;
    }
    yield checkRecord(value, { file: file.name, line }, seen);
  }
}

function* readJsonDocument(file: SourceFile, text: string): Generator<ImportRecord> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new CandorError('MALFORMED_FILE', `${file.name}${line ? ` line ${line}` : ''}: not valid JSON (${message}).`, line ? { file: file.name, line } : { file: file.name });
  }
  const threads = Array.isArray(doc) ? doc : (doc as { threads?: unknown })?.threads;
  if (!Array.isArray(threads)) {
    throw new CandorError('MALFORMED_FILE', `${file.name}: expected {"threads": [...]} or one thread per line (JSON Lines).`, { file: file.name });
  }
  const seen = new Map<string, string>();
  for (let i = 0; i < threads.length; i++) yield checkRecord(threads[i], { file: file.name, record: i + 1 }, seen);
}

export const candorJson: Importer = {
  id: 'json',
  label: "Candor's thread format (JSON or JSON Lines)",
  detect({ text }) {
    const t = text.trimStart();
    if (/^\{\s*"threads"\s*:/.test(t)) return 1;
    const first = t.split('\n', 1)[0] ?? '';
    if (first.startsWith('{') && /"messages"\s*:\s*\[/.test(first) && /"author"\s*:\s*\{\s*"role"/.test(first)) return 0.9;
    if (t.startsWith('[') && /"author"\s*:\s*\{\s*"role"/.test(t)) return 0.8;
    return 0;
  },
  async *read(file) {
    const head = (await firstNonSpace(file)) ?? '';
    if (head === '{' || head === '[') {
      // A JSON Lines file also starts with "{": tell them apart by whether the first line is a whole record.
      const it = lines(file)[Symbol.asyncIterator]();
      const first = await it.next();
      await it.return?.(undefined);
      const firstLine = first.done ? '' : first.value.text.trim();
      if (head === '{' && isWholeJson(firstLine) && !/^\{\s*"threads"\s*:/.test(firstLine)) {
        yield* readJsonLines(file);
        return;
      }
      yield* readJsonDocument(file, readAllText(file));
      return;
    }
    yield* readJsonLines(file);
  },
};

function isWholeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

async function firstNonSpace(file: SourceFile): Promise<string | null> {
  for await (const { text } of lines({ ...file, onBytes: () => {} })) {
    const t = text.trimStart();
    if (t) return t[0]!;
  }
  return null;
}
