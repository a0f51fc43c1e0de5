import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { deflateSync, gunzipSync } from 'node:zlib';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import { initWorkspace, openWorkspace } from '../../electron/core/workspace.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { tempDir } from '../helpers/workspace.ts';
import type { ThreadRec } from '../helpers/workspace.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import type { BuildOptions, BuildReport } from '../../electron/core/site/build.ts';
import { afterAll, beforeAll } from 'vitest';

/** Debian's Chromium, launched for tests: no sandbox (containers), nothing fetched in the background. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Text that must never appear anywhere in a built site: internal notes, private metadata, held-back threads. */
export const SECRETS = {
  internalNote: 'SECRET-INTERNAL-NOTE',
  customerName: 'Quigglesworth',
  customerEmail: 'zebulon.quigglesworth@example.com',
  customerPhone: '07700 900461',
  privateIp: '203.0.113.77',
  withheld: 'WITHHELD-MARKER-TEXT',
  pending: 'PENDING-MARKER-TEXT',
} as const;

/** Threads with personal data in the text and the metadata, internal notes, held-back and pending ones. */
export function fixtureThreads(n = 24): { threads: ThreadRec[]; withheld: string[]; pending: string[] } {
  const threads: ThreadRec[] = [];
  const kinds = ['complaint', 'praise', 'question', 'suggestion', 'other'];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 27)).padStart(2, '0');
    const month = String(1 + (i % 6)).padStart(2, '0');
    threads.push({
      id: `fx-${i}`,
      source: i % 3 === 0 ? 'zendesk' : i % 3 === 1 ? 'trustpilot' : 'email',
      kind: kinds[i % kinds.length],
      status: i % 4 === 0 ? 'unresolved' : i % 4 === 1 ? 'open' : 'resolved',
      subject: `Fixture conversation ${i} about delivery`,
      rating: i % 3 === 1 ? 1 + (i % 5) : null,
      tags: i % 2 ? ['delivery', 'Late Delivery'] : ['billing'],
      customer: { name: `Zebulon ${SECRETS.customerName}`, email: SECRETS.customerEmail, location: '12 High Street, Leeds LS1 4AP' },
      messages: [
        { id: 'm1', author: { role: 'customer', name: `Zebulon ${SECRETS.customerName}` }, sent_at: `2026-${month}-${day}T09:00:00Z`, body: `Order ${i} is late. Write to me at ${SECRETS.customerEmail} or call ${SECRETS.customerPhone}.\n\nThanks, Zebulon ${SECRETS.customerName}` },
        { id: 'm2', author: { role: 'staff', name: 'Sam' }, sent_at: `2026-${month}-${day}T11:00:00Z`, body: `**Sorry** about order ${i}, see [our delivery page](https://example.com/delivery).`, format: 'markdown' },
        { id: 'm3', author: { role: 'staff', name: 'Sam' }, sent_at: `2026-${month}-${day}T11:05:00Z`, body: `${SECRETS.internalNote} ${i}: customer IP ${SECRETS.privateIp}`, visibility: 'internal' },
      ],
    });
  }
  threads.push({
    id: 'fx-withheld', subject: `Held back ${SECRETS.withheld}`, kind: 'complaint',
    messages: [{ id: 'm1', author: { role: 'customer' }, sent_at: '2026-02-02T10:00:00Z', body: `Please do not publish: ${SECRETS.withheld}` }],
  });
  threads.push({
    id: 'fx-pending', subject: `Waiting ${SECRETS.pending}`, kind: 'question',
    messages: [{ id: 'm1', author: { role: 'customer' }, sent_at: '2026-02-03T10:00:00Z', body: `Not reviewed yet: ${SECRETS.pending}` }],
  });
  return { threads, withheld: ['candor:fx-withheld'], pending: ['candor:fx-pending'] };
}

export type SiteWorkspace = { ws: Workspace; dir: string; root: string; cleanup: () => void };

/** A closed workspace with the threads imported through the real importer and decided through curation. */
export async function siteWorkspace(threads: ThreadRec[], decide: { withhold?: string[]; pending?: string[] } = {}, name = 'Acme Test Ltd'): Promise<SiteWorkspace> {
  const t = tempDir('candor-site-');
  const ws = initWorkspace(join(t.dir, 'ws'), { name, actor: 'tester' });
  const file = join(t.dir, 'threads.jsonl');
  if (threads.length) {
    writeFileSync(file, `${threads.map((x) => JSON.stringify(x)).join('\n')}\n`);
    await runImport(ws, [file]);
  }
  const skip = new Set([...(decide.withhold ?? []), ...(decide.pending ?? [])]);
  const publish = threads.map((x) => `${x.source ?? 'candor'}:${x.id}`).filter((id) => !skip.has(id));
  if (publish.length) decideCurated(ws, { ids: publish }, { decision: 'publish' }, PUBLISH_GUARDS);
  if (decide.withhold?.length) decideCurated(ws, { ids: decide.withhold }, { decision: 'withhold', reason: 'privacy-request', note: 'asked' }, PUBLISH_GUARDS);
  ws.close();
  return { ws, dir: ws.dir, root: t.dir, cleanup: t.cleanup };
}

export function listFiles(dir: string, base = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) listFiles(full, base, out);
    else out.push(relative(base, full).split(sep).join('/'));
  }
  return out;
}

/** Every file's text, with Pagefind's gzipped index files opened, so secrets cannot hide in the search index. */
export function siteText(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of listFiles(dir)) {
    const buf = readFileSync(join(dir, rel));
    const gz = buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b;
    out.set(rel, (gz ? gunzipSync(buf) : buf).toString('utf8'));
  }
  return out;
}

export function htmlPages(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith('.html'));
}

/** Every byte of a folder, for comparing two builds. */
export function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((rel) => [rel, readFileSync(join(dir, rel)).toString('base64')]));
}

/** A real (tiny) PNG: a coloured rectangle. */
export function png(width = 8, height = 4, rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A site workspace of `n` fixture threads (some withheld, some pending) made once for a test file, removed after it.
 * Read it through the returned function inside tests.
 */
export function useSiteFixture(n: number): () => SiteWorkspace {
  let fx: SiteWorkspace | undefined;
  beforeAll(async () => {
    const { threads, withheld, pending } = fixtureThreads(n);
    fx = await siteWorkspace(threads, { withhold: withheld, pending });
  }, 120_000);
  afterAll(() => fx?.cleanup());
  return () => {
    if (!fx) throw new Error('the site fixture is made in beforeAll: read it inside a test');
    return fx;
  };
}

/** A build in this thread (no render workers, no search index), its temporary files removed before it returns. */
export async function buildInThread(workspace: string, out: string, more: Partial<BuildOptions> = {}): Promise<BuildReport> {
  const report = await buildSite({ workspace, out, workers: 0, search: false, ...more });
  await report.cleanup;
  return report;
}

/** A curator withholds one thread (a change of data, as the next build must see it), through the workspace's own decision path. */
export function withholdThread(dir: string, id: string): void {
  const ws = openWorkspace(dir);
  try {
    decideCurated(ws, { ids: [id] }, { decision: 'withhold', reason: 'privacy-request', note: 'asked' }, PUBLISH_GUARDS);
  } finally {
    ws.close();
  }
}
