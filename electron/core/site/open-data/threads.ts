import type { PublishedThread } from '../../../shared/curation/model.ts';
import { topicNames } from '../topics.ts';
import { csvRows } from '../../csv-write.ts';
import type { OpenThread } from './schemas.ts';

// One published thread's rows in data/threads.json (one JSON object per line), data/threads.csv (one row) and
// data/messages.csv (one row per public message). Render workers make them; the builder writes them in site order.

export const THREADS_JSON_HEAD = '{"threads":[\n';
export const THREADS_CSV_HEADER = csvRows([['id', 'source', 'kind', 'subject', 'rating', 'status', 'opened_at', 'resolved_at', 'tags', 'messages']]);
export const MESSAGES_CSV_HEADER = csvRows([['thread_id', 'position', 'role', 'author', 'sent_at', 'body']]);

/** `topics`: the thread's topic names when the caller has them already (the builder's summary); else worked out here. */
export function openThread(t: PublishedThread, topics: string[] = topicNames(t)): OpenThread {
  return {
    id: t.id,
    source: t.source,
    kind: t.kind,
    subject: t.subject,
    rating: t.rating,
    status: t.status,
    opened_at: t.openedAt,
    resolved_at: t.resolvedAt,
    tags: topics,
    messages: t.messages.map((m) => ({ role: m.role, author: m.author, sent_at: m.sentAt, body: m.body })),
  };
}

export function threadCsvRow(t: OpenThread): string {
  return csvRows([[t.id, t.source, t.kind, t.subject, t.rating, t.status, t.opened_at, t.resolved_at, t.tags.join('; '), t.messages.length]]);
}

export function messageCsvRows(t: OpenThread): string {
  return csvRows(t.messages.map((m, i) => [t.id, i + 1, m.role, m.author, m.sent_at, m.body]));
}
