import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SITE_LANGUAGES, SiteText, siteMessages } from '../../electron/core/site/i18n.ts';
import { createEngine } from '../../electron/core/site/liquid/engine.ts';

// The `count` filter (a list page's tab counts) remembers each number's wording. A number worded from memory must
// read as the site's number format words it alone, in every language, including the ones Intl words unusually.

const root = mkdtempSync(join(tmpdir(), 'count-filter-'));
mkdirSync(join(root, 'pages'));
writeFileSync(join(root, 'pages/counts.liquid'), '{% for n in list %}[{{ n | count }}]{% endfor %}');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const numbers = [0, -0, 1, 7, 999, 1000, 1001, 12_345, 1_234_567, 2 ** 53, -1, -12_345, 0.5, 1.005, 3.14159, 1e21, NaN, Infinity, -Infinity];

describe('the count filter', () => {
  it('words each number, first time and from memory, as the site words it alone', () => {
    for (const lang of SITE_LANGUAGES) {
      const tx = new SiteText(lang, siteMessages(lang));
      const engine = createEngine([root], tx);
      const list = [...numbers, ...numbers, 'not a number', null];
      const expected = list.map((n) => `[${tx.count(typeof n === 'number' ? n : 0)}]`).join('');
      expect(engine.render('pages/counts', { list }), lang).toBe(expected);
      expect(engine.render('pages/counts', { list }), lang).toBe(expected);
    }
    // Not vacuous: -0 and 0 are worded apart, and the numbers read differently by language.
    const en = new SiteText('en', siteMessages('en'));
    expect(en.count(-0)).not.toBe(en.count(0));
    expect(new SiteText('de', siteMessages('de')).count(12_345)).not.toBe(en.count(12_345));
  });
});
