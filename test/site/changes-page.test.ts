import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { eraseCustomer } from '../../electron/core/curation/erase.ts';
import { createDemoWorkspace } from '../../electron/core/demo/create.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { tempDir } from '../helpers/workspace.ts';

// The publication log page names conversations as a reader knows them: a published one by its title, linked to its
// page; one withdrawn since by what it is ("a withheld conversation", "a conversation since erased"), never by its
// subject, and never by an internal id (t_…) that means nothing to a reader. On the demo: built, one complaint
// withdrawn for a legal reason and one customer erased, built again.

let tmp: ReturnType<typeof tempDir>;
let out: string;
let withheld: { id: string; subject: string };

/** The page's visible text: tags and their attributes (links hold ids in their addresses) left out. */
function visibleText(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main.replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');
}

beforeAll(async () => {
  tmp = tempDir('candor-changes-');
  const dir = join(tmp.dir, 'ws');
  await createDemoWorkspace(dir);
  out = join(tmp.dir, 'site');
  await (await buildSite({ workspace: dir, out, search: false })).cleanup;
  const ws = openWorkspace(dir);
  try {
    const published = ws.db.prepare("SELECT id, subject FROM threads WHERE decision = 'publish' AND kind = 'complaint' AND subject IS NOT NULL ORDER BY opened_at DESC LIMIT 2").all() as { id: string; subject: string }[];
    withheld = published[0]!;
    decideCurated(ws, { ids: [withheld.id] }, { decision: 'withhold', reason: 'legal', note: 'solicitor' }, PUBLISH_GUARDS);
    eraseCustomer(ws, { threadIds: [published[1]!.id] });
  } finally {
    ws.close();
  }
  await (await buildSite({ workspace: dir, out, search: false })).cleanup;
}, 180_000);
afterAll(() => tmp?.cleanup());

describe('the publication log page of the demo', () => {
  it('shows no internal conversation id', () => {
    const text = visibleText(readFileSync(join(out, 'changes.html'), 'utf8'));
    expect(text).toContain('Update 2');
    expect(text.match(/\bt_[0-9a-f]{6,}/g) ?? []).toEqual([]);
  });

  it('names each published conversation by its title, linked to its page, in its language', () => {
    const html = readFileSync(join(out, 'changes.html'), 'utf8');
    const links = [...html.matchAll(/<li><a href="(threads\/[^"]+)"(?: lang="([a-z-]+)")?>([^<]+)<\/a>/g)];
    expect(links.length).toBeGreaterThan(50);
    for (const [, href, lang, title] of links.slice(0, 20)) {
      const page = readFileSync(join(out, href!), 'utf8');
      // The same title the conversation's own page shows as its heading.
      expect(page).toMatch(new RegExp(`<h1[^>]*>${title!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h1>`));
      if (lang) expect(page).toContain(`lang="${lang}"`);
    }
  });

  it('names a withdrawn conversation only as withheld, with its reason, and an erased one as erased', () => {
    const html = readFileSync(join(out, 'changes.html'), 'utf8');
    const text = visibleText(html);
    expect(text).toContain('a withheld conversation — Legal');
    expect(text).toContain('a conversation since erased');
    expect(html).not.toContain(withheld.subject);
    expect(html).not.toContain(withheld.id);
  });

  it('lists the first hundred conversations of a long update, counts them all and says how many more the log holds', () => {
    const html = readFileSync(join(out, 'changes.html'), 'utf8');
    const log = JSON.parse(readFileSync(join(out, 'data/changes.json'), 'utf8')) as { entries: { seq: number; threads: { added: string[] } }[] };
    const first = log.entries[0]!;
    expect(first.threads.added.length).toBeGreaterThan(100);
    const update = html.slice(html.lastIndexOf('Update 1'), html.indexOf('</main>'));
    // Its conversations (the claims it added follow them).
    const added = update.slice(0, update.search(/\d+ claims? added/));
    const text = visibleText(`<main>${update}</main>`);
    expect(text).toContain(`${first.threads.added.length.toLocaleString('en')} conversations added`);
    expect(text).toContain(`And ${(first.threads.added.length - 100).toLocaleString('en')} more`);
    // Each shown, linked to its page while it is published (one of them was withheld and one erased since).
    expect([...added.matchAll(/<li>/g)].length).toBe(100);
    expect([...added.matchAll(/<li><a href="threads\//g)].length).toBeGreaterThanOrEqual(98);
  });
});
