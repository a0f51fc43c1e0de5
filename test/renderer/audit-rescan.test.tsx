// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { actionName, describeEntry } from '../../electron/shared/audit-words.ts';
import { AuditView } from '../../renderer/src/views/audit/AuditView.tsx';
import { fakeTransport, Providers } from './helpers.tsx';

// `getBy…` and `findBy…` queries fail the test when the element is not there (`findBy…` after waiting for it);
// `expect(…).toBeTruthy()` around them only marks the line as one of the things checked.

// After the personal-data detectors improve, the audit screen says in plain words that conversations were checked
// again: how many, from which detector version to which, and what was newly found. The row is made with the words
// the core's audit search uses (test/curation/rescan-audit.test.ts checks the core writes and finds this entry).

afterEach(cleanup);

const entry = { seq: 7, at: '2026-03-02T10:00:00.000Z', actor: 'Candor', action: 'curation.rescan', entityType: 'detector', entityId: '2', before: { detectorVersion: '1' }, after: { detectorVersion: '2', threads: 120, newFindings: 7 } };

describe('audit view: a re-scan after better detectors', () => {
  it('shows what was checked again and what was found, about personal-data detection, without codes', async () => {
    const fake = fakeTransport({
      'audit.search': () => ({ entries: [{ ...entry, actionName: actionName(entry.action), summary: describeEntry(entry), subject: null }] }),
      'audit.facets': () => ({ actors: ['Candor'], actions: [{ code: 'curation.rescan', name: actionName('curation.rescan') }] }),
    });
    render(<Providers fake={fake}><AuditView /></Providers>);
    const row = (await screen.findByText('Checked again for personal data', { selector: '.audit-action' })).closest('tr')!;
    expect(row.textContent).toContain('Personal-data detection improved (version 1 → 2): 120 conversations checked again, 7 new findings to review');
    expect(within(row).getByText('Personal-data detection')).toBeTruthy();
    expect(row.textContent).not.toContain('curation.rescan');
    expect(within(screen.getByRole('combobox', { name: 'What' })).getByRole('option', { name: 'Checked again for personal data' })).toBeTruthy();
  });
});
