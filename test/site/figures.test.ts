import { describe, expect, it } from 'vitest';
import { computeStats } from '../../electron/shared/curation/stats.ts';
import type { StatThread } from '../../electron/shared/curation/stats.ts';
import { filledMonths, headlineFigures, monthsBetween } from '../../electron/core/site/figures.ts';
import { trendChart } from '../../electron/core/site/chart.ts';
import { readLocale, textOf } from '../../electron/core/site/i18n.ts';
import type { ThreadKind } from '../../electron/shared/model/thread.ts';

// The headline figures must be the unflattering-if-true ones: praise (which needs no reply) never lifts a response
// or resolution rate, complaints come first, and every figure says where it is defined and what data it comes from.

function thread(kind: ThreadKind, o: { replied?: boolean; resolved?: boolean; month?: string } = {}): StatThread {
  const day = `${o.month ?? '2026-03'}-10`;
  return {
    kind, status: o.resolved ? 'resolved' : 'open', rating: null, source: 'zendesk', openedAt: `${day}T09:00:00.000Z`, resolvedAt: o.resolved ? `${day}T15:00:00.000Z` : null,
    decision: 'publish', decisionReason: null, firstCustomerAt: `${day}T09:00:00.000Z`, firstStaffReplyAt: o.replied ? `${day}T10:00:00.000Z` : null,
  };
}

function times<T>(n: number, f: () => T): T[] {
  return Array.from({ length: n }, f);
}

describe('headline figures', () => {
  // The case: many praise threads resolved without a reply would make "resolved" look better than handling is.
  const threads = [
    ...times(4, () => thread('complaint', { replied: true, resolved: true })),
    ...times(6, () => thread('complaint', { replied: false, resolved: false })),
    ...times(3, () => thread('question', { replied: true, resolved: true })),
    ...times(1, () => thread('question', { replied: true, resolved: false })),
    ...times(20, () => thread('praise', { replied: false, resolved: true })),
  ];
  const stats = computeStats(threads);
  const groups = headlineFigures(stats.overall);
  const byId = new Map(groups.flatMap((g) => g.figures).map((f) => [f.id, f]));

  it('lead with complaints, then complaints and questions, then praise apart', () => {
    expect(groups.map((g) => g.id)).toEqual(['complaints', 'needs-reply', 'praise']);
    expect(groups[0]!.figures[0]!.id).toBe('complaints-received');
  });

  it('count reply and resolution rates over complaints and questions only, never praise', () => {
    // Over everything, 27 of 34 are resolved (79%): the praise flatters it. Over complaints and questions, 7 of 14.
    expect(stats.overall.all.shareResolved).toBeCloseTo(27 / 34, 3);
    expect(byId.get('needs-reply-resolved')!.value).toBe('50%');
    expect(byId.get('needs-reply-replied')!.value).toBe('57%');
    expect(byId.get('complaints-resolved')!.value).toBe('40%');
    expect(byId.get('complaints-replied')!.detail).toBe('4 of 10 complaints in which the customer wrote');
    expect(byId.get('praise-received')!.value).toBe('20');
    expect(byId.get('praise-replied')!.value).toBe('0%');
  });

  it('each link to a definition on the methodology page and to the open-data columns they come from', () => {
    for (const f of byId.values()) {
      expect(f.definition).toMatch(/^def-/);
      expect(f.columns.length).toBeGreaterThan(0);
    }
    expect(byId.get('complaints-resolved')!.columns.map((c) => c.anchor)).toEqual(['col-threads-kind', 'col-threads-status', 'col-threads-opened-at', 'col-threads-resolved-at']);
    expect(byId.get('needs-reply-replied')!.columns.map((c) => `${c.file} ${c.name}`)).toContain('messages.csv role');
  });

  it('say "—", not 0%, when there is nothing to count', () => {
    const empty = headlineFigures(computeStats([thread('praise')]).overall);
    const f = new Map(empty.flatMap((g) => g.figures).map((x) => [x.id, x]));
    expect(f.get('complaints-replied')!.value).toBe('—');
    expect(f.get('complaints-replied')!.detail).toBe('no complaints in which the customer wrote');
    expect(f.get('complaints-received')!.detail).toBe('0% of the 1 conversation we received');
  });
});

describe('months in charts', () => {
  it.each([
    ['2025-11', '2026-02', ['2025-11', '2025-12', '2026-01', '2026-02']],
    ['2026-03', '2026-03', ['2026-03']],
  ])('from %s to %s', (a, b, want) => {
    expect(monthsBetween(a, b)).toEqual(want);
  });

  it('keep an empty month as empty instead of closing the gap', () => {
    const stats = computeStats([thread('complaint', { month: '2026-01' }), thread('praise', { month: '2026-04' })]);
    const rows = stats.byMonth.map((m) => ({ month: m.month, threads: m.all.threads }));
    const months = filledMonths(rows, (month) => ({ month, threads: 0 }), 24);
    expect(months).toEqual([{ month: '2026-01', threads: 1 }, { month: '2026-02', threads: 0 }, { month: '2026-03', threads: 0 }, { month: '2026-04', threads: 1 }]);
    expect(filledMonths(rows, (month) => ({ month, threads: 0 }), 2).map((m) => m.month)).toEqual(['2026-03', '2026-04']);
  });

  // At 390 px the wide drawing is scaled to half its size, labels and all: phones get a compact drawing of their own.
  it('draw a compact chart for phones: a label every few months, the year where it changes, empty months empty', () => {
    const months = monthsBetween('2025-02', '2026-06');
    const points = months.map((month, i) => ({ month, complaints: i === 3 ? 0 : 2, other: i === 3 ? 0 : 3, resolvedShare: null }));
    const html = trendChart(points, 'trend', textOf({ lang: 'de', messages: readLocale('de') })).html;
    const [wide, compact] = html.split('</svg>');
    expect(wide).toContain('class="chart chart-trend chart-wide"');
    expect(compact).toContain('class="chart chart-trend chart-compact"');
    expect(compact).toContain('aria-labelledby="trend-compact-title trend-compact-desc"');
    const labels = (svg: string) => [...svg.matchAll(/<text class="chart-axis" x="[\d.]+"(?: text-anchor="middle")? y="2\d\d">([^<]+)<\/text>/g)].map((m) => m[1]);
    // 17 months: the wide chart labels every second month, the compact one every fourth, the year under its first month.
    expect(labels(wide!)).toHaveLength(9);
    expect(labels(wide!)[0]).toBe('Feb. 2025');
    expect(labels(compact!)).toEqual(['Feb', '2025', 'Jun', 'Okt', 'Feb', '2026', 'Jun']);
    // The empty fourth month keeps its slot and draws nothing: 16 months with columns, two bars each.
    expect(compact!.match(/<rect class="chart-complaint" x/g)).toHaveLength(16 + 1);
    expect(compact!.match(/<g><title>/g)).toHaveLength(17);
  });
});
