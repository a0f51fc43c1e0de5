import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { CLI_WORDS } from '../renderer/cli-words.ts';
import { fixtureThreads, siteWorkspace } from './helpers.ts';

// The app asks before a build takes most of the site down: the core refuses with the figures the question needs, in
// words that name no command-line option, and builds when the app says allowShrink. The preview is no public site:
// it is never refused.

describe('a shrinking build through the app’s channels', () => {
  it('is refused with how many conversations the site has and would have, then built when allowed', async () => {
    const { threads } = fixtureThreads(10);
    const fx = await siteWorkspace(threads);
    const core = createCore({ workspaceDir: fx.dir });
    try {
      const out = join(fx.root, 'site');
      const all = threads.length;
      expect(await core.dispatch('site.build', { out, search: false })).toMatchObject({ ok: true, value: { threads: all } });
      const ids = threads.slice(0, all - 3).map((t) => `${t.source}:${t.id}`);
      expect(await core.dispatch('curation.decide', { target: { ids }, decision: 'withhold', reason: 'privacy-request', note: 'asked' })).toMatchObject({ ok: true });

      const refused = await core.dispatch('site.build', { out, search: false });
      expect(refused).toMatchObject({ ok: false, error: { code: 'SITE_WOULD_SHRINK', details: { published: all, wouldPublish: 3 } } });
      if (refused.ok) return;
      expect(refused.error.message).toBe(`This build would publish 3 of the ${all} conversations the site has now: more than half would disappear from it. Nothing was changed.`);
      expect(CLI_WORDS.test(refused.error.message)).toBe(false);

      expect(await core.dispatch('site.preview', { search: false })).toMatchObject({ ok: true, value: { threads: 3 } });
      expect(await core.dispatch('site.build', { out, search: false, allowShrink: true })).toMatchObject({ ok: true, value: { threads: 3 } });
    } finally {
      core.close();
      fx.cleanup();
    }
  }, 120_000);
});
