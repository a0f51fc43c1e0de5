// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThreadView } from '../../renderer/src/views/thread/ThreadView.tsx';
import { correctionOf } from '../../renderer/src/views/thread/CorrectDialog.tsx';
import type { Res } from '../../electron/shared/contract.ts';
import { fakeTransport, Providers, summary } from './helpers.tsx';

// `getBy…` and `findBy…` queries fail the test when the element is not there (`findBy…` after waiting for it);
// `expect(…).toBeTruthy()` around them only marks the line as one of the things checked.

// `expect(await screen.findBy…(…)).toBeTruthy()` reads as a weak assertion but is not: findBy*/getBy* throw when
// the element is absent (or, for getByRole with a name, when the accessible name differs), so the test fails then.

// Correcting what an import decided, in the app: a conversation's kind and status, and who wrote a message.

afterEach(cleanup);

type Thread = Res<'threads.get'>;
const message = (id: string, role: 'customer' | 'staff', body: string, position: number): Thread['messages'][number] => ({
  id, externalId: id, position, role, authorName: role === 'customer' ? 'Maria' : 'Sam', sentAt: '2026-03-01T09:00:00Z', body, format: 'text', visibility: 'public', attachments: [],
});
const thread: Thread = {
  ...summary('t1', { subject: 'Kettle arrived with a cracked lid', kind: 'praise', status: 'open' }),
  privateData: {},
  messages: [message('m1', 'customer', 'The lid is cracked.', 0), message('m2', 'customer', 'Sorry about that, a new one is on its way.', 1)],
};

function fakes() {
  return fakeTransport({
    'threads.get': () => thread,
    'curation.findings': () => ({ threadId: 't1', findings: [], manual: [], places: [], summary: { total: 0, pending: 0, pendingHigh: 0, redacted: 0 } }),
    'curation.tags': ({ threadId }) => ({ threadId, source: [], manual: [], topics: [] }),
    'corrections.threadKindStatus': (r) => ({ thread: r.thread, changed: true, kind: r.kind ?? 'praise', status: r.status ?? 'open', resolvedAt: null }),
    'corrections.messageRole': (r) => ({ message: r.message, thread: 't1', changed: true, role: r.role, threadKind: 'complaint' }),
  });
}

describe('correcting a conversation', () => {
  it('sends only what changed: the kind, the status and one message’s author, then refreshes with an undo', async () => {
    const fake = fakes();
    const afterChange = vi.fn(async () => undefined);
    render(<Providers fake={fake} app={{ afterChange }}><ThreadView id="t1" publishedView={false} onPublishedView={() => undefined} onDecide={async () => true} onWithhold={() => undefined} /></Providers>);
    await userEvent.click(await screen.findByRole('button', { name: /Correct kind, status or authors/ }));
    const dialog = screen.getByRole('dialog', { name: 'Correct this conversation' });
    const save = within(dialog).getByRole('button', { name: 'Save correction' });
    // Nothing changed yet: nothing to save.
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await userEvent.selectOptions(within(dialog).getByLabelText('Kind'), 'complaint');
    await userEvent.selectOptions(within(dialog).getByLabelText('Status'), 'resolved');
    await userEvent.selectOptions(within(dialog).getByLabelText(/Message 2 by Maria/), 'staff');
    await userEvent.click(save);
    await waitFor(() => expect(fake.callsTo('corrections.threadKindStatus')).toEqual([{ thread: 't1', kind: 'complaint', status: 'resolved' }]));
    await waitFor(() => expect(fake.callsTo('corrections.messageRole')).toEqual([{ message: 'm2', role: 'staff' }]));
    expect(screen.queryByRole('dialog', { name: 'Correct this conversation' })).toBeNull();
    await waitFor(() => expect(afterChange).toHaveBeenCalledTimes(1));
  });

  it('opens with c from the keyboard, and Escape leaves it without a change', async () => {
    const fake = fakes();
    render(<Providers fake={fake}><ThreadView id="t1" publishedView={false} onPublishedView={() => undefined} onDecide={async () => true} onWithhold={() => undefined} /></Providers>);
    await screen.findByRole('button', { name: /Correct kind, status or authors/ });
    await userEvent.keyboard('c');
    expect(screen.getByRole('dialog', { name: 'Correct this conversation' })).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Correct this conversation' })).toBeNull();
    expect(fake.callsTo('corrections.threadKindStatus')).toEqual([]);
  });

  it('a role change alone does not touch the kind or status', () => {
    expect(correctionOf(thread, 'praise', 'open', { m1: 'customer', m2: 'staff' })).toEqual({ roles: [{ messageId: 'm2', role: 'staff' }] });
    expect(correctionOf(thread, 'praise', 'open', { m1: 'customer', m2: 'customer' })).toEqual({ roles: [] });
    expect(correctionOf(thread, 'question', 'open', {})).toEqual({ kind: 'question', roles: [] });
  });
});
