import { Liquid } from 'liquidjs';
import { readFileSync } from 'node:fs';
import { openThreadReader, publishedThreadKeys } from '/work/main/electron/core/site/data.ts';
import { pageMeta, siteGlobals } from '/work/main/electron/core/site/pages.ts';
import { summarize, threadView } from '/work/main/electron/core/site/views.ts';
import { DatabaseSync } from 'node:sqlite';
import { themeFiles, templateRoots } from '/work/main/electron/core/site/liquid.ts';
const ws = '/tmp/dev/b10k';
const db = new DatabaseSync(ws + '/candor.sqlite', { readOnly: true });
const ids = publishedThreadKeys(db).slice(0, 500).map((k) => k.id);
const threads = openThreadReader(ws).read(ids);
const globals = siteGlobals({ name: 'Bench', url: null, baseUrl: null, theme: 'default', generator: 'Candor', hasClaims: true, hasSearch: true, keyFingerprint: null });
const views = threads.map((th) => threadView(th, summarize(th)));
const templates: Record<string, string> = {};
for (const [rel, file] of themeFiles(templateRoots('default', null))) if (rel.endsWith('.liquid')) templates[rel] = readFileSync(file, 'utf8');
templates['nolayout.liquid'] = templates['pages/thread.liquid']!.replace("{% layout 'layouts/base' %}", '').replace('{% block content %}', '').replace('{% endblock %}', '');
for (const [name, opts] of Object.entries({ strict: { strictVariables: true, strictFilters: true, ownPropertyOnly: true }, lax: { strictVariables: false, strictFilters: false, ownPropertyOnly: false }, strictOwnOff: { strictVariables: true, strictFilters: true, ownPropertyOnly: false } })) {
  const liquid = new Liquid({ templates, extname: '.liquid', cache: true, outputEscape: 'escape', ...opts });
  liquid.registerFilter('trusted', { handler: (v: unknown) => String(v), raw: true });
  const tpl = liquid.parseFileSync('nolayout');
  for (let r = 0; r < 3; r++) for (const v of views) liquid.renderSync(tpl, { site: globals, page: pageMeta(globals, v.url, 'conversations', v.subject, 'd'), thread: v });
  const c0 = process.cpuUsage();
  for (let r = 0; r < 6; r++) for (const v of views) liquid.renderSync(tpl, { site: globals, page: pageMeta(globals, v.url, 'conversations', v.subject, 'd'), thread: v });
  console.log(name, 'cpu ms/page', (process.cpuUsage(c0).user / 1000 / 3000).toFixed(3));
}
