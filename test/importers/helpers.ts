import { join } from 'node:path';
import { runImport } from '../../electron/core/importers/run.ts';
import type { ImportOptions } from '../../electron/core/importers/run.ts';
import { getThread, searchThreads } from '../../electron/core/store/threads.ts';
import type { ThreadDetail } from '../../electron/core/store/threads.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { ROOT } from '../helpers/workspace.ts';

export const FIXTURES = join(ROOT, 'test/fixtures/import');

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

export async function importOne(ws: Workspace, path: string, options: ImportOptions = {}) {
  const [report] = await runImport(ws, [path], options);
  return report!;
}

/** Every stored thread of a source, oldest first, with messages and thread-level private data. */
export function threadsOf(ws: Workspace, source?: string): ThreadDetail[] {
  const page = searchThreads(ws.db, { limit: 10_000, sort: 'date', order: 'asc', ...(source ? { source } : {}) });
  return page.threads.map((t) => getThread(ws.db, t.id)!);
}

export function thread(ws: Workspace, source: string, externalId: string): ThreadDetail {
  const t = getThread(ws.db, `${source}:${externalId}`);
  if (!t) throw new Error(`no thread ${source}:${externalId}`);
  return t;
}

/** Message-level private data of one stored message, by its external id. */
export function messagePrivate(ws: Workspace, threadIdValue: string, messageExternalId: string): Record<string, string> {
  const rows = ws.db.prepare(`SELECT p.key, p.value FROM private_data p JOIN messages m ON m.rowid = p.message_rowid
    JOIN threads t ON t.rowid = m.thread_rowid WHERE t.id = ? AND m.external_id = ?`).all(threadIdValue, messageExternalId) as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** All stored text a reader could be shown: subjects and message bodies. */
export function visibleText(ws: Workspace): string {
  const subjects = (ws.db.prepare('SELECT subject FROM threads').all() as { subject: string | null }[]).map((r) => r.subject ?? '');
  const bodies = (ws.db.prepare('SELECT body FROM messages').all() as { body: string }[]).map((r) => r.body);
  return [...subjects, ...bodies].join('\n');
}

export function counts(ws: Workspace): { threads: number; messages: number } {
  const n = (sql: string) => (ws.db.prepare(sql).get() as { n: number }).n;
  return { threads: n('SELECT count(*) AS n FROM threads'), messages: n('SELECT count(*) AS n FROM messages') };
}
