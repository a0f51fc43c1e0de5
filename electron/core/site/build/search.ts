import { textOf } from '../i18n.ts';
import { claimPath } from '../pages.ts';
import { inputHash } from '../render/context.ts';
import { bundleDir } from '../search/shards.ts';
import type { BuildContext, Phase } from './context.ts';

// The search phase: the shards whose threads changed were indexed while the threads were written; here the claims
// get their own bundle when they changed, every bundle is finished, and the bundles not rebuilt are kept as they are
// in the previous site.

function indexClaims(ctx: BuildContext): Promise<void> | void {
  const { data, previous, settings } = ctx;
  const search = ctx.resources.search!;
  if (!data.claims.length) return;
  ctx.bundles.claims = inputHash(settings.fingerprint, 'search-claims', data.claims);
  if (previous?.state.bundles.claims === ctx.bundles.claims && previous.files.has(`${bundleDir('claims')}pagefind-entry.json`)) return;
  return (async () => {
    for (const c of data.claims) {
      const content = [c.title, c.statement, c.scopeDetail ?? '', ...c.evidence.map((e) => `${e.title} ${e.issuer ?? ''}`)].join('\n');
      await search.add('claims', { url: `/${claimPath(c.id)}`, content, language: settings.globals.lang, meta: { title: c.title, kind: textOf(settings.globals).text('search.claim'), status: c.status, date: c.publishedAt?.slice(0, 10) ?? '' } });
    }
    search.write('claims');
  })();
}

export const search: Phase = {
  name: 'search',
  timing: 'search',
  async run(ctx) {
    const search = ctx.resources.search;
    if (!search) return;
    const { plan, settings, previous } = ctx;
    ctx.progress({ phase: 'search', done: 0, total: plan.shards });
    const byShard = new Map<number, string[]>();
    ctx.threads.forEach((s, i) => {
      let m = byShard.get(plan.threads[i]!.shard);
      if (!m) byShard.set(plan.threads[i]!.shard, (m = []));
      m.push(`${s.id}:${s.pageHash}`);
    });
    for (const [shard, list] of byShard) ctx.bundles[String(shard)] = inputHash(settings.fingerprint, 'search', list);
    await indexClaims(ctx);
    ctx.files.push(...await search.finish());
    // Bundles not rebuilt stay as they are in the previous site.
    for (const name of Object.keys(ctx.bundles)) {
      if (search.has(name) || !previous) continue;
      const prefix = bundleDir(name);
      for (const [path, info] of previous.files) if (path.startsWith(prefix)) ctx.files.push(info);
    }
  },
};
