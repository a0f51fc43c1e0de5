// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { PageCache, pagesForRange } from '../../renderer/src/views/inbox/page-cache.ts';
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

  it('asks for a page once, keeps rows, and patches one in place', () => {
    const cache = new PageCache<{ id: string; n: number }>(10);
    expect(cache.claimMissing(0, 15, 100)).toEqual([0, 1]);
    expect(cache.claimMissing(0, 15, 100)).toEqual([]);
    cache.put(0, Array.from({ length: 10 }, (_, i) => ({ id: `t${i}`, n: i })));
    cache.failed(1);
    expect(cache.claimMissing(0, 15, 100)).toEqual([1]);
    expect(cache.get(3)).toEqual({ id: 't3', n: 3 });
    expect(cache.get(13)).toBeUndefined();
    expect(cache.update((r) => r.id === 't3', (r) => ({ ...r, n: 99 }))).toBe(true);
    expect(cache.get(3)!.n).toBe(99);
    expect(cache.indexOf((r) => r.id === 't7')).toBe(7);
    cache.clear();
    expect(cache.get(3)).toBeUndefined();
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
