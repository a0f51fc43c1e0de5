import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { createDemoWorkspace } from './electron/core/demo/create.ts';
import { buildSite } from './electron/core/site/build.ts';
import { changeSiteSettings } from './electron/core/site/settings.ts';
import { openWorkspace } from './electron/core/workspace.ts';
const base = '/tmp/lang-x/run';
const ws = join(base, 'ws');
await createDemoWorkspace(ws);
const out: Record<string, Record<string, string[]>> = {};
for (const lang of ['en', 'de']) {
  const w = openWorkspace(ws); try { changeSiteSettings(w, { language: lang as 'de' }); } finally { w.close(); }
  const dir = join(base, `site-${lang}`);
  const t = Date.now();
  await (await buildSite({ workspace: ws, out: dir, search: false })).cleanup;
  console.log(lang, Date.now() - t);
  const pages: Record<string, string[]> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    if (!f.endsWith('.html')) continue;
    const doc = new JSDOM(readFileSync(join(dir, f), 'utf8')).window.document;
    const texts: string[] = [];
    const walker = doc.createTreeWalker(doc.body, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (el.closest('script,style')) continue;
      const l = el.closest('[lang]');
      if (l && l !== doc.documentElement) continue;
      const s = n.textContent!.replace(/\s+/g, ' ').trim();
      if (s) texts.push(s);
    }
    pages[f] = texts;
  }
  out[lang] = pages;
}
writeFileSync('/tmp/lang-x/texts.json', JSON.stringify(out));
