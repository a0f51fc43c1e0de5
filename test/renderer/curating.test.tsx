// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Inbox } from '../../renderer/src/views/inbox/Inbox.tsx';
import { ThreadView } from '../../renderer/src/views/thread/ThreadView.tsx';
import { SettingsView } from '../../renderer/src/views/settings/SettingsView.tsx';
import type { Res } from '../../electron/shared/contract.ts';
import { fakeTransport, Providers, summary } from './helpers.tsx';

// `getBy…` and `findBy…` queries fail the test when the element is not there (`findBy…` after waiting for it);
// `expect(…).toBeTruthy()` around them only marks the line as one of the things checked.

// `expect(await screen.findBy…(…)).toBeTruthy()` reads as a weak assertion but is not: findBy*/getBy* throw when
// the element is absent (or, for getByRole with a name, when the accessible name differs), so the test fails then.

// Curating in the app, through a fake core: finishing personal data, choosing several conversations, moving on after
// a decision, and the workspace settings with their previews.

afterEach(cleanup);
beforeEach(() => {
  window.location.hash = '';
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this.getAttribute('role') === 'listbox' ? 800 : 0;
  });
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockImplementation(() => 400);
});

const BODY = 'Hi, I am Jo. Call 07700 900123.';
const findings: Res<'curation.findings'> = {
  threadId: 't1',
  findings: [
    { id: 'f1', kind: 'phone', start: 18, end: 30, text: '07700 900123', confidence: 'high', location: 'message:m1', status: 'pending', reason: null, redacted: true },
    { id: 'f2', kind: 'name', start: 10, end: 12, text: 'Jo', confidence: 'low', location: 'message:m1', status: 'pending', reason: null, redacted: false },
  ],
  manual: [],
  places: [{ location: 'message:m1', role: 'customer', sentAt: '2026-03-01T09:00:00Z', length: BODY.length }],
  summary: { total: 2, pending: 2, pendingHigh: 1, redacted: 1 },
};

const rows = [summary('t1', { subject: 'Refund never arrived' }), summary('t2', { subject: 'Love it', kind: 'praise' }), summary('t3', { subject: 'Where is my parcel?' }), summary('t4', { subject: 'Broken lid' })];

function fakes(extra: Parameters<typeof fakeTransport>[0] = {}) {
  return fakeTransport({
    'threads.get': ({ id }) => ({ ...summary(id, { subject: rows.find((r) => r.id === id)?.subject ?? id }), privateData: {}, messages: [{ id: 'm1', externalId: '1', position: 0, role: 'customer', authorName: 'Jo', sentAt: '2026-03-01T09:00:00Z', body: BODY, format: 'text', visibility: 'public', attachments: [] }] }),
    'curation.findings': () => findings,
    'curation.tags': ({ threadId }) => ({ threadId, source: [], manual: [], topics: [] }),
    'curation.search': (q) => {
      const matching = rows.filter((r) => !q.kind || r.kind === q.kind);
      return { total: matching.length, threads: matching.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 50)) };
    },
    'curation.decide': () => ({ matched: 1, changed: 1, refused: [] }),
    'curation.review': () => ({ threads: 1, reviewed: 2, removed: 1, kept: 1 }),
    'curation.accept': () => ({ ...findings.findings[0]!, status: 'accepted' }),
    'curation.settings.get': () => ({ topicRules: {} } as unknown as Res<'curation.settings.get'>),
    'imports.formats': () => ({ formats: [{ id: 'zendesk', label: 'Zendesk' }] }),
    ...extra,
  });
}

const threadView = (afterChange = vi.fn(async () => undefined)) => ({ afterChange });

describe('personal data that can be finished', () => {
  it('confirms an automatic removal, and marks the whole conversation reviewed in one step', async () => {
    const fake = fakes();
    const app = threadView();
    render(<Providers fake={fake} app={app}><ThreadView id="t1" publishedView={false} onPublishedView={() => undefined} onDecide={async () => true} onWithhold={() => undefined} /></Providers>);
    expect((await screen.findByText('Removed automatically — confirm or keep'))).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /Confirm removing Phone number/ }));
    await waitFor(() => expect(fake.callsTo('curation.accept')).toEqual([{ threadId: 't1', findingId: 'f1' }]));
    await userEvent.click(screen.getByRole('button', { name: /Mark reviewed/ }));
    await waitFor(() => expect(fake.callsTo('curation.review')).toEqual([{ target: { ids: ['t1'] }, mode: 'as-shown' }]));
    await userEvent.click(screen.getByRole('button', { name: /Confirm all 2/ }));
    await waitFor(() => expect(fake.callsTo('curation.review').at(-1)).toEqual({ target: { ids: ['t1'] }, mode: 'confirm' }));
    // Each change refreshes the screens and offers undo.
    expect(app.afterChange).toHaveBeenCalledTimes(3);
  });
});

describe('several conversations at once', () => {
  it('picks rows, adds a range with Shift, and publishes exactly those', async () => {
    const fake = fakes();
    render(<Providers fake={fake}><Inbox threadId="t1" /></Providers>);
    const list = await screen.findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(4));
    const options = within(list).getAllByRole('option');
    await userEvent.click(options[1]!.querySelector('.row-check')!);
    const user = userEvent.setup();
    await user.keyboard('{Shift>}');
    await user.click(options[3]!.querySelector('.row-check')!);
    await user.keyboard('{/Shift}');
    const bar = screen.getByRole('region', { name: 'Selected conversations' });
    expect(bar.textContent).toContain('3 selected');
    expect(within(list).getAllByRole('option', { selected: true }).map((o) => o.textContent)).toEqual([expect.stringContaining('Love it'), expect.stringContaining('Where is my parcel?'), expect.stringContaining('Broken lid')]);
    await userEvent.click(within(bar).getByRole('button', { name: /^Publish/ }));
    await waitFor(() => expect(fake.callsTo('curation.decide')).toEqual([{ target: { ids: ['t2', 't3', 't4'] }, decision: 'publish' }]));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Selected conversations' })).toBeNull());
  });

  it('with * acts on every conversation matching the filters, sending the filters rather than ids', async () => {
    const fake = fakes();
    render(<Providers fake={fake}><Inbox threadId="t1" /></Providers>);
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: 'Conversations' })).getAllByRole('option')).toHaveLength(4));
    await userEvent.keyboard('*');
    expect(screen.getByRole('region', { name: 'Selected conversations' }).textContent).toContain('All 4 conversations matching');
    await userEvent.keyboard('r');
    await waitFor(() => expect(fake.callsTo('curation.review')).toEqual([{ target: { query: {} }, mode: 'as-shown' }]));
  });

  it('grows the selection with Shift+j from the open conversation, and Escape clears it', async () => {
    const fake = fakes();
    // The route follows the open conversation, as in the app.
    function Routed() {
      const [threadId, setThreadId] = useState('t1');
      return <Providers fake={fake} app={{ navigate: (r) => { if (r.view === 'inbox' && r.threadId) setThreadId(r.threadId); } }}><Inbox threadId={threadId} /></Providers>;
    }
    render(<Routed />);
    const list = await screen.findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(4));
    await userEvent.keyboard('J');
    await waitFor(() => expect(list.querySelector('[aria-current="true"]')?.textContent).toContain('Love it'));
    await userEvent.keyboard('J');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Selected conversations' }).textContent).toContain('3 selected'));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Selected conversations' })).toBeNull();
  });

  it('opens the next conversation after a decision on the open one', async () => {
    const fake = fakes();
    const navigate = vi.fn();
    render(<Providers fake={fake} app={{ navigate }}><Inbox threadId="t1" /></Providers>);
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: 'Conversations' })).getAllByRole('option')).toHaveLength(4));
    await userEvent.keyboard('p');
    await waitFor(() => expect(fake.callsTo('curation.decide')).toEqual([{ target: { ids: ['t1'] }, decision: 'publish' }]));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith({ view: 'inbox', threadId: 't2' }, { replace: true }));
  });
});

describe('workspace settings', () => {
  const settings: Res<'curation.settings.get'> = {
    defaultCountry: 'GB', customerPseudonym: 'location', customerLabel: 'Customer', customerLocationFormat: 'Customer in {location}', staffNaming: 'role',
    staffLabel: 'Support team', systemLabel: 'Automated message', defaultDecision: 'pending', requirePiiHandled: false, accountPatterns: [], companyPostcodes: [],
    companyAddresses: [], companyDomains: [], companyPhones: [], topicRules: {}, evidenceMaxMb: 100,
  };

  it('previews how people are named, and saves only what changed, as one change', async () => {
    const update = vi.fn((req: { values: Record<string, unknown> }) => ({ ...settings, ...req.values } as Res<'curation.settings.get'>));
    const fake = fakes({ 'curation.settings.get': () => settings, 'curation.settings.update': update });
    render(<Providers fake={fake}><SettingsView /></Providers>);
    const preview = await screen.findByRole('figure', { name: 'Preview of a published conversation' });
    expect(preview.textContent).toContain('Customer in Leeds');
    expect(preview.textContent).toContain('Support team');
    await userEvent.click(screen.getByRole('radio', { name: /By the first letter/ }));
    await userEvent.click(screen.getByRole('radio', { name: /By the name they sign with/ }));
    expect(preview.textContent).toContain('J.');
    expect(preview.textContent).toContain('Sam Patel');
    await userEvent.click(screen.getByRole('checkbox', { name: /Publish a conversation only after/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(fake.callsTo('curation.settings.update')).toEqual([{ values: { customerPseudonym: 'initial', staffNaming: 'name', requirePiiHandled: true } }]));
  });
});
