import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { afterAll, describe, expect, it } from 'vitest';
import { CandorError } from '../../electron/core/errors.ts';
import { checkOverrides, LOCALES_DIR, messageNames, readLocale, SITE_LANGUAGES, SiteText, siteMessages } from '../../electron/core/site/i18n.ts';
import { conversationLanguages, detectLanguage, MIN_LETTERS } from '../../electron/core/site/language-detect.ts';
import { THEMES_DIR } from '../../electron/core/site/themes.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { changeSiteSettings, readSiteSettings } from '../../electron/core/site/settings.ts';
import type { SiteSettingsPatch } from '../../electron/shared/model/site-settings.ts';
import { tempWorkspace } from '../helpers/workspace.ts';

// The site's words: every text of both themes comes from a locale file, every locale has every text with the same
// placeholders, numbers, dates and plurals follow the language, and a workspace's own wording is checked.

const en = readLocale('en');
const names = (message: string, lang: string) => messageNames(new IntlMessageFormat(message, lang).getAst());

function liquidFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.liquid'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** File names a page links to by name: data, not words. */
const FILE_NAME = /\b[\w-]+\.(?:json|csv|xml|sig|pem|html|svg)\b/g;

/** The user-visible English a template has outside `{{ }}` and `{% %}`: text between tags and text attributes. */
export function visibleText(template: string): string[] {
  const code = template.replace(/\{\{[\s\S]*?\}\}/g, ' ').replace(/\{%[\s\S]*?%\}/g, ' ').replace(/<!--[\s\S]*?-->/g, ' ').replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ');
  const found: string[] = [];
  for (const m of code.matchAll(/\s(?:aria-label|title|alt|placeholder|aria-description)="([^"]*)"/g)) {
    if (/\p{L}/u.test(m[1]!.replace(FILE_NAME, ''))) found.push(m[1]!);
  }
  const text = code.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' ').replace(FILE_NAME, ' ');
  for (const m of text.matchAll(/\p{L}[\p{L}\p{N}'’ .,:;!?()-]*/gu)) found.push(m[0].trim());
  return found;
}

describe('the locale files', () => {
  it('ship the six languages, each with exactly the English texts', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(SITE_LANGUAGES.map((l) => `${l}.json`).sort());
    for (const lang of SITE_LANGUAGES) {
      const keys = Object.keys(readLocale(lang));
      expect({ lang, missing: Object.keys(en).filter((k) => !keys.includes(k)), extra: keys.filter((k) => !(k in en)) }).toEqual({ lang, missing: [], extra: [] });
    }
  });

  it('give every text the same placeholders and links as the English, as valid ICU messages', () => {
    const problems: string[] = [];
    for (const lang of SITE_LANGUAGES) {
      for (const [key, message] of Object.entries(readLocale(lang))) {
        try {
          const want = [...names(en[key]!, 'en')].sort();
          const got = [...names(message, lang)].sort();
          if (JSON.stringify(want) !== JSON.stringify(got)) problems.push(`${lang} ${key}: ${got.join(',')} instead of ${want.join(',')}`);
        } catch (err) {
          problems.push(`${lang} ${key}: ${(err as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('are not English copied over: most texts of every other language differ from the English', () => {
    for (const lang of SITE_LANGUAGES.filter((l) => l !== 'en')) {
      const messages = readLocale(lang);
      const same = Object.keys(en).filter((k) => messages[k] === en[k] && /\p{L}{4,}/u.test(en[k]!));
      // Words that are the same in both (Status, Feed, Spam, Audit...) are allowed; whole sentences are not.
      const words = (m: string) => m.replace(/\{[^}]*\}/g, ' ').match(/\p{L}{2,}/gu)?.length ?? 0;
      expect(same.filter((k) => words(en[k]!) > 2), lang).toEqual([]);
    }
  });
});

describe('the templates', () => {
  const files = liquidFiles(THEMES_DIR);

  it('have no user-visible text outside the locale files, in either theme', () => {
    expect(files.length).toBeGreaterThan(30);
    const found = files.flatMap((f) => visibleText(readFileSync(f, 'utf8')).map((t) => `${relative(THEMES_DIR, f)}: ${t}`));
    expect(found).toEqual([]);
  });

  it('ask only for texts the locale files have', () => {
    const asked = new Set<string>();
    for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/\{\{\s*'([\w.-]+)'\s*\|\s*t\b/g)) asked.add(m[1]!);
    expect(asked.size).toBeGreaterThan(150);
    expect([...asked].filter((k) => !(k in en))).toEqual([]);
  });

  it.each([
    ['a heading', '<h1>Page not found</h1>', ['Page not found']],
    ['an attribute', '<nav aria-label="Main">{{ x }}</nav>', ['Main']],
    ['text beside a lookup', "<p>{{ 'a.b' | t }} and more</p>", ['and more']],
    ['a lookup, a file name and markup only', "<p>{{ 'a.b' | t }} <a href=\"x\">threads.json</a></p>{% if a %}—{% endif %}", []],
  ])('the check finds English in %s', (_name, template, expected) => {
    expect(visibleText(template)).toEqual(expected);
  });
});

describe('words, numbers and dates in the site language', () => {
  const text = (lang: (typeof SITE_LANGUAGES)[number]) => new SiteText(lang, siteMessages(lang));

  it.each([
    ['en', 0, '0 conversations were not published'],
    ['en', 1, '1 conversation was not published'],
    ['fr', 0, '0 conversation n’a pas été publiée'],
    ['fr', 2, '2 conversations n’ont pas été publiées'],
    ['de', 1, '1 Gespräch wurde nicht veröffentlicht'],
    ['nl', 3, '3 gesprekken zijn niet gepubliceerd'],
  ] as const)('%s: plural rules for %i (Intl.PluralRules)', (lang, n, start) => {
    expect(text(lang).text('home.heldBackText', { withheld: n, pending: 1 }).startsWith(start)).toBe(true);
  });

  it.each([
    ['en', '3 March 2026', '3 March 2026, 14:05 UTC', '12,345', '81%'],
    ['de', '3. März 2026', '3. März 2026, 14:05 UTC', '12.345', '81\u00a0%'],
    ['fr', '3 mars 2026', '3 mars 2026, 14:05 UTC', '12\u202f345', '81\u00a0%'],
    ['nl', '3 maart 2026', '3 maart 2026, 14:05 UTC', '12.345', '81%'],
    ['es', '3 de marzo de 2026', '3 de marzo de 2026, 14:05 UTC', '12.345', '81\u00a0%'],
    ['it', '3 marzo 2026', '3 marzo 2026, 14:05 UTC', '12.345', '81%'],
  ] as const)('%s: dates, times in UTC, numbers and shares (Intl)', (lang, date, dateTime, count, percent) => {
    const t = text(lang);
    expect(t.date('2026-03-03T23:30:00+00:00')).toBe(date);
    expect(t.dateTime('2026-03-03T14:05:59Z')).toBe(dateTime);
    expect(t.count(12345)).toBe(count);
    expect(t.percent(0.8123)).toBe(percent);
  });

  it('words every date and time of a build by its own UTC day and minute, however many came before it', () => {
    const t = text('de');
    // The same day and minute reached from other offsets and seconds, and their neighbours, in a build's worth of dates.
    for (let i = 0; i < 3000; i++) t.dateTime(new Date(Date.UTC(2024, 0, 1) + i * 7_919_000).toISOString());
    expect(t.dateTime('2026-03-03T14:05:59Z')).toBe('3. März 2026, 14:05 UTC');
    expect(t.dateTime('2026-03-03T19:35:00+05:30')).toBe('3. März 2026, 14:05 UTC');
    expect(t.dateTime('2026-03-03T14:06:00Z')).toBe('3. März 2026, 14:06 UTC');
    expect(t.dateTime('2026-03-04T00:00:00+01:00')).toBe('3. März 2026, 23:00 UTC');
    expect(t.date('2026-03-04T00:00:00+01:00')).toBe('3. März 2026');
    expect(t.date('1969-12-31T23:59:59Z')).toBe('31. Dezember 1969');
    expect(t.dateTime('not a date')).toBe('');
  });

  it('counts millions as French, Spanish and Italian do ("1 000 000 de conversations": the plural category many)', () => {
    const added = (lang: 'fr' | 'es' | 'it', n: number) => new SiteText(lang, siteMessages(lang)).text('changes.threadsAdded', { n });
    expect(added('fr', 1_000_000)).toMatch(/^1\s000\s000 de conversations ajoutées$/u);
    expect(added('fr', 1_234_567)).toMatch(/^1\s234\s567 conversations ajoutées$/u);
    expect(added('es', 2_000_000)).toBe('2.000.000 de conversaciones añadidas');
    expect(added('it', 3_000_000)).toBe('3.000.000 di conversazioni aggiunte');
    expect(new SiteText('fr', siteMessages('fr')).text('data.claimsJson', { count: 1_000_000 })).toMatch(/ d’allégations environnementales/);
    // Every plural of these languages that counts a noun has the form (a verb after the number does not take "de").
    for (const lang of ['fr', 'es', 'it'] as const) {
      const missing = Object.entries(readLocale(lang)).filter(([, m]) => / other \{# \p{L}/u.test(m) && !m.includes(' many {')).map(([k]) => k);
      expect({ lang, missing }).toEqual({ lang, missing: [] });
    }
  });

  it('keeps English durations as Candor wrote them, and words them in the other languages', () => {
    expect(text('en').duration(7500)).toBe('2 h 5 min');
    expect(text('de').duration(7500)).toBe('2 Std., 5 Min.');
    expect(text('en').duration(null)).toBe('—');
  });

  it('escapes every value and makes dates <time> and tags links relative to the page', () => {
    const t = text('en');
    expect(t.html('thread.record', { id: '<script>x</script>' }).html).toBe('Record &lt;script&gt;x&lt;/script&gt;');
    expect(t.html('home.updated', { date: '2026-03-03T10:00:00Z' }).html).toBe('Last updated <time datetime="2026-03-03T10:00:00Z">3 March 2026</time>.');
    expect(t.html('home.howComputed', { root: '../', link: 'methodology.html' }).html).toBe('<a href="../methodology.html">Methodology: how every number is computed</a>.');
    expect(t.html('methodology.verify').html).toContain('<code>candor verify &lt;folder&gt;</code>');
  });
});

describe("a workspace's own wording", () => {
  const refused = (raw: unknown, lang: (typeof SITE_LANGUAGES)[number] = 'en') => {
    try {
      checkOverrides(raw, lang);
    } catch (err) {
      return err instanceof CandorError ? `${err.code}: ${err.message}` : String(err);
    }
    return null;
  };

  it('replaces a text in the built words', () => {
    const messages = siteMessages('de', checkOverrides({ 'header.sub': 'Unser offenes Kundenbuch' }, 'de'));
    expect(new SiteText('de', messages).text('header.sub')).toBe('Unser offenes Kundenbuch');
    expect(new SiteText('de', messages).text('nav.home')).toBe('Übersicht');
  });

  it.each([
    ['an unknown key, naming the nearest one', { 'home.titel': 'x' }, /UNKNOWN_SITE_TEXT: There is no site text "home\.titel"\. Did you mean "home\.title"\?/],
    ['a placeholder the text does not have', { 'home.updated': 'Stand: {datum}' }, /uses \{datum\}, which this text does not have\. It may use: \{date\}/],
    ['a broken message', { 'home.updated': 'Stand: {date' }, /is not a valid message/],
    ['a value that is not text', { 'home.updated': 3 }, /INVALID_SETTING/],
  ])('refuses %s with a clear error', (_name, raw, message) => {
    expect(refused(raw)).toMatch(message);
  });

  it('accepts a text that drops a placeholder or uses only some', () => {
    expect(refused({ 'home.updated': 'Recently updated.' })).toBeNull();
  });
});

describe("a workspace's own wording in each language", () => {
  const fixtures: { cleanup: () => void }[] = [];
  afterAll(() => fixtures.forEach((f) => f.cleanup()));
  const workspace = () => {
    const fx = tempWorkspace();
    fixtures.push(fx);
    return fx;
  };

  it('keeps each language its own wording, and a set without a language is the site language’s', () => {
    const { ws } = workspace();
    changeSiteSettings(ws, { language: 'de', strings: { 'header.sub': 'Unser offenes Kundenbuch' } });
    const s = changeSiteSettings(ws, { strings: { fr: { 'header.sub': 'Notre registre ouvert' } } });
    expect(s.strings).toEqual({ 'header.sub': 'Unser offenes Kundenbuch' });
    expect(s.stringsByLanguage).toEqual({ de: { 'header.sub': 'Unser offenes Kundenbuch' }, fr: { 'header.sub': 'Notre registre ouvert' } });
    // Switching the site to French shows the French wording; the German stays for a German build.
    const fr = changeSiteSettings(ws, { language: 'fr' });
    expect(fr.strings).toEqual({ 'header.sub': 'Notre registre ouvert' });
    expect(changeSiteSettings(ws, { strings: { de: {} } }).stringsByLanguage).toEqual({ fr: { 'header.sub': 'Notre registre ouvert' } });
    expect(changeSiteSettings(ws, { strings: null }).stringsByLanguage).toEqual({});
  });

  it('reads wording saved by an older Candor (no language) as the site language’s, and keeps it there when the language changes', () => {
    const { ws } = workspace();
    changeSiteSettings(ws, { language: 'nl' });
    ws.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('site.strings', JSON.stringify({ 'header.sub': 'Ons open klantenboek' }));
    expect(readSiteSettings(ws).stringsByLanguage).toEqual({ nl: { 'header.sub': 'Ons open klantenboek' } });
    expect(changeSiteSettings(ws, { language: 'es' }).stringsByLanguage).toEqual({ nl: { 'header.sub': 'Ons open klantenboek' } });
    expect(readSiteSettings(ws).strings).toEqual({});
  });

  it('checks each language’s set against that language, naming the language, and refuses a mix of both shapes', () => {
    const { ws } = workspace();
    const error = (patch: SiteSettingsPatch) => {
      try {
        changeSiteSettings(ws, patch);
      } catch (err) {
        return err instanceof CandorError ? `${err.code} ${err.location?.field}: ${err.message}` : String(err);
      }
      return null;
    };
    expect(error({ strings: { it: { 'home.titel': 'x' } } })).toMatch(/^UNKNOWN_SITE_TEXT strings\.it\.home\.titel: .*"home\.title"/);
    expect(error({ strings: { de: { 'header.sub': 'x' }, 'header.sub': 'y' } })).toMatch(/^INVALID_SETTING strings: .*"header\.sub" is not a language/);
    expect(readSiteSettings(ws).stringsByLanguage).toEqual({});
  });

  it('builds a site in another language (--lang) with that language’s wording', async () => {
    const fx = workspace();
    changeSiteSettings(fx.ws, { strings: { en: { 'header.sub': 'Our open book' }, it: { 'header.sub': 'Il nostro registro aperto' } } });
    const out = join(fx.dir, '..', 'site-it');
    await (await buildSite({ workspace: fx.dir, out, lang: 'it', search: false })).cleanup;
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain('Il nostro registro aperto');
    expect(home).not.toContain('Our open book');
  }, 60_000);
});

describe('the language of what customers and staff wrote', () => {
  // Real words examined by regulators and courts (test/fixtures/claims/real-cases.json, sources in its SOURCES.md):
  // sentences in English, German, Dutch, French, Spanish and Swedish, and many short slogans.
  const cases = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/claims/real-cases.json'), 'utf8')) as { id: string; language: string; statement: string }[];

  it('never names a wrong language, and says "not known" rather than guess on a slogan', () => {
    const results = cases.map((c) => ({ id: c.id, want: c.language, got: detectLanguage(c.statement), letters: c.statement.match(/\p{L}/gu)?.length ?? 0 }));
    expect(results.filter((r) => r.got !== null && r.got !== r.want)).toEqual([]);
    expect(results.filter((r) => r.letters < MIN_LETTERS).every((r) => r.got === null)).toBe(true);
    // The long ones in other languages than English are told apart.
    expect(results.filter((r) => r.got !== null && r.want !== 'en').map((r) => r.want).sort()).toEqual(['es', 'es', 'fr', 'nl']);
    expect(results.filter((r) => r.got === 'en').length).toBeGreaterThan(10);
  });

  it('gives each message its own language when it is clear, else the conversation’s', () => {
    // Three real Dutch statements as a conversation: the long one is told on its own, the short reply is not and
    // takes the conversation's language.
    const [long, ...short] = cases.filter((c) => c.language === 'nl').map((c) => c.statement);
    expect(detectLanguage(short[0]!)).toBeNull();
    expect(conversationLanguages([long!, 'Bedankt!', short.join(' ')])).toEqual({ thread: 'nl', messages: ['nl', 'nl', 'nl'] });
    expect(conversationLanguages(['Bedankt!'])).toEqual({ thread: null, messages: [null] });
    expect(detectLanguage('[email removed] https://example.com/a-long-english-looking-path-with-words-in-it')).toBeNull();
  });
});
