// Progress towards a target, computed (never typed) from baseline, target and current value, and explained.
import { z } from 'zod';
import type { Claim } from './model.ts';

const PROGRESS_STATUSES = ['on_track', 'behind', 'achieved', 'missed', 'unknown'] as const;
const ProgressStatus = z.enum(PROGRESS_STATUSES);
type ProgressStatus = z.infer<typeof ProgressStatus>;

export const Progress = z.object({
  status: ProgressStatus,
  /** Share of the way from baseline to target, 0..1 (can exceed 1 or be negative); null when unknown. */
  done: z.number().nullable(),
  /** Share of the time from baseline to target that has passed, 0..1; null when unknown. */
  elapsed: z.number().nullable(),
  explanation: z.string(),
});
export type Progress = z.infer<typeof Progress>;

/** A point in time as a fractional year: 2026-07-02 -> ~2026.5. */
function fractionalYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  return y + (Date.UTC(y, m - 1, d) - start) / (end - start);
}

function num(n: number, unit: string | null): string {
  const s = Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en') : String(Math.round(n * 100) / 100);
  if (!unit) return s;
  return unit.startsWith('%') ? `${s}${unit}` : `${s} ${unit}`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** Which of the explanations below applies: the public site words each in its own language from the claim's figures. */
export type ProgressReason = 'no_target' | 'missed_no_value' | 'no_value' | 'met_no_baseline' | 'missed_no_baseline' | 'no_baseline' | 'achieved' | 'missed' | 'on_track' | 'behind';

/**
 * Annual figures stand for the end of their year: a 2019 baseline is where things stood at the end of 2019, and a
 * 2030 target is due by the end of 2030. Progress is on track when the share of the way covered is at least the
 * share of the time elapsed (a straight line from baseline to target).
 */
export function assessProgress(claim: Claim, asOf: string): Progress & { reason: ProgressReason } {
  const { baseline, target, current_value: current, unit } = claim;
  if (!target) return { status: 'unknown', reason: 'no_target', done: null, elapsed: null, explanation: 'No target is recorded, so there is no progress to measure.' };
  const measuredOn = claim.current_as_of ?? asOf;
  const deadline = target.year + 1;
  const now = fractionalYear(asOf);
  const measuredAt = fractionalYear(measuredOn);
  const targetText = `the ${target.year} target of ${num(target.value, unit)}`;
  if (current === null) {
    if (now >= deadline) return { status: 'missed', reason: 'missed_no_value', done: null, elapsed: 1, explanation: `The deadline for ${targetText} has passed and no current value is recorded to show it was met.` };
    return { status: 'unknown', reason: 'no_value', done: null, elapsed: null, explanation: `No current value is recorded, so progress towards ${targetText} cannot be shown.` };
  }
  const asOfText = claim.current_as_of ? ` (as of ${claim.current_as_of})` : '';
  if (!baseline) {
    if (current === target.value) return { status: 'achieved', reason: 'met_no_baseline', done: 1, elapsed: null, explanation: `The current value${asOfText}, ${num(current, unit)}, meets ${targetText}.` };
    if (now >= deadline) return { status: 'missed', reason: 'missed_no_baseline', done: null, elapsed: 1, explanation: `The deadline for ${targetText} has passed; the current value${asOfText} is ${num(current, unit)}.` };
    return { status: 'unknown', reason: 'no_baseline', done: null, elapsed: null, explanation: `No baseline is recorded, so the pace towards ${targetText} cannot be judged; the current value${asOfText} is ${num(current, unit)}.` };
  }
  const span = target.value - baseline.value;
  const done = span === 0 ? (current === target.value ? 1 : 0) : (current - baseline.value) / span;
  const start = baseline.year + 1;
  const elapsed = deadline > start ? Math.min(1, Math.max(0, (measuredAt - start) / (deadline - start))) : 1;
  const from = `from the ${baseline.year} baseline of ${num(baseline.value, unit)}`;
  const where = `The current value${asOfText} is ${num(current, unit)}: ${pct(Math.max(done, 0))} of the way ${from} to ${targetText}`;
  if (done >= 1) return { status: 'achieved', reason: 'achieved', done, elapsed, explanation: `${where}. The target is achieved.` };
  if (now >= deadline) return { status: 'missed', reason: 'missed', done, elapsed: 1, explanation: `${where}, and the deadline (end of ${target.year}) has passed. The target was missed.` };
  if (done >= elapsed - 0.005) return { status: 'on_track', reason: 'on_track', done, elapsed, explanation: `${where}, with ${pct(elapsed)} of the time gone. On track.` };
  return { status: 'behind', reason: 'behind', done, elapsed, explanation: `${where}, but ${pct(elapsed)} of the time has gone. Behind.` };
}

/** Progress as the app and the CLI show it (the explanation in English). */
export function computeProgress(claim: Claim, asOf: string): Progress {
  const { status, done, elapsed, explanation } = assessProgress(claim, asOf);
  return { status, done, elapsed, explanation };
}
