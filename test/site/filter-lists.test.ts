import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { threadUrl } from '../../electron/core/site/pages.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import { buildInThread, fixtureThreads, useSiteFixture, withholdThread } from './helpers.ts';

// The conversations page's filters for readers without script: one list per status and per star rating (and one of
// the unrated), each newest first. A reader who opens "Unresolved" must find every published unresolved conversation
// and nothing else, on whichever page of the list; and a conversation whose status changes or that is withheld moves
// out of its list at the next rebuild. Checked against the workspace itself, page by page of the built site.

const fixture = useSiteFixture(130);

/** The conversations a list shows, in order, across all its pages (index.html, 2.html, ...). */
function listed(site: string, folder: string): string[] {
  const dir = join(site, folder);
  const pages = readdirSync(dir).filter((f) => /^(index|\d+)\.html$/.test(f));
  const order = (f: string) => (f === 'index.html' ? 1 : Number.parseInt(f, 10));
  const out: string[] = [];
  for (const page of pages.sort((a, b) => order(a) - order(b))) {
    for (const m of readFileSync(join(dir, page), 'utf8').matchAll(/href="(?:\.\.\/)*(threads\/[0-9a-f]{2}\/[^"]+\.html)"/g)) out.push(m[1]!);
  }
  // A card links its thread more than once: each thread counts where it first appears.
  return [...new Set(out)];
}

/** What the list of `where` must show: the workspace's published conversations, newest first. */
function expected(dir: string, where: string, ...args: (string | number)[]): string[] {
  const db = new DatabaseSync(join(dir, 'candor.sqlite'), { readOnly: true });
  try {
    const rows = db.prepare(`SELECT id FROM threads WHERE decision = 'publish' AND ${where} ORDER BY opened_at DESC, id`).all(...args) as { id: string }[];
    return rows.map((r) => threadUrl(r.id));
  } finally {
    db.close();
  }
}

function expectFilters(site: string, dir: string): void {
  for (const status of ['open', 'resolved', 'unresolved']) {
    const want = expected(dir, 'status = ?', status);
    expect(want.length, status).toBeGreaterThan(0);
    expect(listed(site, `conversations/status/${status}`), status).toEqual(want);
  }
  for (const stars of [1, 2, 3, 4, 5]) {
    const want = expected(dir, 'rating = ?', stars);
    if (want.length) expect(listed(site, `conversations/rating/${stars}`), `${stars} stars`).toEqual(want);
  }
  expect(listed(site, 'conversations/rating/none')).toEqual(expected(dir, 'rating IS NULL'));
}

describe('the status and rating lists', () => {
  it('show every published conversation of their status or rating, newest first, and follow changes at a rebuild', async () => {
    const { dir, root } = fixture();
    const site = join(root, 'filters');
    await buildInThread(dir, site);
    // More than one page of 50: a thread's place on a later page counts too.
    expect(listed(site, 'conversations/status/resolved').length).toBeGreaterThan(50);
    expectFilters(site, dir);

    // One conversation is re-imported resolved and rated, another withheld: both leave their lists at the rebuild.
    const idOf = (url: string) => url.replace(/^threads\/[0-9a-f]{2}\/|\.html$/g, '');
    const moved = idOf(expected(dir, "status = 'unresolved' AND rating IS NULL")[0]!);
    const gone = idOf(expected(dir, "status = 'open'")[0]!);
    const db = new DatabaseSync(join(dir, 'candor.sqlite'), { readOnly: true });
    const { source, external_id: externalId } = db.prepare('SELECT source, external_id FROM threads WHERE id = ?').get(moved) as { source: string; external_id: string };
    db.close();
    const record = fixtureThreads(130).threads.find((t) => (t.source ?? 'candor') === source && t.id === externalId);
    expect(record, moved).toBeDefined();
    const file = join(root, 'moved.jsonl');
    writeFileSync(file, `${JSON.stringify({ ...record, status: 'resolved', rating: 4 })}\n`);
    const ws = openWorkspace(dir);
    try {
      await runImport(ws, [file]);
    } finally {
      ws.close();
    }
    withholdThread(dir, gone);
    const report = await buildInThread(dir, site);
    expect(report.incremental).toBe(true);
    expectFilters(site, dir);
    expect(listed(site, 'conversations/status/resolved')).toContain(threadUrl(moved));
    expect(listed(site, 'conversations/rating/4')).toContain(threadUrl(moved));
    expect(listed(site, 'conversations/status/unresolved')).not.toContain(threadUrl(moved));
    expect(listed(site, 'conversations/status/open')).not.toContain(threadUrl(gone));
  });
});
