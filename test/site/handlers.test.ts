import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { fixtureThreads, siteWorkspace } from './helpers.ts';

// The app reaches the site builder through the typed contract, as the window would.
describe('site channels', () => {
  it('lists themes, builds, verifies, signs and keeps the site texts', async () => {
    const fx = await siteWorkspace(fixtureThreads(4).threads);
    const core = createCore({ workspaceDir: fx.dir });
    try {
      const themes = await core.dispatch('site.themes', {});
      expect(themes).toMatchObject({ ok: true, value: { themes: [{ name: 'default' }, { name: 'ledger' }] } });
      const texts = await core.dispatch('site.settings.set', { intro: 'We **publish** everything.', url: 'https://acme.example/' });
      expect(texts).toMatchObject({ ok: true, value: { intro: 'We **publish** everything.', policy: null, url: 'https://acme.example/' } });
      expect(await core.dispatch('site.settings.set', { url: 'javascript:alert(1)' })).toMatchObject({ ok: false });
      expect(await core.dispatch('site.keys.status', {})).toMatchObject({ ok: true, value: { fingerprint: null } });
      expect(await core.dispatch('site.keys.init', {})).toMatchObject({ ok: true });
      const out = join(fx.root, 'site');
      const built = await core.dispatch('site.build', { out, theme: 'ledger', search: false });
      expect(built).toMatchObject({ ok: true, value: { out, threads: 6, signed: true, search: false } });
      expect(await core.dispatch('site.verify', { dir: out })).toMatchObject({ ok: true, value: { ok: true, signed: true } });
      const preview = await core.dispatch('site.preview', { search: false });
      expect(preview).toMatchObject({ ok: true, value: { out: join(fx.dir, '.site-preview', 'default') } });
      expect(await core.dispatch('site.build', { out: join(fx.root, 'x'), theme: 'Nope!' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    } finally {
      core.close();
      fx.cleanup();
    }
  });
});
