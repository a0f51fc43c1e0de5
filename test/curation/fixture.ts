import { transaction } from '../../electron/core/db/transaction.ts';
import { upsertThread } from '../../electron/core/store/threads.ts';
import type { ThreadInput } from '../../electron/shared/model/thread.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { tempWorkspace } from '../helpers/workspace.ts';
import type { ThreadRec } from '../helpers/workspace.ts';

/** A thread full of personal data, with an internal note, as a support tool would export it. */
export const SARAH: ThreadRec = {
  id: 'T1',
  source: 'zendesk',
  subject: 'Refund for Sarah Jones',
  rating: 1,
  status: 'resolved',
  tags: ['billing'],
  customer: { name: 'Sarah Jones', email: 'sarah@example.com', location: '12 High Street, Leeds LS6 2AB' },
  messages: [
    { id: '1', author: { role: 'customer', name: 'Sarah Jones' }, sent_at: '2026-01-05T09:00:00Z', body: "Hi, I'm Sarah. Call me on 07911 123456 or mail sarah.j@gmail.com. I live at 12 High Street, Leeds LS6 2AB. Card 4111 1111 1111 1111 was charged twice 🙃 for ORD-123456." },
    { id: '2', author: { role: 'staff', name: 'Tom Baker' }, sent_at: '2026-01-05T13:00:00Z', body: 'Dear Sarah, sorry! Your refund for the late delivery is on its way.' },
    { id: '3', author: { role: 'staff', name: 'Tom Baker' }, sent_at: '2026-01-05T13:05:00Z', body: 'internal: Sarah Jones threatened legal action, phone 07911 123456', visibility: 'internal' },
    { id: '4', author: { role: 'customer', name: 'Sarah Jones' }, sent_at: '2026-01-06T08:00:00Z', body: 'Thanks, got it.' },
  ],
};

export const BILL: ThreadRec = {
  id: 'T2',
  source: 'trustpilot',
  subject: 'Great service',
  rating: 5,
  customer: { name: 'Bill May', location: 'Bristol' },
  messages: [{ id: '1', author: { role: 'customer' }, sent_at: '2026-02-01T10:00:00Z', body: 'May I say the courier in May was great.' }],
};

export type Fixture = { ws: Workspace; dir: string; cleanup: () => void; importThreads: (threads: ThreadRec[]) => Promise<void> };

/** Candor's file format as the store takes it (what every importer produces). */
export function toInput(t: ThreadRec): ThreadInput {
  return {
    source: t.source ?? 'candor',
    externalId: t.id,
    subject: t.subject ?? null,
    rating: t.rating ?? null,
    kind: t.kind as ThreadInput['kind'],
    status: t.status as ThreadInput['status'],
    tags: t.tags ?? [],
    customer: t.customer,
    messages: t.messages.map((m) => ({
      externalId: m.id, role: m.author.role, authorName: m.author.name ?? null, sentAt: new Date(m.sent_at).toISOString(), body: m.body,
      format: (m.format ?? 'text') as 'text', visibility: m.visibility ?? 'public',
    })),
  };
}

/** Stores threads through the store's own path (the one every importer uses), in one transaction. */
export function storeThreads(ws: Workspace, threads: readonly ThreadRec[]): void {
  const row = ws.db.prepare("SELECT value FROM meta WHERE key = 'policy.defaultDecision'").get() as { value: string } | undefined;
  const defaultDecision = row?.value === 'publish' ? 'publish' : 'pending';
  const now = new Date().toISOString();
  transaction(ws.db, () => {
    for (const t of threads) upsertThread(ws.db, toInput(t), { actor: ws.actor, now, defaultDecision });
  });
}

export async function workspaceWith(threads: ThreadRec[]): Promise<Fixture> {
  const t = tempWorkspace();
  const importThreads = async (list: ThreadRec[]) => storeThreads(t.ws, list);
  await importThreads(threads);
  return { ...t, importThreads };
}

export function rowidOf(ws: Workspace, ref: string): number {
  const colon = ref.indexOf(':');
  return (ws.db.prepare('SELECT rowid FROM threads WHERE source = ? AND external_id = ?').get(ref.slice(0, colon), ref.slice(colon + 1)) as { rowid: number }).rowid;
}
