import { describe, expect, it, vi } from 'vitest';
import type { ProgressEvent } from '../../electron/shared/contract.ts';

vi.mock('electron', () => ({}));

const { restoreBounds, DEFAULT_SIZE, MIN_SIZE } = await import('../../electron/main/window-state.ts');
const { throttleProgress } = await import('../../electron/main/progress.ts');

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window bounds', () => {
  it('restores saved bounds that are on a screen', () => {
    expect(restoreBounds({ x: 100, y: 80, width: 1200, height: 800 }, screen)).toEqual({ x: 100, y: 80, width: 1200, height: 800 });
  });
  it('centres the window (no position) when the saved place is off every screen', () => {
    expect(restoreBounds({ x: 5000, y: 80, width: 1200, height: 800 }, screen)).toEqual({ width: 1200, height: 800 });
  });
  it('uses the defaults the first time and never goes below the minimum size', () => {
    expect(restoreBounds(undefined, screen)).toEqual(DEFAULT_SIZE);
    expect(restoreBounds({ width: 10, height: 10 }, screen)).toEqual(MIN_SIZE);
  });
  it('accepts a second monitor', () => {
    expect(restoreBounds({ x: 2000, y: 0, width: 1000, height: 700 }, [...screen, { x: 1920, y: 0, width: 1920, height: 1080 }])).toMatchObject({ x: 2000 });
  });
});

describe('progress to the window', () => {
  const ev = (done: number, total = 100, phase = 'a.json'): ProgressEvent => ({ job: 'import', phase, done, total, unit: 'bytes' });
  it('passes at most one event per interval, but always the first, a new phase, and the last', () => {
    let now = 0;
    const sent: ProgressEvent[] = [];
    const forward = throttleProgress((e) => sent.push(e), 100, () => now);
    forward(ev(1));
    now = 10; forward(ev(2));
    now = 50; forward(ev(3));
    now = 120; forward(ev(4));
    now = 125; forward(ev(5, 100, 'b.json'));
    now = 126; forward(ev(100, 100, 'b.json'));
    expect(sent.map((e) => e.done)).toEqual([1, 4, 5, 100]);
  });
});
