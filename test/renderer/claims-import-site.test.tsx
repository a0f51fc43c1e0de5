// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimInput, emptyForm, fieldOf, findingsByField, formFromClaim, nextSteps, parseNumber, suggestId } from '../../renderer/src/views/claims/claim-form.ts';
import { ClaimEditor, NEW_CLAIM } from '../../renderer/src/views/claims/ClaimEditor.tsx';
import { guessBodyFormat, guessColumns, guessLayout, missingRequired, toMapping } from '../../renderer/src/views/import/csv-mapping.ts';
import { ImportView, parsePaths } from '../../renderer/src/views/import/ImportView.tsx';
import { SiteView } from '../../renderer/src/views/site/SiteView.tsx';
import type { Req, Res } from '../../electron/shared/contract.ts';
import { fakeTransport, Providers } from './helpers.tsx';

// `getBy…` and `findBy…` queries fail the test when the element is not there (`findBy…` after waiting for it);
// `expect(…).toBeTruthy()` around them only marks the line as one of the things checked.

afterEach(cleanup);

describe('claim form', () => {
  it('turns typed text into the core’s claim: numbers, empty fields as null, baseline only when given', () => {
    const f = { ...emptyForm(), id: 'bottle', statement: ' 50% recycled ', currentValue: '12,5', targetValue: '60', targetYear: '2030', uses_offsets: 'no' as const };
    const c = claimInput(f);
    expect(c).toMatchObject({ id: 'bottle', statement: '50% recycled', current_value: 12.5, target: { value: 60, year: 2030 }, baseline: null, uses_offsets: false, label: null });
    expect(parseNumber('')).toBeNull();
    expect(Number.isNaN(parseNumber('lots'))).toBe(true);
    expect(suggestId('Éco bottle — 2026!')).toBe('eco-bottle-2026');
  });

  it('round-trips a stored claim through the form', () => {
    const stored = { ...claimInput({ ...emptyForm(), id: 'x', title: 'X', statement: 'S', currentValue: '3', currentAsOf: '2026-01-01' }), evidence: [], markets: ['EU' as const] } as unknown as Parameters<typeof formFromClaim>[0];
    expect(claimInput(formFromClaim(stored))).toEqual(stored);
  });

  it('places each rule’s finding beside its field, and offers the workflow’s next steps', () => {
    expect(fieldOf('GC-NO-EVIDENCE')).toBe('evidence');
    expect(fieldOf('GC-COMPARE-BASIS')).toBe('comparison_basis');
    expect(fieldOf('GC-SOMETHING-NEW')).toBe('statement');
    const map = findingsByField([{ claim: 'x', rule: 'GC-GENERIC-TERM', severity: 'error', citation: 'c', message: 'm', fix: 'f' }]);
    expect(map.get('statement')).toHaveLength(1);
    expect(nextSteps('draft').map((s) => s.to)).toEqual(['in_review', 'retired']);
    expect(nextSteps('approved')[0]!.to).toBe('published');
    expect(nextSteps('retired')).toEqual([]);
  });
});

describe('claim editor', () => {
  it('lints the draft as it is typed, shows findings beside the statement, and creates the claim', async () => {
    const lint = vi.fn((req: { claim?: { statement: string } }) => ({
      asOf: '2026-11-24',
      disclaimer: 'not legal advice',
      findings: /eco-friendly/.test(req.claim?.statement ?? '') ? [{ claim: 'draft', rule: 'GC-GENERIC-TERM', severity: 'error' as const, citation: 'EU Annex I 4a', message: '"eco-friendly" is a generic claim', fix: 'Say what is better' }] : [],
    }));
    const fake = fakeTransport({
      'claims.lint': lint,
      'claims.save': (req) => ({ record: { claim: { ...req.claim, evidence: [] } as unknown as Res<'claims.save'>['record']['claim'], status: 'draft', revision: 0, createdAt: '', createdBy: 'me', updatedAt: '', updatedBy: 'me' }, created: true, updated: false }),
    });
    const navigate = vi.fn();
    render(<Providers fake={fake} app={{ navigate }}><ClaimEditor claimId={NEW_CLAIM} onSaved={() => undefined} /></Providers>);
    await userEvent.type(screen.getByLabelText('Title'), 'Green bottle');
    expect((screen.getByLabelText('Claim id') as HTMLInputElement).value).toBe('green-bottle');
    await userEvent.type(screen.getByLabelText('Statement'), 'Our bottle is eco-friendly.');
    const statementSection = screen.getByRole('group', { name: 'The claim' });
    await waitFor(() => expect(within(statementSection).getByText('"eco-friendly" is a generic claim')).toBeTruthy(), { timeout: 3000 });
    expect(within(statementSection).getByText('GC-GENERIC-TERM')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('not legal advice');
    await userEvent.click(screen.getByRole('button', { name: 'Create claim' }));
    await waitFor(() => expect(fake.callsTo('claims.save')).toHaveLength(1));
    expect(fake.callsTo('claims.save')[0]).toMatchObject({ claim: { id: 'green-bottle', statement: 'Our bottle is eco-friendly.', markets: ['EU', 'UK'] } });
    expect(navigate).toHaveBeenCalledWith({ view: 'claims', claimId: 'green-bottle' }, { replace: true });
  });
});

describe('CSV mapping', () => {
  const header = ['Ticket', 'Sent (UTC)', 'From type', 'Author', 'Author email', 'Message', 'Internal', 'Subject', 'Order number'];
  const rows = [['T-1', '2024-07-01', 'Client', 'Rosa', 'r@x', '<p>Hi</p>', 'no', 'Missing', 'O1'], ['T-1', '2024-07-01', 'Agent', 'Kim', 'k@x', '<p>Sorry</p>', 'no', '', '']];
  it('guesses the layout and columns from the header and sample', () => {
    expect(guessLayout(header, rows)).toBe('message-per-row');
    const cols = guessColumns(header, 'message-per-row');
    expect(cols).toMatchObject({ threadId: 'Ticket', sentAt: 'Sent (UTC)', body: 'Message', role: 'From type', authorEmail: 'Author email', visibility: 'Internal', subject: 'Subject' });
    expect(guessBodyFormat(header, rows, 'Message')).toBe('html');
  });
  it('writes the importer’s mapping format and says what is still needed', () => {
    const form = { layout: 'message-per-row' as const, source: 'helpdesk', columns: { threadId: 'Ticket', body: 'Message' }, roleValues: { Client: 'customer' as const }, bodyFormat: 'html' as const, dateFormat: 'iso' as const, ratingMin: '1', ratingMax: '5', privateColumns: ['Order number'] };
    expect(missingRequired(form).map((f) => f.id)).toEqual(['sentAt', 'role']);
    expect(toMapping({ ...form, columns: { ...form.columns, sentAt: 'Sent (UTC)', role: 'From type' } })).toEqual({
      version: 1, source: 'helpdesk', layout: 'message-per-row', bodyFormat: 'html', dateFormat: 'iso',
      columns: { threadId: 'Ticket', sentAt: 'Sent (UTC)', body: 'Message', role: 'From type' },
      values: { role: { Client: 'customer' } }, private: ['Order number'],
    });
  });
  it('reads typed paths one per line', () => {
    expect(parsePaths(' /a/b.json \n\n"/c d/e.csv"\n')).toEqual(['/a/b.json', '/c d/e.csv']);
  });
});

describe('Import', () => {
  it('detects, previews, imports with progress, and lists rejected records with their location', async () => {
    const fake = fakeTransport({
      'imports.formats': () => ({ formats: [{ id: 'zendesk', label: 'Zendesk' }, { id: 'csv', label: 'CSV' }] }),
      'imports.detect': ({ files }) => ({ files: files.map((file) => ({ file, format: 'zendesk', label: 'Zendesk tickets', error: null })) }),
      'imports.preview': () => ({ format: 'zendesk', rejected: [], threads: [{ source: 'zendesk', externalId: '101', subject: 'Cracked lid', tags: [], privateData: {}, messages: [{ role: 'customer', sentAt: '2024-03-04T09:15:02Z', body: 'The lid is cracked', format: 'text', visibility: 'public', attachments: [], privateData: {} }] }] }),
      'imports.run': async () => {
        fake.emit({ job: 'import', phase: '/x/tickets.json', done: 50, total: 100, unit: 'bytes' });
        return { reports: [{ file: '/x/tickets.json', format: 'zendesk', threadsCreated: 2, threadsUpdated: 0, messagesCreated: 5, internalNotes: 1, rejected: [{ location: 'tickets.json record 3', reason: 'created_at: not a real date' }] }] };
      },
    });
    const dataChanged = vi.fn();
    render(<Providers fake={fake} app={{ dataChanged }}><ImportView /></Providers>);
    await userEvent.type(screen.getByLabelText('File paths'), '/x/tickets.json');
    await userEvent.click(screen.getByRole('button', { name: 'Add files' }));
    expect(await within(screen.getByRole('list', { name: 'Files to import' })).findByText('Zendesk')).toBeTruthy();
    expect(await screen.findByText('Cracked lid')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import this file' }));
    expect(await screen.findByText('Imported, with records left out')).toBeTruthy();
    expect(screen.getByText('tickets.json record 3')).toBeTruthy();
    expect(screen.getByText('created_at: not a real date')).toBeTruthy();
    expect(dataChanged).toHaveBeenCalled();
  });
});

describe('Site', () => {
  it('exports into a typed folder and offers to open the result in the browser harness', async () => {
    const result = { out: '/sites/acme', pages: 22, threads: 2, withheld: 1, claims: 1, bytes: 500_000, ms: 600, incremental: false, rendered: 22, reused: 0, signed: false, search: true, warnings: [] };
    const check = { items: [{ id: 'pending', tone: 'attention' as const, title: '3 conversations waiting for a decision', detail: 'They are not on the site.', count: 3, link: 'inbox-pending' as const }], published: 2, withheld: 1, pending: 3 };
    const navigate = vi.fn();
    const fake = fakeTransport({ 'site.themes': () => ({ themes: [{ name: 'default', label: 'Default', description: 'Calm' }] }), 'site.settings.get': () => siteSettings({ theme: 'ledger', baseUrl: 'https://t.acme.example/' }), 'site.build': () => result, 'export.check': () => check });
    render(<Providers fake={fake} app={{ navigate }}><SiteView tab="export" /></Providers>);
    // The export publishes the saved theme and address (changed on the settings tab), and says which.
    expect(await screen.findByText('https://t.acme.example/')).toBeTruthy();
    expect(screen.getByText(/Theme ledger/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Folder'), '/sites/acme');
    // The check comes first: what needs attention, with a way there; the export waits until the person has seen it.
    const list = await screen.findByRole('list', { name: 'What needs attention' });
    expect(list.textContent).toContain('3 conversations waiting for a decision');
    expect(screen.getByRole('button', { name: 'Export site' })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: 'Review them' }));
    expect(navigate).toHaveBeenCalledWith({ view: 'inbox', filter: 'pending' });
    await userEvent.click(screen.getByRole('checkbox', { name: /I have read this list/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Export site' }));
    expect(await screen.findByText('The site is ready')).toBeTruthy();
    expect(fake.callsTo('site.build')).toEqual([{ out: '/sites/acme', search: true }]);
    expect(screen.getByText(/2 published conversations, 1 withheld conversation/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open in browser' }).getAttribute('href')).toBe('/preview/');
    // Where the folder is, and how to put it online.
    const guide = screen.getByRole('region', { name: 'Putting it online' });
    expect(guide.textContent).toContain('/sites/acme');
    expect(guide.textContent).toContain('https://t.acme.example/');
  });

  it('in the desktop app opens the folder and the site with the system', async () => {
    const result = { out: '/sites/acme', pages: 1, threads: 0, withheld: 0, claims: 0, bytes: 1, ms: 1, incremental: false, rendered: 1, reused: 0, signed: false, search: false, warnings: ['No base URL'] };
    const fake = fakeTransport({ 'site.themes': () => ({ themes: [] }), 'site.build': () => result, 'app.openPath': () => ({ opened: true }), 'export.check': () => ({ items: [], published: 0, withheld: 0, pending: 0 }) });
    render(<Providers fake={fake} app={{ info: { shell: 'electron', version: '0.1.0', platform: 'linux', dialogs: true, openPaths: true, previewBase: 'candor://preview/' } }}><SiteView tab="export" /></Providers>);
    await userEvent.type(screen.getByLabelText('Folder'), '/sites/acme');
    expect(await screen.findByText('Ready to publish')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Export site' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Open folder' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open in browser' }));
    expect(fake.callsTo('app.openPath')).toEqual([{ path: '/sites/acme' }, { path: '/sites/acme/index.html' }]);
    expect(screen.getByText('No base URL')).toBeTruthy();
  });
});

function siteSettings(patch: Partial<Res<'site.settings.get'>> = {}): Res<'site.settings.get'> {
  return { organisation: 'Acme Ltd', intro: null, policy: null, url: null, theme: 'default', baseUrl: null, colors: { accent: null, header: null, headerText: null }, logo: null, ...patch };
}

describe('Site settings', () => {
  const themes = () => ({ themes: [{ name: 'default', label: 'Default', description: 'Calm' }, { name: 'ledger', label: 'Ledger', description: 'An annual report' }] });
  const texts = ({ language }: { language: string }) => ({ language, texts: [{ key: 'header.sub', text: 'Transparency report' }] });
  const preview = () => ({ out: '/ws/acme/.site-preview/default', pages: 1, threads: 0, withheld: 0, claims: 0, bytes: 1, ms: 1, incremental: false, rendered: 1, reused: 0, signed: false, search: false, warnings: [] });

  it('edits the name, theme, address and colours, shows each colour’s contrast, and saves them for the workspace', async () => {
    let stored = siteSettings();
    const set = vi.fn((req: Req<'site.settings.set'>) => {
      stored = { ...stored, organisation: req.organisation ?? stored.organisation, theme: req.theme ?? 'default', baseUrl: req.baseUrl ?? null, colors: { accent: req.colors?.accent ?? null, header: req.colors?.header ?? null, headerText: req.colors?.headerText ?? null } };
      return stored;
    });
    const fake = fakeTransport({ 'site.themes': themes, 'site.settings.get': () => stored, 'site.settings.set': set, 'site.preview': preview, 'site.texts': texts });
    const toast = vi.fn();
    const refreshWorkspace = vi.fn();
    render(<Providers fake={fake} app={{ toast, refreshWorkspace }}><SiteView tab="settings" /></Providers>);

    const name = await screen.findByLabelText('Organisation');
    expect((name as HTMLInputElement).readOnly).toBe(false);
    await userEvent.clear(name);
    await userEvent.type(name, 'Acme Group');
    await userEvent.selectOptions(screen.getByLabelText('Theme'), 'ledger');
    await userEvent.type(screen.getByLabelText('Address of the published site (optional)'), 'https://t.acme.example');

    // A colour too light for text: the contrast is shown at once, with the field's problem, before any save.
    const accent = screen.getByLabelText('Accent colour');
    await userEvent.type(accent, '#88aaff');
    const contrast = screen.getByRole('list', { name: 'Contrast of the chosen colours' });
    expect(within(contrast).getByText('links and headings on the page background', { exact: false }).textContent).toMatch(/2\.\d\d:1 — below 4\.5:1, will be refused/);
    expect(accent.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Accent colour #88aaff: links and headings on the page background .* contrast ratio of 2\.\d\d:1/)).toBeTruthy();

    // A dark enough one passes everywhere; the picker follows the typed value.
    await userEvent.clear(accent);
    await userEvent.type(accent, '#0B4F8A');
    const passing = screen.getByRole('list', { name: 'Contrast of the chosen colours' });
    expect(within(passing).queryByText(/will be refused/)).toBeNull();
    expect(within(passing).getAllByText(/passes WCAG 2\.2 AA/)).toHaveLength(4);
    expect((screen.getByLabelText('Accent colour: picker') as HTMLInputElement).value).toBe('#0b4f8a');

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(toast).toHaveBeenCalledWith('Site settings saved.'));
    expect(set.mock.calls[0]![0]).toEqual({
      organisation: 'Acme Group', url: null, intro: null, policy: null, theme: 'ledger', baseUrl: 'https://t.acme.example',
      colors: { accent: '#0B4F8A', header: null, headerText: null }, verification: null, withheldPlaceholders: true, language: 'en', strings: { en: {} },
    });
    expect(refreshWorkspace).toHaveBeenCalled();
    // The preview is built from the saved settings: no theme or address of its own.
    await waitFor(() => expect(fake.callsTo('site.preview').length).toBeGreaterThanOrEqual(2));
    expect(fake.callsTo('site.preview').every((r) => JSON.stringify(r) === '{"search":false}')).toBe(true);
  });

  it('shows the core’s refusal and keeps what was typed', async () => {
    const fake = fakeTransport({
      'site.themes': themes, 'site.settings.get': () => siteSettings(), 'site.preview': preview, 'site.texts': texts,
      'site.settings.set': () => { throw Object.assign(new Error('Header text colour #bbbbbb: … would have a contrast ratio of 1.41:1'), { code: 'LOW_CONTRAST' }); },
    });
    render(<Providers fake={fake}><SiteView tab="settings" /></Providers>);
    await userEvent.type(await screen.findByLabelText('Moderation policy'), 'We withhold on request.');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not saved');
    expect(alert.textContent).toContain('1.41:1');
    expect((screen.getByLabelText('Moderation policy') as HTMLTextAreaElement).value).toBe('We withhold on request.');
  });

  it('uses a chosen logo, shows it, and says why a file is refused', async () => {
    const dataUrl = 'data:image/png;base64,iVBORw0KGgo=';
    let stored = siteSettings();
    const fake = fakeTransport({
      'site.themes': themes, 'site.preview': preview,
      'site.settings.get': () => stored, 'site.texts': texts,
      'site.logo.set': (req) => {
        if (req.path.endsWith('.svg')) throw Object.assign(new Error('The logo logo.svg is an SVG file. SVG is refused because an SVG opened on its own can run script'), { code: 'LOGO_SVG_REFUSED' });
        stored = { ...stored, logo: { type: 'image/png', size: 2048, sha256: 'a'.repeat(64), dataUrl } };
        return stored;
      },
      'site.logo.clear': () => (stored = { ...stored, logo: null }),
    });
    const toast = vi.fn();
    render(<Providers fake={fake} app={{ toast }}><SiteView tab="settings" /></Providers>);
    expect(await screen.findByText(/No logo/)).toBeTruthy();
    const file = screen.getByLabelText('Logo file');
    await userEvent.type(file, '/home/me/logo.svg');
    await userEvent.click(screen.getByRole('button', { name: 'Use this logo' }));
    expect((await screen.findByRole('alert')).textContent).toContain('SVG is refused');

    await userEvent.clear(file);
    await userEvent.type(file, '/home/me/logo.png');
    await userEvent.click(screen.getByRole('button', { name: 'Use this logo' }));
    const img = await screen.findByRole('img', { name: 'The current logo' });
    expect(img.getAttribute('src')).toBe(dataUrl);
    expect(fake.callsTo('site.logo.set')).toEqual([{ path: '/home/me/logo.svg' }, { path: '/home/me/logo.png' }]);
    expect(toast).toHaveBeenCalledWith('Logo saved.');

    await userEvent.click(screen.getByRole('button', { name: 'Remove logo' }));
    expect(await screen.findByText(/No logo/)).toBeTruthy();
    expect(fake.callsTo('site.logo.clear')).toHaveLength(1);
  });
});
