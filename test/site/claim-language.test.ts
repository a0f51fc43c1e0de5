import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimInput } from '../../electron/shared/claims/model.ts';
import { saveClaim, transitionClaim } from '../../electron/core/claims/store.ts';
import type { CoreContext } from '../../electron/core/handlers/context.ts';
import { claimHandlers } from '../../electron/core/handlers/claims.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { changeSiteSettings } from '../../electron/core/site/settings.ts';
import { tempWorkspace } from '../helpers/workspace.ts';

// jsdom ships no types; the few calls used are typed here (as test/site/i18n-pages.test.ts does).
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: Window } };

// A claim's words are the company's, shown as written: on a German site, an English claim is marked English, and a
// German one too short for its language to be told ("100% recycelt", "Biologisch abbaubar") is read as the
// workspace's language, German, not English: by screen readers on the site, and by the app's check, whose term lists
// are per language. A language set on the claim wins.

const evidence = [{ type: 'certificate', title: 'Prüfbericht 2025', issuer: 'TÜV', independent_third_party: true, valid_until: '2027-09-30', covers: ['product'] }];
const CLAIMS = [
  { id: 'recycelt', title: '100% recycelt', statement: '100% recycelt', category: 'recycled_content', scope: 'product', language: null },
  { id: 'cotton', title: 'Organic cotton tees', statement: 'Our tees are made from organic cotton grown without synthetic pesticides.', category: 'other', scope: 'product', language: null },
  { id: 'set-fr', title: 'Emballage recyclé', statement: 'Emballage recyclé', category: 'recycled_content', scope: 'part', scope_detail: 'box', language: 'fr' },
];

let fx: ReturnType<typeof tempWorkspace>;
const out = (theme: string) => join(fx.dir, '..', `site-${theme}`);

beforeAll(async () => {
  fx = tempWorkspace();
  changeSiteSettings(fx.ws, { language: 'de' });
  for (const c of CLAIMS) {
    saveClaim(fx.ws, ClaimInput.parse({ markets: ['EU'], evidence, ...c }), { now: '2025-01-10T09:00:00.000Z' });
    transitionClaim(fx.ws, c.id, 'published', { asOf: '2025-02-01', now: '2025-02-01T09:00:00.000Z', override: 'Geprüft von der Rechtsabteilung.' });
  }
  for (const theme of ['default', 'ledger']) await (await buildSite({ workspace: fx.dir, out: out(theme), theme, search: false })).cleanup;
}, 120_000);
afterAll(() => fx?.cleanup());

/** The language a screen reader uses for the element that holds exactly `text`: the nearest `lang` above it. */
function langOf(html: string, selector: string, text: string): string | null {
  const doc = new JSDOM(html).window.document;
  const el = [...doc.querySelectorAll(selector)].find((e) => e.textContent?.replace(/[“”]/g, '').trim() === text);
  if (!el) throw new Error(`no ${selector} reading "${text}"`);
  return el.closest('[lang]')?.getAttribute('lang') ?? null;
}

describe.each(['default', 'ledger'])('claims on a German site in the %s theme', (theme) => {
  it('marks each claim page\'s title and statement in the claim\'s language, a short one in the site\'s', () => {
    for (const [id, lang] of [['recycelt', 'de'], ['cotton', 'en'], ['set-fr', 'fr']] as const) {
      const html = readFileSync(join(out(theme), `claims/${id}.html`), 'utf8');
      const c = CLAIMS.find((x) => x.id === id)!;
      expect({ id, title: langOf(html, 'h1', c.title), statement: langOf(html, 'blockquote p', c.statement) }).toEqual({ id, title: lang, statement: lang });
    }
  });

  it('marks each claim on the claims list the same way', () => {
    const html = readFileSync(join(out(theme), 'claims/index.html'), 'utf8');
    expect(CLAIMS.map((c) => langOf(html, 'a', c.title))).toEqual(['de', 'en', 'fr']);
  });
});

describe('the app\'s check of a claim in a German workspace', () => {
  it('reads a statement too short to tell as German: "Biologisch abbaubar" is a degradability claim', async () => {
    const ctx = { workspace: () => fx.ws } as unknown as CoreContext;
    const lint = claimHandlers['claims.lint'] as (r: unknown, c: CoreContext) => Promise<{ findings: { rule: string }[] }> | { findings: { rule: string }[] };
    const claim = ClaimInput.parse({ id: 'abbaubar', title: 'Biologisch abbaubar', statement: 'Biologisch abbaubar', markets: ['EU'], category: 'other', scope: 'product', evidence });
    const { findings } = await lint({ claim, asOf: '2026-06-30' }, ctx);
    expect(findings.map((f) => f.rule)).toContain('GC-DEGRADABLE');
  });
});
