import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runImport } from '../../electron/core/importers/run.ts';
import { contentKey } from '../../electron/core/store/ids.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { ROOT, tempWorkspace } from '../helpers/workspace.ts';

// Ids are what published pages, links and curators' decisions hang on: a conversation must get the id earlier versions
// gave it, however ids are computed now. The reference here is the scheme as first written (a SHA-256 Hash object
// fed each part and a NUL), applied to real exports, including a message without a source id (its content key).

let ws: Workspace;
let cleanup: () => void;
beforeEach(() => ({ ws, cleanup } = tempWorkspace()));
afterEach(() => cleanup());

function reference(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p);
    h.update('\u0000');
  }
  return h.digest('hex');
}

const REAL = join(ROOT, 'test/fixtures/real');

it('real Zendesk, Intercom and e-mail imports get the ids earlier versions gave them', async () => {
  await runImport(ws, [join(REAL, 'zendesk/go-tickets.json'), join(REAL, 'intercom/node-find-conversation.json'), join(REAL, 'email/mailgem-basic-email.eml')], { scan: false });
  const threads = ws.db.prepare('SELECT rowid, id, source, external_id FROM threads').all() as { rowid: number; id: string; source: string; external_id: string }[];
  expect(new Set(threads.map((t) => t.source))).toEqual(new Set(['zendesk', 'intercom', 'email']));
  const messages = ws.db.prepare('SELECT m.id, m.external_id, m.role, m.sent_at, m.body, t.id AS thread FROM messages m JOIN threads t ON t.rowid = m.thread_rowid')
    .all() as { id: string; external_id: string; role: string; sent_at: string; body: string; thread: string }[];
  expect(messages.length).toBeGreaterThan(threads.length);
  for (const t of threads) expect(t.id).toBe(`t_${reference(t.source, t.external_id).slice(0, 16)}`);
  for (const m of messages) expect(m.id).toBe(`m_${reference(m.thread, m.external_id).slice(0, 16)}`);
  // A message without a source id is known by its content: the same real texts must give the same keys.
  expect(messages.some((m) => [...m.body].some((c) => c.codePointAt(0)! > 127))).toBe(true);
  for (const m of messages) expect(contentKey(m.role, m.sent_at, m.body)).toBe(`h:${reference(m.role, m.sent_at, m.body).slice(0, 24)}`);
});
