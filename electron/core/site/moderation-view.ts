import type { DatabaseSync } from 'node:sqlite';
import type { ModerationReport, PeriodStats } from '../../shared/curation/stats.ts';
import { THREAD_KINDS, WITHHOLD_REASONS } from '../../shared/model/thread.ts';
import { biasCheck } from './bias-check.ts';
import { monthLabel } from './format.ts';
import { KIND_LABELS, KIND_ORDER, REASONS } from './labels.ts';

// The moderation report's shape: what is held back and what waits, by kind and by rating, how long the oldest
// pending conversation has waited, the publication-bias check, and (a workspace setting, on by default) a public
// placeholder for each held-back conversation: its month, kind, rating and reason, never its text.

/** meta key: 'off' turns the placeholders off; anything else (or nothing) keeps them on. */
export const PLACEHOLDERS_KEY = 'site.withheld-placeholders';

export function placeholdersEnabled(db: DatabaseSync): boolean {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(PLACEHOLDERS_KEY) as { value: string } | undefined;
  return row?.value.trim().toLowerCase() !== 'off';
}

export type Placeholder = { month: string; monthLabel: string; kind: string; rating: string; reason: string };

/** One row per held-back conversation, newest month first: no id, no text, nothing a reader could trace to a person. */
export function withheldPlaceholders(db: DatabaseSync): Placeholder[] {
  const rows = db.prepare("SELECT substr(opened_at, 1, 7) AS month, kind, rating, decision_reason AS reason FROM threads WHERE decision = 'withhold' ORDER BY opened_at DESC, kind, rating, decision_reason").all() as { month: string; kind: string; rating: number | null; reason: string | null }[];
  return rows.map((r) => {
    const reason = r.reason && (WITHHOLD_REASONS as readonly string[]).includes(r.reason) ? r.reason : 'other';
    return {
      month: r.month, monthLabel: monthLabel(r.month, true), kind: KIND_LABELS[r.kind as keyof typeof KIND_LABELS]?.one ?? r.kind,
      rating: r.rating === null ? 'No rating' : `${r.rating} ${r.rating === 1 ? 'star' : 'stars'}`, reason: REASONS[reason]!.label,
    };
  });
}

const RATING_ROWS = [['5', '5 stars'], ['4', '4 stars'], ['3', '3 stars'], ['2', '2 stars'], ['1', '1 star'], ['none', 'No rating']] as const;

/** Whole days from `from` to `to` (ISO dates), or null. */
function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const d = Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return Number.isFinite(d) ? Math.max(0, d) : null;
}

/** The shape tables and the bias check. `asOf`: the build's date (the data's last change), never the clock. */
export function moderationShape(overall: PeriodStats, mod: ModerationReport, asOf: string | null): Record<string, unknown> {
  const byKind = KIND_ORDER.filter((k) => THREAD_KINDS.includes(k)).map((k) => ({
    label: KIND_LABELS[k].many, received: overall.byKind[k] ?? 0, published: mod.publishedByKind[k] ?? 0, withheld: mod.withheldByKind[k] ?? 0, pending: mod.pendingByKind[k] ?? 0,
  }));
  const byRating = RATING_ROWS.map(([key, label]) => ({
    label, received: overall.byRating[key] ?? 0, published: mod.publishedByRating[key] ?? 0, withheld: mod.withheldByRating[key] ?? 0, pending: mod.pendingByRating[key] ?? 0,
  }));
  return {
    byKind, byRating,
    oldestPendingSince: mod.oldestPendingSince,
    oldestPendingDays: daysBetween(mod.oldestPendingSince, asOf),
    bias: biasCheck(overall, mod),
  };
}
