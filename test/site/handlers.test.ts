import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { fixtureThreads, png, siteWorkspace } from './helpers.ts';

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

  it('an export asked for while the Site screen\'s preview builds waits for it instead of failing as busy', async () => {
    const fx = await siteWorkspace(fixtureThreads(4).threads);
    const core = createCore({ workspaceDir: fx.dir });
    try {
      const out = join(fx.root, 'site');
      // Both asked at once, as the app does when Export is clicked while the preview is still being built.
      const [preview, built] = await Promise.all([core.dispatch('site.preview', { search: false }), core.dispatch('site.build', { out, search: false })]);
      expect(preview).toMatchObject({ ok: true });
      expect(built).toMatchObject({ ok: true, value: { out, threads: 6 } });
    } finally {
      core.close();
      fx.cleanup();
    }
  });

  it('saves the look and the logo per workspace; preview and build use them', async () => {
    const fx = await siteWorkspace(fixtureThreads(2).threads);
    const core = createCore({ workspaceDir: fx.dir });
    try {
      const saved = await core.dispatch('site.settings.set', { organisation: 'Acme Renamed', theme: 'ledger', baseUrl: 'https://t.acme.example', colors: { accent: '#0b4f8a' } });
      expect(saved).toMatchObject({ ok: true, value: { organisation: 'Acme Renamed', theme: 'ledger', baseUrl: 'https://t.acme.example/', colors: { accent: '#0b4f8a', header: null }, logo: null } });
      expect(await core.dispatch('workspace.current', {})).toMatchObject({ ok: true, value: { name: 'Acme Renamed' } });
      const low = await core.dispatch('site.settings.set', { colors: { accent: '#99ccff' } });
      expect(low).toMatchObject({ ok: false, error: { code: 'LOW_CONTRAST', location: { field: 'colors.accent' } } });

      const file = join(fx.root, 'logo.png');
      writeFileSync(file, png());
      const withLogo = await core.dispatch('site.logo.set', { path: file });
      expect(withLogo).toMatchObject({ ok: true, value: { logo: { type: 'image/png', dataUrl: `data:image/png;base64,${png().toString('base64')}` } } });
      const svg = join(fx.root, 'x.svg');
      writeFileSync(svg, '<svg/>');
      expect(await core.dispatch('site.logo.set', { path: svg })).toMatchObject({ ok: false, error: { code: 'LOGO_SVG_REFUSED' } });

      const preview = await core.dispatch('site.preview', { search: false });
      expect(preview).toMatchObject({ ok: true, value: { out: join(fx.dir, '.site-preview', 'ledger') } });
      const built = await core.dispatch('site.build', { out: join(fx.root, 'site'), search: false });
      expect(built).toMatchObject({ ok: true, value: { warnings: [] } });
      expect(await core.dispatch('site.logo.clear', {})).toMatchObject({ ok: true, value: { logo: null } });
    } finally {
      core.close();
      fx.cleanup();
    }
  });
});
