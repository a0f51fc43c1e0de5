// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { EraseAction } from '../../renderer/src/views/thread/EraseDialog.tsx';
import { DetectorNewsNotice } from '../../renderer/src/views/inbox/DetectorNewsNotice.tsx';
import type { Req } from '../../electron/shared/contract.ts';
import { fakeTransport, Providers } from '../renderer/helpers.tsx';

afterEach(cleanup);

describe('erasing from the app', () => {
  it('counts first, erases only after "erase" is typed, then goes back to the inbox', async () => {
    const erased: Req<'curation.erase'>[] = [];
    const fake = fakeTransport({
      'curation.erase': (req) => {
        erased.push(req);
        const customer = 'customer' in req.target;
        return { erasureId: 'erasure:1', at: '2026-01-01T00:00:00Z', threads: customer ? 3 : 1, messages: customer ? 9 : 2, findings: 4, records: 20, dryRun: req.dryRun === true };
      },
    });
    const routes: unknown[] = [];
    const toasts: string[] = [];
    let done = 0;
    render(<Providers fake={fake} app={{ navigate: (r) => routes.push(r), toast: (t) => toasts.push(t) }}><EraseAction threadId="t_1" customerEmail="zelda@example.org" onErased={() => done++} /></Providers>);
    await userEvent.click(screen.getByRole('button', { name: /Erase customer’s data/ }));
    await screen.findByText(/1 conversation, 2 messages and 4 personal-data findings will be erased/);
    await userEvent.click(screen.getByLabelText(/Every conversation of this customer’s e-mail address/));
    await screen.findByText(/3 conversations, 9 messages/);
    const confirm = screen.getByRole('button', { name: 'Erase for good' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(screen.getByLabelText(/Type “erase” to confirm/), 'erase');
    await userEvent.click(confirm);
    await waitFor(() => expect(done).toBe(1));
    expect(erased.filter((r) => !r.dryRun)).toEqual([{ target: { customer: 'zelda@example.org' } }]);
    expect(routes).toEqual([{ view: 'inbox' }]);
    expect(toasts[0]).toMatch(/Erased 3 conversations/);
  });

  it('says when detection improved and how many conversations have new findings', async () => {
    const fake = fakeTransport({ 'curation.detectorNews': () => ({ detectorVersion: '2', conversations: 2, threadIds: ['t_9', 't_8'], awaitingRescan: 0 }) });
    const routes: unknown[] = [];
    render(<Providers fake={fake} app={{ navigate: (r) => routes.push(r) }}><DetectorNewsNotice /></Providers>);
    await screen.findByText(/Personal-data detection improved: 2 conversations have new findings to review/);
    await userEvent.click(screen.getByRole('button', { name: 'Review the first' }));
    expect(routes).toEqual([{ view: 'inbox', threadId: 't_9' }]);
  });
});
