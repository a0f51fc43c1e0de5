// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceFromFile } from '../../renderer/src/views/import/csv-mapping.ts';
import { EXPORT_GUIDES } from '../../renderer/src/views/import/export-steps.ts';
import { ImportView } from '../../renderer/src/views/import/ImportView.tsx';
import { importers } from '../../electron/core/importers/registry.ts';
import { fakeTransport, Providers } from '../renderer/helpers.tsx';

// The import screen's parts of issues 14 and 19.6: each vendor's export steps, the detected format in words, and
// the "no staff message found" warning with a way to give the staff addresses and import again.

afterEach(cleanup);

const zendeskReport = { file: '/x/inbox.mbox', format: 'email', threadsCreated: 3, threadsUpdated: 0, messagesCreated: 5, internalNotes: 0, rejected: [], skipped: [{ location: 'inbox.mbox line 40', reason: 'automated mail (Auto-Submitted: auto-replied): not a customer message' }], warnings: ['No message from your staff was found in /x/inbox.mbox: every message is credited to the customer. Say which addresses are yours and import again (existing messages are re-classified): --staff support@yourcompany.com or --staff @yourcompany.com.'] };

describe('import screen', () => {
  it('has export steps for every format Candor reads', () => {
    for (const i of importers) expect(EXPORT_GUIDES[i.id]?.steps.length, i.id).toBeGreaterThan(0);
  });

  it('suggests a CSV source name without the parts that change from one export to the next', () => {
    expect(sourceFromFile('/d/Shop reviews export 2026-03.csv')).toBe('shop-reviews');
    expect(sourceFromFile('/d/helpdesk_2026_04_01.csv')).toBe('helpdesk');
    expect(sourceFromFile('/d/2026.csv')).toBe('csv');
  });

  it('shows the detected format and companions in words, the vendor\'s steps, and asks for staff addresses when none was found', async () => {
    const fake = fakeTransport({
      'imports.formats': () => ({ formats: [{ id: 'email', label: 'e-mail' }] }),
      'imports.detect': ({ files }) => ({ files: files.map((file) => ({ file, format: 'email', label: 'e-mail: mbox, .eml or saved message files', error: null, companion: null })) }),
      'imports.preview': () => ({ format: 'email', rejected: [], threads: [{ source: 'email', externalId: 'a', subject: 'Where is my order', tags: [], privateData: {}, messages: [{ role: 'customer', sentAt: '2024-03-04T09:15:02Z', body: 'Hello', format: 'text', visibility: 'public', attachments: [], privateData: {} }] }] }),
      'imports.run': () => ({ reports: [zendeskReport] }),
    });
    render(<Providers fake={fake}><ImportView /></Providers>);
    await userEvent.type(screen.getByLabelText('File paths'), '/x/inbox.mbox');
    await userEvent.click(screen.getByRole('button', { name: 'Add files' }));
    const files = screen.getByRole('list', { name: 'Files to import' });
    expect(await within(files).findByText('E-mail')).toBeTruthy();
    expect(within(files).getByText(/mbox, \.eml or saved message files/)).toBeTruthy();
    const guide = await screen.findByLabelText('Exporting from E-mail');
    expect(within(guide).getByText(/Google Takeout → Mail/)).toBeTruthy();
    expect(screen.getByLabelText("Your staff's e-mail addresses (optional)")).toBeTruthy();
    await screen.findByText('Where is my order');
    await userEvent.click(screen.getByRole('button', { name: 'Import this file' }));
    expect(await screen.findByText('No message from your staff was found')).toBeTruthy();
    expect(screen.getByText('Kept out on purpose')).toBeTruthy();
    expect(screen.getByText(/automated mail \(Auto-Submitted: auto-replied\)/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText("Your staff's e-mail addresses or domains"), '@northwind.example');
    await userEvent.click(screen.getByRole('button', { name: 'Import again with these addresses' }));
    const runs = fake.callsTo('imports.run');
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ files: ['/x/inbox.mbox'], staff: ['@northwind.example'] });
  });

  it('names companion files as what they are', async () => {
    const fake = fakeTransport({
      'imports.formats': () => ({ formats: [] }),
      'imports.detect': ({ files }) => ({ files: files.map((file) => ({ file, format: 'zendesk', label: 'Zendesk', error: null, companion: file.includes('audits') ? 'Zendesk ticket audits' : null })) }),
      'imports.preview': () => ({ format: 'zendesk', rejected: [], threads: [] }),
    });
    render(<Providers fake={fake}><ImportView /></Providers>);
    await userEvent.type(screen.getByLabelText('File paths'), '/x/tickets.json\n/x/audits.json');
    await userEvent.click(screen.getByRole('button', { name: 'Add files' }));
    expect(await screen.findByText('Zendesk ticket audits, joined to the tickets chosen with it')).toBeTruthy();
    expect(screen.getByLabelText('Exporting from Zendesk')).toBeTruthy();
  });
});
