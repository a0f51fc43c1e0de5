import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { LOCALES_DIR } from '../../electron/core/site/i18n.ts';
import { siteWorkspace } from './helpers.ts';

// The app's "your wording" table lists the site's texts in the chosen language, as the shipped locale files have them;
// what the person types there is saved with the language, and wording the site cannot show is refused by name.

const locale = (lang: string) => JSON.parse(readFileSync(join(LOCALES_DIR, `${lang}.json`), 'utf8')) as Record<string, string>;

describe('site.texts', () => {
  it('lists every text in the language the site is set to, and saves the organisation’s wording with it', async () => {
    const fx = await siteWorkspace([]);
    const core = createCore({ workspaceDir: fx.dir });
    try {
      const de = await core.dispatch('site.texts', { language: 'de' });
      if (!de.ok) throw new Error(de.error.message);
      const texts = new Map((de.value as { texts: { key: string; text: string }[] }).texts.map((t) => [t.key, t.text]));
      expect(texts.get('header.sub')).toBe(locale('de')['header.sub']);
      expect(texts.size).toBe(Object.keys(locale('en')).length);
      expect(await core.dispatch('site.texts', { language: 'xx' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_LANGUAGE' } });

      const saved = await core.dispatch('site.settings.set', { language: 'de', strings: { 'header.sub': 'Unser offenes Buch' }, withheldPlaceholders: false, verification: 'Nur verifizierte Bestellungen.' });
      expect(saved).toMatchObject({ ok: true, value: { language: 'de', strings: { 'header.sub': 'Unser offenes Buch' }, withheldPlaceholders: false, verification: 'Nur verifizierte Bestellungen.' } });
      expect(await core.dispatch('site.settings.set', { strings: { 'header.sub': 'Bericht von {firma}' } })).toMatchObject({ ok: false, error: { location: { field: 'strings.header.sub' } } });
    } finally {
      core.close();
      fx.cleanup();
    }
  }, 60_000);
});
