import { describe, expect, it } from 'vitest';
import { computeProgress } from '../../electron/shared/claims/progress.ts';
import { claim } from './helpers.ts';

const cut = (current: number | null, over: Parameters<typeof claim>[1] = {}) => claim('We aim to cut emissions 50% by 2030 versus 2019.', {
  category: 'future_target', unit: 'tCO2e', baseline: { value: 1_200_000, year: 2019 }, target: { value: 600_000, year: 2030 }, current_value: current, ...over,
});

describe('computeProgress', () => {
  it.each([
    ['behind: a third of the way, most of the time gone', cut(1_010_000), '2026-10-01', 'behind'],
    ['on track: ahead of the straight line', cut(800_000), '2026-10-01', 'on_track'],
    ['achieved: target reached early', cut(590_000), '2026-10-01', 'achieved'],
    ['missed: deadline passed short of the target', cut(700_000), '2031-02-01', 'missed'],
    ['achieved even after the deadline when reached', cut(600_000), '2032-01-01', 'achieved'],
    ['unknown: no current value yet', cut(null), '2026-10-01', 'unknown'],
    ['missed: deadline passed with no current value', cut(null), '2031-06-01', 'missed'],
    ['unknown: no target', claim('Made with 30% recycled plastic.', { current_value: 30 }), '2026-10-01', 'unknown'],
    ['rising target: on track', claim('On track for 100% recyclable packaging by 2027.', { unit: '%', baseline: { value: 64, year: 2022 }, target: { value: 100, year: 2027 }, current_value: 95 }), '2026-10-01', 'on_track'],
    ['rising target: behind', claim('On track for 100% recyclable packaging by 2027.', { unit: '%', baseline: { value: 64, year: 2022 }, target: { value: 100, year: 2027 }, current_value: 81 }), '2026-10-01', 'behind'],
    ['no baseline: cannot judge pace', claim('Target 100% by 2027.', { unit: '%', target: { value: 100, year: 2027 }, current_value: 81 }), '2026-10-01', 'unknown'],
  ] as const)('%s', (_name, c, asOf, status) => {
    const p = computeProgress(c, asOf);
    expect(p.status).toBe(status);
    expect(p.explanation.length).toBeGreaterThan(20);
  });

  it('explains with the figures and uses the as-of date of the current value', () => {
    const p = computeProgress(cut(1_010_000, { current_as_of: '2025-12-31' }), '2026-10-01');
    expect(p.explanation).toContain('1,010,000 tCO2e');
    expect(p.explanation).toContain('as of 2025-12-31');
    expect(p.explanation).toContain('2030 target of 600,000 tCO2e');
    expect(p.done).toBeCloseTo(190_000 / 600_000, 5);
    // measured at the end of 2025: 6 of the 11 years from end-2019 to end-2030
    expect(p.elapsed).toBeCloseTo(6 / 11, 2);
  });
});
