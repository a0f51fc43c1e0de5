import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../electron/core/importers/run.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { textKey } from '../../electron/core/site/language-detect.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { htmlPages, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';
import type { ThreadRec } from '../helpers/workspace.ts';

// A conversation's language is detected by the first build that publishes its text and kept with a hash of the exact
// text; the builds after it read it instead of detecting it again for every conversation.

// A real Dutch statement examined by a regulator (test/fixtures/claims/real-cases.json, sources in its SOURCES.md).
const cases = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/claims/real-cases.json'), 'utf8')) as { id: string; language: string; statement: string }[];
const dutch = cases.find((c) => c.id === 'RCC-KLM-2022-NEUTRALISEER')!.statement;
const english = 'The parcel arrived two weeks late and the box was damaged, so I would like a replacement or a refund please.';

function thread(body: string): ThreadRec {
  return {
    id: 'lang-1', source: 'email', kind: 'complaint', status: 'open', subject: 'CO2', customer: { name: 'Mia de Vries', email: 'mia.devries@example.com' },
    messages: [
      { id: 'm1', author: { role: 'customer', name: 'Mia de Vries' }, sent_at: '2026-03-02T09:00:00Z', body },
      // Too short to tell on its own, and published with the address removed: it takes the conversation's language.
      { id: 'm2', author: { role: 'customer', name: 'Mia de Vries' }, sent_at: '2026-03-02T09:05:00Z', body: 'mia.devries@example.com' },
    ],
  };
}

async function build(fx: SiteWorkspace, name: string): Promise<string> {
  const out = join(fx.root, name);
  await (await buildSite({ workspace: fx.dir, out, search: false })).cleanup;
  const pages = htmlPages(out).filter((p) => p.startsWith('threads/'));
  expect(pages).toHaveLength(1);
  return readFileSync(join(out, pages[0]!), 'utf8');
}

function keptLanguages(fx: SiteWorkspace): (string | null)[] {
  const ws = openWorkspace(fx.dir);
  try {
    return (ws.db.prepare('SELECT language FROM text_languages ORDER BY text_hash').all() as { language: string | null }[]).map((r) => r.language);
  } finally {
    ws.close();
  }
}

let fx: SiteWorkspace;
beforeAll(async () => {
  fx = await siteWorkspace([thread(dutch)]);
});
afterAll(() => fx?.cleanup());

describe('the languages of what customers wrote, kept between builds', () => {
  it('are detected by the first build, shown on the page and kept for the texts as published (the address removed)', async () => {
    expect(keptLanguages(fx)).toEqual([]);
    const page = await build(fx, 'site-1');
    // The statement is Dutch; the subject and the address alone are too short to tell, and so (just) is all of it
    // joined: four texts, one Dutch.
    expect(keptLanguages(fx).sort()).toEqual(['nl', null, null, null].sort());
    expect(page).toContain('<h1 id="thread-title" lang="nl">');
    expect(page.match(/class="message-body prose" lang="nl"/g)).toHaveLength(2);
  }, 60_000);

  it('are what a build uses for that exact text; a text new to the conversation is detected and kept', async () => {
    // What was kept is what the page says (nothing detects that text again): the statement kept as "fr" shows as fr.
    const ws = openWorkspace(fx.dir);
    ws.db.prepare("UPDATE text_languages SET language = 'fr' WHERE text_hash = ?").run(textKey(dutch));
    ws.close();
    expect((await build(fx, 'site-2')).match(/class="message-body prose"[^>]*>/g)![0]).toBe('class="message-body prose" lang="fr">');
    // A re-import with a new reply: the next build detects the new texts (the reply, the conversation joined) and
    // keeps the thread's texts as they are now in place of the old (five rows: no row for the old joined text).
    const file = join(fx.root, 'again.jsonl');
    const more = thread(dutch);
    more.messages.push({ id: 'm3', author: { role: 'staff', name: 'Sam' }, sent_at: '2026-03-03T09:00:00Z', body: english });
    writeFileSync(file, `${JSON.stringify(more)}\n`);
    const again = openWorkspace(fx.dir);
    await runImport(again, [file]);
    again.close();
    const page = await build(fx, 'site-3');
    expect(keptLanguages(fx).sort()).toEqual(['en', 'fr', null, null, null].sort());
    // French and English together: the conversation's language is not clear, so the address has none of its own.
    expect(page.match(/class="message-body prose"[^>]*>/g)).toEqual(['class="message-body prose" lang="fr">', 'class="message-body prose">', 'class="message-body prose" lang="en">']);
  }, 60_000);
});
