// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportView } from '../../renderer/src/views/import/ImportView.tsx';
import { CLI_WORDS } from './cli-words.ts';
import { fakeTransport, Providers } from './helpers.tsx';

// `getBy…` and `findBy…` queries fail the test when the element is not there (`findBy…` after waiting for it);
// `expect(…).toBeTruthy()` around them only marks the line as one of the things checked.

// `expect(await screen.findBy…(…)).toBeTruthy()` reads as a weak assertion but is not: findBy*/getBy* throw when
// the element is absent (or, for getByRole with a name, when the accessible name differs), so the test fails then.

// The import screen guides in words: what Candor detected, a text encoding chosen from a list (not a flag), and
// when no staff message was found, a form for the staff addresses instead of the command line's warning.

afterEach(cleanup);

const preview = { format: 'email', rejected: [], threads: [{ source: 'email', externalId: 'a@b', subject: 'Où est ma commande ?', tags: [], privateData: {}, messages: [{ role: 'customer' as const, sentAt: '2024-03-04T09:15:02Z', body: 'Très bien', format: 'text' as const, visibility: 'public' as const, attachments: [], privateData: {} }] }] };

// The core's warning as the command line prints it (electron/core/importers/run.ts noStaffWarning).
const NO_STAFF = (file: string) => `No message from your staff was found in ${file}: every message is credited to the customer. Say which addresses are yours and import again (existing messages are re-classified): --staff support@yourcompany.com or --staff @yourcompany.com.`;

function fakes() {
  return fakeTransport({
    'imports.formats': () => ({ formats: [{ id: 'email', label: 'e-mail: mbox, .eml or saved message files' }, { id: 'csv', label: 'any CSV, with a column mapping' }] }),
    'imports.detect': ({ files }) => ({ files: files.map((file) => ({ file, format: 'email', label: 'e-mail (mbox)', error: null })) }),
    'imports.preview': () => preview,
    'imports.run': ({ files }) => ({ reports: [{ file: files[0]!, format: 'email', threadsCreated: 1, threadsUpdated: 0, messagesCreated: 2, internalNotes: 0, rejected: [], warnings: [NO_STAFF(files[0]!), `${files[0]!}: read as Windows-1252, because 2 bytes are not UTF-8 (line 3). If the text looks wrong, choose the file’s encoding and import it again.`] }] }),
  });
}

describe('import that guides', () => {
  it('shows the detected format, sends the chosen encoding, and asks for staff addresses in words', async () => {
    const fake = fakes();
    render(<Providers fake={fake}><ImportView /></Providers>);
    await userEvent.type(screen.getByLabelText('File paths'), '/x/support.mbox');
    await userEvent.click(screen.getByRole('button', { name: 'Add files' }));
    expect(await within(screen.getByRole('list', { name: 'Files to import' })).findByText('E-mail')).toBeTruthy();
    expect(screen.getByText('Detected from the content: E-mail.')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Text encoding'), 'windows-1252');
    await waitFor(() => expect(fake.callsTo('imports.preview').at(-1)).toMatchObject({ files: ['/x/support.mbox'], encoding: 'windows-1252' }));
    await screen.findByText('Où est ma commande ?');
    await userEvent.click(screen.getByRole('button', { name: 'Import this file' }));
    expect(await screen.findByRole('heading', { name: 'No message from your staff was found' })).toBeTruthy();
    expect(fake.callsTo('imports.run')).toEqual([{ files: ['/x/support.mbox'], encoding: 'windows-1252' }]);
    // The warning the command line prints names a flag; the screen shows a form instead, and nothing names one.
    expect(NO_STAFF('/x/support.mbox')).toMatch(CLI_WORDS);
    expect(document.body.textContent).not.toMatch(CLI_WORDS);
    await userEvent.type(screen.getByLabelText(/Your staff's e-mail addresses or domains/), '@harbourtea.example');
    await userEvent.click(screen.getByRole('button', { name: 'Import again with these addresses' }));
    await waitFor(() => expect(fake.callsTo('imports.run').at(-1)).toEqual({ files: ['/x/support.mbox'], encoding: 'windows-1252', staff: ['@harbourtea.example'] }));
  });
});
