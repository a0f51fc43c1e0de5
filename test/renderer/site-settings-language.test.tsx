// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteView } from '../../renderer/src/views/site/SiteView.tsx';
import type { Req, Res } from '../../electron/shared/contract.ts';
import { fakeTransport, Providers } from './helpers.tsx';

// `getBy…` and `findBy…` queries fail the test when the element is not there (`findBy…` after waiting for it);
// `expect(…).toBeTruthy()` around them only marks the line as one of the things checked.

// The site settings the core keeps and the app now shows: withheld-conversation lines on or off, how reviews are
// checked, the site's language (named in itself), and the organisation's own wording for the site's texts in it.

afterEach(cleanup);

const TEXTS: Record<string, { key: string; text: string }[]> = {
  en: [{ key: 'header.sub', text: 'Transparency report' }, { key: 'nav.home', text: 'Overview' }, { key: 'nav.topics', text: 'Topics' }],
  de: [
    { key: 'header.sub', text: 'Transparenzbericht' }, { key: 'nav.home', text: 'Überblick' }, { key: 'nav.topics', text: 'Themen' },
    // Plural forms and markup are message-format code, not wording: not offered in the table.
    { key: 'home.withheld', text: '{withheld, plural, one {# Bericht} other {# Berichte}} zurückgehalten' },
    { key: 'home.more', text: '<link>Den Moderationsbericht lesen</link>' },
  ],
};

function settings(patch: Partial<Res<'site.settings.get'>> = {}): Res<'site.settings.get'> {
  return {
    organisation: 'Acme Ltd', intro: null, policy: null, url: null, theme: 'default', baseUrl: null, colors: { accent: null, header: null, headerText: null }, logo: null,
    language: 'en', strings: {}, verification: null, withheldPlaceholders: true, ...patch,
  };
}

function fakes(initial: Res<'site.settings.get'>) {
  let stored = initial;
  const set = vi.fn((req: Req<'site.settings.set'>) => {
    // As the core does: each language named replaces its own set.
    const byLanguage = { ...(stored.stringsByLanguage ?? {}) };
    for (const [code, set] of Object.entries(req.strings ?? {})) {
      if (typeof set === 'object' && set && Object.keys(set).length) byLanguage[code] = set;
      else delete byLanguage[code];
    }
    const language = req.language ?? 'en';
    stored = { ...stored, language, strings: byLanguage[language] ?? {}, stringsByLanguage: byLanguage, verification: req.verification ?? null, withheldPlaceholders: req.withheldPlaceholders };
    return stored;
  });
  const fake = fakeTransport({
    'site.themes': () => ({ themes: [{ name: 'default', label: 'Default', description: 'Calm' }] }),
    'site.settings.get': () => stored,
    'site.settings.set': set,
    'site.preview': () => ({ out: '/p', pages: 1, threads: 0, withheld: 0, claims: 0, bytes: 1, ms: 1, incremental: false, rendered: 1, reused: 0, signed: false, search: false, warnings: [] }),
    'site.texts': ({ language }) => ({ language, texts: TEXTS[language] ?? [] }),
  });
  return { fake, set };
}

describe('site settings: placeholders, verification, language and wording', () => {
  it('turns the withheld lines off and says how reviews are checked', async () => {
    const { fake, set } = fakes(settings());
    render(<Providers fake={fake}><SiteView tab="settings" /></Providers>);
    const lines = await screen.findByRole('checkbox', { name: /Show a line for each withheld conversation/ }) as HTMLInputElement;
    expect(lines.checked).toBe(true);
    await userEvent.click(lines);
    await userEvent.type(screen.getByLabelText('How you check that reviews are genuine (optional)'), 'We only import reviews from verified orders.');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(set).toHaveBeenCalled());
    expect(set.mock.calls[0]![0]).toMatchObject({ withheldPlaceholders: false, verification: 'We only import reviews from verified orders.', language: 'en', strings: { en: {} } });
  });

  it('offers the languages by their own names, and rewords a text in the chosen language', async () => {
    const { fake, set } = fakes(settings());
    render(<Providers fake={fake}><SiteView tab="settings" /></Providers>);
    const language = await screen.findByRole('combobox', { name: 'Language of the site' });
    expect(within(language).getAllByRole('option').map((o) => o.textContent)).toEqual(['English', 'Deutsch', 'Français', 'Nederlands', 'Español', 'Italiano']);
    await userEvent.selectOptions(language, 'de');
    expect(screen.getByText(/Replace any text the site shows with your own, in Deutsch/)).toBeTruthy();
    // The table shows the German texts matching what is typed, and nothing of the English ones.
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find a text on the site' }), 'bericht');
    const table = await screen.findByRole('table', { name: 'Text on the site and your wording' });
    expect(within(table).getByRole('cell', { name: 'Transparenzbericht' })).toBeTruthy();
    expect(within(table).queryByText('Transparency report')).toBeNull();
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    await userEvent.type(within(table).getByRole('textbox', { name: 'Your wording for “Transparenzbericht”' }), 'Unser offenes Buch');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(set).toHaveBeenCalled());
    expect(set.mock.calls[0]![0]).toMatchObject({ language: 'de', strings: { de: { 'header.sub': 'Unser offenes Buch' } } });
    expect(fake.callsTo('site.texts')).toContainEqual({ language: 'de' });
  });

  it('lists the saved wording without a search, and puts a text back to the site’s own', async () => {
    const { fake, set } = fakes(settings({ language: 'de', strings: { 'nav.home': 'Start' }, stringsByLanguage: { de: { 'nav.home': 'Start' } } }));
    render(<Providers fake={fake}><SiteView tab="settings" /></Providers>);
    const table = await screen.findByRole('table', { name: 'Text on the site and your wording' });
    expect((within(table).getByRole('textbox', { name: 'Your wording for “Überblick”' }) as HTMLInputElement).value).toBe('Start');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    await userEvent.click(within(table).getByRole('button', { name: 'Use the site’s wording for “Überblick”' }));
    expect(screen.getByText('The site uses its own wording everywhere.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(set).toHaveBeenCalled());
    expect(set.mock.calls[0]![0]).toMatchObject({ language: 'de', strings: { de: {} } });
  });

  it('keeps each language’s wording its own: choosing another language neither shows nor moves it', async () => {
    const { fake, set } = fakes(settings({ language: 'de', strings: { 'nav.home': 'Start' }, stringsByLanguage: { de: { 'nav.home': 'Start' } } }));
    render(<Providers fake={fake}><SiteView tab="settings" /></Providers>);
    await screen.findByRole('table', { name: 'Text on the site and your wording' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language of the site' }), 'fr');
    expect(screen.getByText('The site uses its own wording everywhere.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(set).toHaveBeenCalled());
    // The German wording is sent back unchanged under German, and French gets none.
    expect(set.mock.calls[0]![0]).toMatchObject({ language: 'fr', strings: { de: { 'nav.home': 'Start' }, fr: {} } });
  });
});
