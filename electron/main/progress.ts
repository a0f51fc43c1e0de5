import type { ProgressEvent } from '../shared/contract.ts';

/**
 * Forwards core progress to the window at most every `intervalMs` per job, always passing the first event of a
 * phase and the last one (done = total), so a fast import cannot flood IPC but the bar always ends full.
 */
export function throttleProgress(send: (event: ProgressEvent) => void, intervalMs = 100, now: () => number = Date.now): (event: ProgressEvent) => void {
  const last = new Map<string, { at: number; phase: string }>();
  return (event) => {
    const prev = last.get(event.job);
    const t = now();
    const finished = event.total > 0 && event.done >= event.total;
    if (!prev || prev.phase !== event.phase || finished || t - prev.at >= intervalMs) {
      last.set(event.job, { at: t, phase: event.phase });
      send(event);
    }
  };
}
