// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Inbox } from '../../renderer/src/views/inbox/Inbox.tsx';
import { ThreadView } from '../../renderer/src/views/thread/ThreadView.tsx';
import type { Res } from '../../electron/shared/contract.ts';
import { fakeTransport, Providers, summary } from './helpers.tsx';

// `getBy…` and `findBy…` queries fail the test when the element is not there (`findBy…` after waiting for it);
// `expect(…).toBeTruthy()` around them only marks the line as one of the things checked.

afterEach(cleanup);
beforeEach(() => {
  window.location.hash = '';
  // jsdom has no layout: give the virtualised list a viewport so it renders rows.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this.getAttribute('role') === 'listbox' ? 800 : 0;
  });
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockImplementation(() => 400);
});

const BODY = 'Hi, I am Jo. <img src=x onerror=alert(1)> Call 07700 900123.';
const at = (s: string) => ({ start: BODY.indexOf(s), end: BODY.indexOf(s) + s.length });

type Detail = Res<'threads.get'>;
const detail = (id: string, subject: string): Detail => ({
  ...summary(id, { subject }),
  privateData: {},
  messages: [
    { id: 'm1', externalId: '1', position: 0, role: 'customer', authorName: 'Jo Bloggs', sentAt: '2026-03-01T09:00:00Z', body: BODY, format: 'text', visibility: 'public', attachments: [] },
    { id: 'm2', externalId: '2', position: 1, role: 'staff', authorName: 'Sam', sentAt: '2026-03-01T10:00:00Z', body: 'Refund approved, do not tell her yet.', format: 'text', visibility: 'internal', attachments: [] },
    { id: 'm3', externalId: '3', position: 2, role: 'staff', authorName: 'Sam', sentAt: '2026-03-01T11:00:00Z', body: 'Sorry Jo, refunded.', format: 'text', visibility: 'public', attachments: [] },
  ],
});

const findings: Res<'curation.findings'> = {
  threadId: 't1',
  findings: [
    { id: 'f1', kind: 'phone', ...at('07700 900123'), text: '07700 900123', confidence: 'high', location: 'message:m1', status: 'pending', reason: null, redacted: true },
    { id: 'f2', kind: 'postcode', ...at('Jo'), text: 'Jo', confidence: 'low', location: 'message:m1', status: 'pending', reason: null, redacted: false },
  ],
  manual: [],
  places: [{ location: 'message:m1', role: 'customer', sentAt: '2026-03-01T09:00:00Z', length: BODY.length }],
  summary: { total: 2, pending: 2, pendingHigh: 1, redacted: 1 },
};

function threadFakes(extra: Parameters<typeof fakeTransport>[0] = {}) {
  return fakeTransport({
    'threads.get': ({ id }) => detail(id, id === 't1' ? 'Refund never arrived' : 'Other'),
    'curation.findings': () => findings,
    'curation.tags': ({ threadId }) => ({ threadId, source: ['refund'], manual: [], topics: ['Delivery'] }),
    'curation.accept': () => ({ ...findings.findings[1]!, status: 'accepted', redacted: true }),
    'curation.publishedView': () => ({
      id: 't1', source: 'zendesk', kind: 'complaint', subject: 'Refund never arrived', rating: null, status: 'open', openedAt: '2026-03-01T09:00:00Z', resolvedAt: null,
      lastActivityAt: '2026-03-01T11:00:00Z', tags: [], topics: [], customer: 'Customer in Leeds', decision: 'pending',
      messages: [{ id: 'm1', role: 'customer', author: 'Customer in Leeds', sentAt: '2026-03-01T09:00:00Z', body: 'Hi, I am [name removed]. <img src=x onerror=alert(1)> Call [phone removed].', format: 'text' }],
    }),
    ...extra,
  });
}

describe('Thread', () => {
  it('shows the conversation in order, marks internal notes, and never renders customer text as HTML', async () => {
    const fake = threadFakes();
    const { container } = render(<Providers fake={fake}><ThreadView id="t1" publishedView={false} onPublishedView={() => undefined} onDecide={async () => true} onWithhold={() => undefined} /></Providers>);
    const messages = await screen.findAllByRole('listitem', { name: /Customer|Staff|Internal note/ });
    expect(messages.map((m) => m.getAttribute('aria-label')!.split(' ')[0])).toEqual(['Customer', 'Internal', 'Staff']);
    expect(within(messages[1]!).getByText('Internal — never published')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    const marks = container.querySelectorAll('mark.pii');
    expect([...marks].map((m) => [m.textContent, m.className])).toEqual([['Jo', 'pii pii-pending'], ['07700 900123', 'pii pii-accepted']]);
    expect(screen.getByText('Delivery')).toBeTruthy();
  });

  it('accepts a finding through curation.accept', async () => {
    const fake = threadFakes();
    render(<Providers fake={fake}><ThreadView id="t1" publishedView={false} onPublishedView={() => undefined} onDecide={async () => true} onWithhold={() => undefined} /></Providers>);
    await userEvent.click(await screen.findByRole('button', { name: /Remove Postcode/ }));
    await waitFor(() => expect(fake.callsTo('curation.accept')).toEqual([{ threadId: 't1', findingId: 'f2' }]));
  });

  it('asks why before publishing a high-confidence finding as written', async () => {
    const keep = vi.fn(() => ({ ...findings.findings[0]!, status: 'rejected' as const, redacted: false, reason: 'our number' }));
    const fake = threadFakes({ 'curation.keep': keep });
    render(<Providers fake={fake}><ThreadView id="t1" publishedView={false} onPublishedView={() => undefined} onDecide={async () => true} onWithhold={() => undefined} /></Providers>);
    await userEvent.click(await screen.findByRole('button', { name: /Keep Phone number/ }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveProperty('disabled', true);
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'It is our shop’s public number');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(fake.callsTo('curation.keep')).toEqual([{ threadId: 't1', findingId: 'f1', reason: 'It is our shop’s public number' }]));
  });

  it('redacts typed text too, for people who do not use a mouse', async () => {
    const fake = threadFakes({ 'curation.span': (req) => ({ id: 'r1', location: req.location, start: req.start, end: req.end, text: 'x', note: null, actor: 'me', createdAt: '' }) });
    render(<Providers fake={fake}><ThreadView id="t1" publishedView={false} onPublishedView={() => undefined} onDecide={async () => true} onWithhold={() => undefined} /></Providers>);
    await userEvent.click(await screen.findByText('Remove other text by typing it'));
    await userEvent.selectOptions(screen.getByLabelText('In'), 'message:m3');
    await userEvent.type(screen.getByLabelText('Text to remove'), 'refunded');
    await userEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(fake.callsTo('curation.span')).toEqual([{ threadId: 't1', location: 'message:m3', start: 10, end: 18 }]));
  });

  it('shows the published view exactly as the core returns it', async () => {
    const fake = threadFakes();
    render(<Providers fake={fake}><ThreadView id="t1" publishedView onPublishedView={() => undefined} onDecide={async () => true} onWithhold={() => undefined} /></Providers>);
    const view = await screen.findByRole('article', { name: 'Published view' });
    expect(view.textContent).toContain('Customer in Leeds');
    expect(view.textContent).toContain('[phone removed]');
    expect(view.textContent).not.toContain('Refund approved');
    expect(fake.callsTo('curation.publishedView')).toEqual([{ threadId: 't1' }]);
  });
});

describe('Inbox', () => {
  function inboxFakes() {
    // t3 came from a CSV import named "shop-reviews": a source no help-desk importer is called.
    const rows = [summary('t1', { subject: 'Refund never arrived' }), summary('t2', { subject: 'Love it', kind: 'praise' }), summary('t3', { subject: 'Where is my parcel?', source: 'shop-reviews' })];
    return threadFakes({
      'curation.search': (q) => {
        const matching = rows.filter((r) => (!q.kind || r.kind === q.kind) && (!q.source || r.source === q.source) && (!q.decision || r.decision === q.decision) && (!q.query || (r.subject ?? '').toLowerCase().includes(q.query.toLowerCase())));
        return { total: matching.length, threads: matching.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 50)) };
      },
      'curation.decide': () => ({ matched: 1, changed: 1, refused: [] }),
      'curation.settings.get': () => ({ topicRules: { Delivery: ['parcel'] } } as unknown as Res<'curation.settings.get'>),
      'imports.formats': () => ({ formats: [{ id: 'zendesk', label: 'Zendesk' }] }),
      'threads.sources': () => ({ sources: [{ id: 'shop-reviews', threads: 1 }, { id: 'zendesk', threads: 2 }] }),
    });
  }

  it('offers every source conversations came from, CSV imports’ names included, and filters by one', async () => {
    const fake = inboxFakes();
    render(<Providers fake={fake}><Inbox threadId="t1" /></Providers>);
    await userEvent.click(await screen.findByRole('button', { name: /More filters/ }));
    const source = screen.getByRole('combobox', { name: 'Source' });
    await waitFor(() => expect(within(source).getByRole('option', { name: 'shop-reviews (1)' })).toBeTruthy());
    expect(within(source).getByRole('option', { name: 'Zendesk (2)' })).toBeTruthy();
    await userEvent.selectOptions(source, 'shop-reviews');
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: 'Conversations' })).getAllByRole('option')).toHaveLength(1));
    expect(screen.getByRole('listbox', { name: 'Conversations' }).textContent).toContain('Where is my parcel?');
  });

  it('lists conversations with decision counts and opens the first', async () => {
    const fake = inboxFakes();
    const navigate = vi.fn();
    render(<Providers fake={fake} app={{ navigate }}><Inbox /></Providers>);
    const list = await screen.findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(3));
    await waitFor(() => expect(screen.getByRole('button', { name: /^All\s*3/ })).toBeTruthy());
    expect(screen.getByRole('button', { name: /^To review\s*3/ })).toBeTruthy();
    await waitFor(() => expect(navigate).toHaveBeenCalledWith({ view: 'inbox', threadId: 't1' }, { replace: true }));
  });

  it('publishes with p and withholds with w only after a reason is chosen', async () => {
    const fake = inboxFakes();
    render(<Providers fake={fake}><Inbox threadId="t1" /></Providers>);
    await screen.findByRole('article', { name: /Refund never arrived/ });
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: 'Conversations' })).getAllByRole('option')).toHaveLength(3));
    await userEvent.keyboard('p');
    await waitFor(() => expect(fake.callsTo('curation.decide')).toEqual([{ target: { ids: ['t1'] }, decision: 'publish' }]));
    await userEvent.keyboard('w');
    const dialog = await screen.findByRole('dialog', { name: 'Withhold this conversation' });
    const confirm = within(dialog).getByRole('button', { name: 'Withhold' });
    expect(confirm).toHaveProperty('disabled', true);
    await userEvent.selectOptions(within(dialog).getByLabelText('Reason'), 'other');
    expect(confirm).toHaveProperty('disabled', true);
    await userEvent.type(within(dialog).getByLabelText(/Note/), 'Mentions a court case');
    await userEvent.click(confirm);
    await waitFor(() => expect(fake.callsTo('curation.decide').at(-1)).toEqual({ target: { ids: ['t1'] }, decision: 'withhold', reason: 'other', note: 'Mentions a court case' }));
  });

  it('searches with / and narrows the list; shortcuts pause while typing', async () => {
    const fake = inboxFakes();
    render(<Providers fake={fake}><Inbox threadId="t1" /></Providers>);
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: 'Conversations' })).getAllByRole('option')).toHaveLength(3));
    await userEvent.keyboard('/');
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search conversations' }));
    await userEvent.keyboard('parcel{Enter}');
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: 'Conversations' })).getAllByRole('option')).toHaveLength(1));
    expect(fake.callsTo('curation.decide')).toEqual([]);
  });

  it('shows the shortcuts help and counts per filter value', async () => {
    const fake = inboxFakes();
    render(<Providers fake={fake}><Inbox threadId="t1" /></Providers>);
    await userEvent.click(await screen.findByRole('button', { name: /More filters/ }));
    await waitFor(() => expect(screen.getByRole('option', { name: 'Praise (1)' })).toBeTruthy());
    expect(screen.getByRole('option', { name: 'Complaint (2)' })).toBeTruthy();
    expect(screen.getByRole('option', { name: /Delivery/ })).toBeTruthy();
  });
});
