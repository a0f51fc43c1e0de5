// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { pagesForRange } from '../../renderer/src/views/inbox/useThreadList.ts';
import { extend, isPicked, NO_SELECTION, selectAll, targetOf, toggle } from '../../renderer/src/views/inbox/selection.ts';
import { changedValues, customerPreview, formFromSettings, staffPreview, valuesFromForm } from '../../renderer/src/views/settings/settings-form.ts';
import { checkPassed } from '../../renderer/src/views/site/ExportCheck.tsx';
import { activeFilterCount, EMPTY_FILTERS, toThreadQuery, withFilter } from '../../renderer/src/views/inbox/filters.ts';
import { parseRoute, routeHash } from '../../renderer/src/app/route.ts';
import type { Route } from '../../renderer/src/app/route.ts';
import { segments, selectionOffsets } from '../../renderer/src/views/thread/highlight.ts';
import { nextTheme, applyTheme } from '../../renderer/src/app/theme.ts';
import { progressRatio, progressText } from '../../renderer/src/components/ProgressBar.tsx';
import { excerpt, formatBytes, stars } from '../../renderer/src/lib/format.ts';
import { pickTransport, shareProgress } from '../../renderer/src/api.ts';
import { menuCommandOf, menuEvent } from '../../electron/shared/menu.ts';

describe('inbox paging', () => {
  it.each([
    [0, 20, 1000, [0]],
    [90, 110, 1000, [0, 1]],
    [950, 1020, 1000, [9]],
    [0, 10, 0, []],
    [99_950, 100_010, 100_000, [999]],
  ])('rows %i-%i of %i need pages %j', (start, end, total, pages) => {
    expect(pagesForRange(start, end, total)).toEqual(pages);
  });

});

describe('choosing several conversations', () => {
  const ids = ['t0', 't1', 't2', 't3', 't4'];
  it('toggles one, adds a range with Shift from the last one picked, and selects all matching', () => {
    let s = toggle(NO_SELECTION, 't1', 1);
    expect([...s.ids]).toEqual(['t1']);
    s = extend(s, 3, (i) => ids[i]);
    expect([...s.ids].sort()).toEqual(['t1', 't2', 't3']);
    s = toggle(s, 't2', 2);
    expect([...s.ids].sort()).toEqual(['t1', 't3']);
    expect(isPicked(s, 't3')).toBe(true);
    expect(isPicked(selectAll(), 'anything')).toBe(true);
  });

  it('asks the core for the ids picked, or for the filters (not 10,000 ids) when all matching are chosen', () => {
    const q = { sort: 'date' as const, order: 'desc' as const, kind: 'complaint' as const, unreviewed: true };
    expect(targetOf(toggle(NO_SELECTION, 't1', 1), q)).toEqual({ ids: ['t1'] });
    expect(targetOf(selectAll(), q)).toEqual({ query: { kind: 'complaint', unreviewed: true } });
  });
});

describe('workspace settings form', () => {
  const saved = {
    defaultCountry: 'GB', customerPseudonym: 'location', customerLabel: 'Customer', customerLocationFormat: 'Customer in {location}', staffNaming: 'role',
    staffLabel: 'Support team', systemLabel: 'Automated message', defaultDecision: 'pending', requirePiiHandled: false, accountPatterns: [], companyPostcodes: [],
    companyAddresses: [], companyDomains: ['acme.com'], companyPhones: [], topicRules: { Delivery: ['parcel', 'courier*'] }, evidenceMaxMb: 100,
  } as const;
  it('round-trips the saved settings and sends only what changed', () => {
    const f = formFromSettings({ ...saved, accountPatterns: [], companyPostcodes: [], companyAddresses: [], companyDomains: ['acme.com'], companyPhones: [], topicRules: { Delivery: ['parcel', 'courier*'] } });
    expect(valuesFromForm(f)).toMatchObject({ companyDomains: ['acme.com'], topicRules: { Delivery: ['parcel', 'courier*'] } });
    expect(changedValues(f, { ...saved } as never)).toEqual({});
    const edited = { ...f, staffNaming: 'name' as const, companyDomains: 'acme.com\n acme.co.uk \n', topics: [...f.topics, { name: 'Refunds', keywords: 'refund*, money back' }] };
    expect(changedValues(edited, { ...saved } as never)).toEqual({ staffNaming: 'name', companyDomains: ['acme.com', 'acme.co.uk'], topicRules: { Delivery: ['parcel', 'courier*'], Refunds: ['refund*', 'money back'] } });
  });
  it('previews how a customer and a member of staff will be named', () => {
    const f = formFromSettings(saved as never);
    expect(customerPreview(f)).toBe('Customer in Leeds');
    expect(customerPreview({ ...f, customerPseudonym: 'initial' })).toBe('J.');
    expect(customerPreview({ ...f, customerPseudonym: 'anonymous', customerLabel: 'A customer' })).toBe('A customer');
    expect(staffPreview(f)).toBe('Support team');
    expect(staffPreview({ ...f, staffNaming: 'name' })).toBe('Sam Patel');
  });
});

describe('the check before export', () => {
  it('lets the export start only once anything needing attention has been acknowledged', () => {
    const items = [{ id: 'pending', tone: 'attention' as const, title: '', detail: '', count: 2, link: 'inbox-pending' as const }];
    expect(checkPassed(undefined, true)).toBe(false);
    expect(checkPassed({ items: [], published: 1, withheld: 0, pending: 0 }, false)).toBe(true);
    expect(checkPassed({ items, published: 1, withheld: 0, pending: 2 }, false)).toBe(false);
    expect(checkPassed({ items, published: 1, withheld: 0, pending: 2 }, true)).toBe(true);
    expect(checkPassed({ items: [{ ...items[0]!, tone: 'note' }], published: 1, withheld: 0, pending: 0 }, false)).toBe(true);
  });
});

describe('inbox filters', () => {
  it('turns the filters into the core query, dates as whole UTC days', () => {
    const f = { ...EMPTY_FILTERS, query: '  refund ', kind: 'complaint' as const, from: '2026-01-01', to: '2026-01-31', unreviewedPii: true, topic: 'Delivery', rating: 1 };
    expect(toThreadQuery(f)).toEqual({ sort: 'date', order: 'desc', query: 'refund', kind: 'complaint', topic: 'Delivery', rating: 1, from: '2026-01-01T00:00:00.000Z', to: '2026-01-31T23:59:59.999Z', unreviewed: true });
    expect(toThreadQuery(EMPTY_FILTERS)).toEqual({ sort: 'date', order: 'desc' });
  });

  it('counts active filters and clears one with an empty value', () => {
    let f = withFilter(EMPTY_FILTERS, 'kind', 'praise');
    f = withFilter(f, 'rating', 5);
    expect(activeFilterCount(f)).toBe(2);
    f = withFilter(f, 'kind', '');
    expect(f.kind).toBeUndefined();
    expect(activeFilterCount(withFilter(f, 'unreviewedPii', false))).toBe(1);
  });
});

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { view: 'inbox' }],
    ['#/inbox', { view: 'inbox' }],
    ['#/inbox/t_abc%2F1', { view: 'inbox', threadId: 't_abc/1' }],
    ['#/claims/CL-1', { view: 'claims', claimId: 'CL-1' }],
    ['#/site/export', { view: 'site', tab: 'export' }],
    ['#/audit', { view: 'audit' }],
    ['#/settings', { view: 'settings' }],
    ['#/help', { view: 'help' }],
    ['#/review/pending', { view: 'inbox', filter: 'pending' }],
    ['#/review/unreviewed', { view: 'inbox', filter: 'unreviewed' }],
    ['#/nonsense', { view: 'inbox' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(routeHash(route))).toEqual(route);
  });
});

describe('highlighted text', () => {
  const text = 'Call me on 07700 900123 or mail jo@example.com';
  it('cuts the text at the marks and keeps every character', () => {
    const segs = segments(text, [
      { id: 'b', start: 32, end: 46, tone: 'accepted', label: 'email' },
      { id: 'a', start: 11, end: 23, tone: 'pending', label: 'phone' },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.mark).map((s) => [s.text, s.mark!.id])).toEqual([['07700 900123', 'a'], ['jo@example.com', 'b']]);
  });
  it('clips overlaps and ignores marks outside the text', () => {
    const segs = segments('abcdefgh', [
      { id: 'x', start: 1, end: 5, tone: 'manual', label: '' },
      { id: 'y', start: 3, end: 7, tone: 'pending', label: '' },
      { id: 'z', start: 20, end: 30, tone: 'pending', label: '' },
    ]);
    expect(segs.map((s) => [s.text, s.mark?.id ?? null])).toEqual([['a', null], ['bcde', 'x'], ['fg', 'y'], ['h', null]]);
    expect(segments('', [])).toEqual([{ text: '', start: 0 }]);
  });
  it('measures a selection in the text, across marks', () => {
    document.body.innerHTML = '<div id="c">Call me on <mark>07700 900123</mark> or mail</div>';
    const c = document.getElementById('c')!;
    const mark = c.querySelector('mark')!;
    const range = document.createRange();
    range.setStart(c.firstChild!, 5);
    range.setEnd(mark.firstChild!, 5);
    expect(selectionOffsets(c, range)).toEqual({ start: 5, end: 16 });
    expect(c.textContent!.slice(5, 16)).toBe('me on 07700');
    const outside = document.createRange();
    outside.selectNodeContents(document.body);
    expect(selectionOffsets(c, outside)).toBeNull();
  });
});

describe('small helpers', () => {
  it('cycles and applies the theme', () => {
    expect([nextTheme('system'), nextTheme('light'), nextTheme('dark')]).toEqual(['light', 'dark', 'system']);
    applyTheme('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    applyTheme('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
  it('describes progress', () => {
    expect(progressRatio({ done: 5, total: 0 })).toBeNull();
    expect(progressRatio({ done: 50, total: 100 })).toBe(0.5);
    expect(progressText({ job: 'import', phase: 'a', done: 1024, total: 2048, unit: 'bytes', message: '3 records' })).toBe('1.0 KB of 2.0 KB · 3 records');
  });
  it('formats', () => {
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(excerpt('a  b\n c', 10)).toBe('a b c');
    expect(excerpt('x'.repeat(20), 10)).toHaveLength(10);
    expect(stars(2)).toBe('★★☆☆☆');
  });
  it('carries menu commands on the progress stream and nothing else', () => {
    expect(menuCommandOf(menuEvent('open-recent', '/ws'))).toEqual({ command: 'open-recent', detail: '/ws' });
    expect(menuCommandOf({ job: 'menu', phase: 'rm -rf', done: 0, total: 0, unit: 'records' })).toBeNull();
    expect(menuCommandOf({ job: 'import', phase: 'import', done: 0, total: 0, unit: 'records' })).toBeNull();
  });
  it('shares one progress subscription, opened at start, between all listeners', () => {
    let opened = 0;
    let emit: (e: { job: string; phase: string; done: number; total: number; unit: 'records' }) => void = () => undefined;
    const shared = shareProgress({ invoke: async () => ({ ok: true, value: null }), onProgress: (l) => { opened++; emit = l; return () => undefined; } });
    expect(opened).toBe(1);
    const a: number[] = [];
    const b: number[] = [];
    const offA = shared.onProgress((e) => a.push(e.done));
    shared.onProgress((e) => b.push(e.done));
    emit({ job: 'import', phase: 'x', done: 1, total: 2, unit: 'records' });
    offA();
    emit({ job: 'import', phase: 'x', done: 2, total: 2, unit: 'records' });
    expect([a, b, opened]).toEqual([[1], [1, 2], 1]);
  });

  it('picks the preload transport, else the injected token, else none', () => {
    expect(pickTransport(window)).toBeNull();
    const meta = document.createElement('meta');
    meta.name = 'candor-api-token';
    meta.content = 'tok';
    document.head.append(meta);
    expect(pickTransport(window)).not.toBeNull();
    const preload = { invoke: async () => ({ ok: true as const, value: null }), onProgress: () => () => undefined };
    (window as unknown as { candor: unknown }).candor = preload;
    expect(pickTransport(window)).toBe(preload);
    delete (window as unknown as { candor?: unknown }).candor;
    meta.remove();
  });
});
