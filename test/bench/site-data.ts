// Synthetic published threads for the site benchmark: 3-7 messages each, customer text and staff Markdown replies,
// personal data for curation to find, tags for topic pages. Written through the store's own write path (the same
// upsert every importer uses), decided through curation, and scanned for personal data as curation does before
// anything is published.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { refreshScans } from '../../electron/core/curation/scan.ts';
import { writeSetting } from '../../electron/core/curation/settings.ts';
import { transaction } from '../../electron/core/db/transaction.ts';
import type { ThreadInput } from '../../electron/shared/model/thread.ts';
import { upsertThread } from '../../electron/core/store/upsert-thread.ts';
import { initWorkspace } from '../../electron/core/workspace.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'the order arrived late and the box was damaged so I would like a refund or a replacement please tell me what happens next because I have waited two weeks already and nobody answered my emails about the jacket boots delivery courier tracking size colour zip seam repair guarantee invoice payment charged twice account website app checkout voucher discount store staff helpful friendly quick excellent brilliant disappointed frustrated waterproof warm comfortable return exchange parcel missing'.split(' ');
const TAGS = ['delivery', 'returns', 'quality', 'sizing', 'repairs', 'service', 'website', 'payment', 'packaging', 'praise'];
const SOURCES = ['zendesk', 'trustpilot', 'email', 'web-form'];
const KINDS = ['complaint', 'praise', 'question', 'suggestion', 'other'] as const;
const STATUSES = ['open', 'resolved', 'unresolved'] as const;
const NAMES = ['Sarah Jones', 'James Smith', 'Amelia Müller', 'Oliver Dubois', 'Mia de Vries', 'Noah Taylor', 'Lena Martin', 'Lucas Schmidt'];

function sentence(r: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]!);
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

export function syntheticThread(i: number, r: () => number): ThreadInput {
  const opened = Date.UTC(2024, 0, 1) + Math.floor(r() * 900) * 86_400_000 + Math.floor(r() * 86_400) * 1000;
  const name = NAMES[i % NAMES.length]!;
  const count = 3 + Math.floor(r() * 5);
  const messages: ThreadInput['messages'] = [];
  let t = opened;
  for (let m = 0; m < count; m++) {
    const staff = m % 2 === 1;
    let body = '';
    for (let p = 0; p < 1 + Math.floor(r() * 3); p++) body += `${sentence(r, 12 + Math.floor(r() * 20))} ${sentence(r, 8 + Math.floor(r() * 14))}\n\n`;
    if (!staff && m === 0 && r() < 0.3) body += `You can reach me at ${name.split(' ')[0]!.toLowerCase()}${i}@example.com or 07700 900${String(100 + (i % 900))}.`;
    if (staff) body += `**Next steps:**\n\n- we have sent a replacement\n- see [our returns page](https://example.com/returns)\n`;
    messages.push({ externalId: `m${m}`, role: staff ? 'staff' : 'customer', authorName: staff ? 'Support' : name, sentAt: new Date(t).toISOString(), body: body.trim(), format: staff ? 'markdown' : 'text', visibility: 'public' });
    t += (1 + Math.floor(r() * 48)) * 3_600_000;
  }
  if (r() < 0.3) messages.push({ externalId: 'note', role: 'staff', authorName: 'Support', sentAt: new Date(t).toISOString(), body: 'Internal: refund approved by finance.', format: 'text', visibility: 'internal' });
  const status = STATUSES[Math.floor(r() * STATUSES.length)]!;
  return {
    source: SOURCES[i % SOURCES.length]!,
    externalId: `bench-${i}`,
    kind: KINDS[Math.floor(r() * KINDS.length)]!,
    subject: sentence(r, 4 + Math.floor(r() * 6)).slice(0, -1),
    rating: r() < 0.5 ? 1 + Math.floor(r() * 5) : null,
    status,
    openedAt: new Date(opened).toISOString(),
    resolvedAt: status === 'resolved' ? new Date(t).toISOString() : null,
    tags: [TAGS[Math.floor(r() * TAGS.length)]!, TAGS[Math.floor(r() * TAGS.length)]!],
    customer: { name, email: `${name.split(' ')[0]!.toLowerCase()}${i}@example.com`, location: 'Leeds' },
    messages,
  };
}

export type BenchWorkspace = { dir: string; writeMs: number; decideMs: number; scanMs: number };

/** A workspace with `n` published threads, scanned for personal data (as curation leaves it before a build). */
export function benchWorkspace(dir: string, n: number, seed = 42): BenchWorkspace {
  const ws = initWorkspace(dir, { name: 'Benchmark Outfitters Ltd', actor: 'bench' });
  try {
    writeSetting(ws.db, ws.actor, 'topicRules', { Delivery: ['delivery', 'courier', 'parcel'], Refunds: ['refund*'], Repairs: ['repair*'] });
    const r = rng(seed);
    const now = '2026-06-30T12:00:00.000Z';
    let t = performance.now();
    for (let start = 0; start < n; start += 2000) {
      transaction(ws.db, () => {
        for (let i = start; i < Math.min(n, start + 2000); i++) upsertThread(ws.db, syntheticThread(i, r), { actor: 'bench', now });
      });
    }
    const writeMs = performance.now() - t;
    t = performance.now();
    refreshScans(ws.db);
    const scanMs = performance.now() - t;
    t = performance.now();
    decideCurated(ws, { query: {} }, { decision: 'publish' }, PUBLISH_GUARDS);
    const decideMs = performance.now() - t;
    writeFileSync(join(dir, 'BENCHMARK.txt'), `Synthetic benchmark workspace: ${n} threads.\n`);
    return { dir, writeMs, decideMs, scanMs };
  } finally {
    ws.close();
  }
}

/** Changes one published thread the way a re-import does: a new public reply. */
export function changeOneThread(dir: string, index: number): void {
  const ws = openWorkspaceForBench(dir);
  try {
    const r = rng(42);
    let thread: ThreadInput | null = null;
    for (let i = 0; i <= index; i++) thread = syntheticThread(i, r);
    const t = thread!;
    t.messages.push({ externalId: 'late-reply', role: 'staff', authorName: 'Support', sentAt: '2026-07-01T09:00:00.000Z', body: 'A later reply, added for the incremental benchmark.', format: 'text', visibility: 'public' });
    transaction(ws.db, () => upsertThread(ws.db, t, { actor: 'bench', now: '2026-07-01T09:00:00.000Z' }));
    refreshScans(ws.db);
  } finally {
    ws.close();
  }
}

import { openWorkspace } from '../../electron/core/workspace.ts';
function openWorkspaceForBench(dir: string) {
  return openWorkspace(dir, { actor: 'bench' });
}
