import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../electron/core/claims/rules/index.ts';
import { createDemoWorkspace } from '../../electron/core/demo/create.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { readLocale, SITE_LANGUAGES } from '../../electron/core/site/i18n.ts';
import type { SiteLanguage } from '../../electron/core/site/i18n.ts';
import { changeSiteSettings } from '../../electron/core/site/settings.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { tempDir, tempWorkspace } from '../helpers/workspace.ts';

// The demo built in German and in French, in both themes: no sentence the site itself says may be left in English.
// What customers, staff and the company wrote stays as written (a conversation's messages are marked lang="en");
// everything else on a page is checked against the English locale's sentences, which include how claim progress is
// explained, what the green-claims check found and the values a claim revision changed.

type Ast = ReturnType<IntlMessageFormat['getAst']>;

// jsdom (a devDependency, as the app's tests use it) ships no types: its one constructor used here, typed.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: Window } };

/** The literal runs of an ICU message (the words between its placeholders), in every branch of its plurals and selects. */
function literals(ast: Ast, out: string[] = []): string[] {
  for (const el of ast) {
    if (el.type === 0) out.push(el.value);
    else out.push('\u0000');
    if ('options' in el) for (const o of Object.values(el.options as Record<string, { value: Ast }>)) literals(o.value, out);
    if ('children' in el) literals(el.children as Ast, out);
  }
  return out;
}

/** Words, not file or column names (sent_at, messages.csv), which every language writes the same. */
const words = (s: string) => s.replace(/\S*[_./]\S*/g, ' ').match(/\p{L}{2,}/gu)?.length ?? 0;

/** English phrases of three words or more that the site says; those a language writes the same way are left out. */
function englishPhrases(lang: SiteLanguage): string[] {
  const en = readLocale('en');
  const own = Object.values(readLocale(lang)).join('\n');
  const phrases = new Set<string>();
  for (const message of Object.values(en)) {
    const runs = literals(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: false }).getAst()).join('').split('\u0000');
    for (const run of runs) {
      const phrase = run.replace(/\s+/g, ' ').trim().replace(/^[\s,.:;·–—()]+|[\s,.:;·–—()]+$/g, '');
      if (words(phrase) >= 3 && !own.includes(phrase)) phrases.add(phrase);
    }
  }
  return [...phrases];
}

/** A page's words outside what people wrote in another language (an element with its own `lang`). */
function siteWords(html: string): string {
  const doc = new JSDOM(html).window.document;
  for (const el of doc.querySelectorAll('script, style, body [lang]')) el.remove();
  const attrs = [...doc.querySelectorAll('[aria-label], [title], [alt], [placeholder]')]
    .flatMap((el) => ['aria-label', 'title', 'alt', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
  return [doc.title, doc.body.textContent ?? '', ...attrs].join('\n').replace(/\s+/g, ' ');
}

const builds: { lang: SiteLanguage; theme: string; dir: string }[] = [
  { lang: 'de', theme: 'default', dir: '' }, { lang: 'fr', theme: 'default', dir: '' },
  { lang: 'de', theme: 'ledger', dir: '' }, { lang: 'fr', theme: 'ledger', dir: '' },
];
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  tmp = tempDir('candor-i18n-pages-');
  const ws = join(tmp.dir, 'ws');
  await createDemoWorkspace(ws);
  for (const b of builds) {
    const w = openWorkspace(ws);
    try {
      changeSiteSettings(w, { language: b.lang });
    } finally {
      w.close();
    }
    b.dir = join(tmp.dir, `site-${b.lang}-${b.theme}`);
    await (await buildSite({ workspace: ws, out: b.dir, theme: b.theme, search: false })).cleanup;
  }
}, 300_000);
afterAll(() => tmp?.cleanup());

/** Every page but the conversations, of which the first 30 (one template, hundreds of pages: a sample says as much). */
function pages(dir: string): string[] {
  const all = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
  const threads = all.filter((f) => f.startsWith('threads/'));
  return [...all.filter((f) => !f.startsWith('threads/')), ...threads.slice(0, 30)];
}

describe.each(builds)('the demo built in $lang with the $theme theme', (b) => {
  it('says nothing of its own in English on any page: claim progress, findings and revision values included', () => {
    const phrases = englishPhrases(b.lang);
    expect(phrases.length).toBeGreaterThan(300);
    const left: string[] = [];
    const files = pages(b.dir);
    expect(files).toContain('claims/fh-dyeing-water.html');
    for (const f of files) {
      const text = siteWords(readFileSync(join(b.dir, f), 'utf8'));
      for (const p of phrases) if (text.includes(p)) left.push(`${f}: ${p}`);
    }
    expect([...new Set(left)]).toEqual([]);
  });

  it("explains claim progress and the check's findings in its language, with its own number format", () => {
    const packaging = siteWords(readFileSync(join(b.dir, 'claims/fh-packaging-plastic.html'), 'utf8'));
    expect(packaging).toContain(readLocale(b.lang)['rule.GC-FUTURE-NO-VERIFIER']);
    expect(packaging).not.toContain('This is a claim about future performance');
    const text = siteWords(readFileSync(join(b.dir, 'claims/fh-dyeing-water.html'), 'utf8'));
    // 84 L/kg measured against a 2021 baseline of 120 and a 2027 target of 60: 60 % of the way, behind.
    const want = b.lang === 'de' ? /Der letzte Wert beträgt 84 L\/kg \(31\. Dezember 2025\): 60\s%/ : /La dernière valeur est de 84 L\/kg \(31 décembre 2025\)\s?: 60\s%/;
    expect(text).toMatch(want);
  });

  it('names customers, staff and automated messages in its language where the workspace kept the default labels', () => {
    const all = (readdirSync(join(b.dir, 'threads'), { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(b.dir, 'threads', f), 'utf8')).join('\n');
    const words = readLocale(b.lang);
    expect(all).toContain(words['naming.customerIn']!.replace(' {location}', ' ').replace('{location}', ''));
    // The demo names its staff by name; its customers by town ("Kunde in Leeds").
    expect(all).not.toMatch(/Customer in |Support team|>Customer</);
  });
});

describe('an empty site built in French', () => {
  it('says that nothing is published yet in French too, on every page', async () => {
    const fx = tempWorkspace();
    try {
      changeSiteSettings(fx.ws, { language: 'fr' });
      const out = join(fx.dir, '..', 'site-empty');
      await (await buildSite({ workspace: fx.dir, out, search: false })).cleanup;
      const phrases = englishPhrases('fr');
      const left = pages(out).flatMap((f) => {
        const text = siteWords(readFileSync(join(out, f), 'utf8'));
        return phrases.filter((p) => text.includes(p)).map((p) => `${f}: ${p}`);
      });
      expect(siteWords(readFileSync(join(out, 'index.html'), 'utf8'))).toContain(readLocale('fr')['home.nothingPublished']);
      expect(left).toEqual([]);
    } finally {
      fx.cleanup();
    }
  }, 60_000);
});

describe('the words for what the claims check finds and how progress is explained', () => {
  it('exist in every locale for every rule of the check', () => {
    for (const lang of SITE_LANGUAGES) {
      const messages = readLocale(lang);
      expect({ lang, missing: RULES.map((r) => `rule.${r.id}`).filter((k) => !(k in messages)) }).toEqual({ lang, missing: [] });
    }
  });
});
