// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Inbox } from '../../renderer/src/views/inbox/Inbox.tsx';
import type { Res } from '../../electron/shared/contract.ts';
import { fakeTransport, Providers, summary } from './helpers.tsx';

// Issue 16: while the personal-data check after an import still runs, curation's search answers from what is stored
// (unchecked conversations listed as "personal data to review") and says how many are still being checked. The inbox
// says so in one line and asks again when the check ends.
// `findBy…` fails the test when the element does not appear; `expect(…).toBeTruthy()` only marks what is checked.

afterEach(cleanup);
beforeEach(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this.getAttribute('role') === 'listbox' ? 800 : 0;
  });
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockImplementation(() => 400);
});

describe('Inbox while conversations are still being checked for personal data', () => {
  it('says how many are left in one polite line, and refreshes the list when the check ends', async () => {
    let checking = 1204;
    const fake = fakeTransport({
      'curation.search': (q) => {
        // While checking, the unchecked conversation t2 is listed as having personal data to review.
        const rows = checking > 0 ? [summary('t1', { subject: 'Call me on 07700 900123' }), summary('t2', { subject: 'Not checked yet' })] : [summary('t1', { subject: 'Call me on 07700 900123' })];
        return { total: rows.length, threads: rows.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 50)), stillChecking: checking };
      },
      'curation.settings.get': () => ({ topicRules: {} } as unknown as Res<'curation.settings.get'>),
    });
    render(<Providers fake={fake}><Inbox preset="unreviewed" /></Providers>);
    const line = await screen.findByText('Still checking 1,204 conversations for personal data — the list updates when it is done.');
    expect(line.getAttribute('role')).toBe('status');
    const list = await screen.findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));
    expect(fake.callsTo('curation.search')[0]).toMatchObject({ unreviewed: true });

    // The check ends: its last progress event reaches the window, and the list is asked again.
    checking = 0;
    fake.emit({ job: 'import', phase: 'scanning for personal data', done: 1204, total: 1204, unit: 'records' });
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: 'Conversations' })).getAllByRole('option')).toHaveLength(1));
    expect(screen.queryByText(/Still checking/)).toBeNull();
  });
});
