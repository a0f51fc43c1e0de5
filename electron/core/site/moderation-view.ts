import type { DatabaseSync } from 'node:sqlite';
import type { ModerationReport, PeriodStats } from '../../shared/curation/stats.ts';
import { THREAD_KINDS, WITHHOLD_REASONS } from '../../shared/model/thread.ts';
import { biasCheck } from './bias-check.ts';
import { englishText, ratingLabel } from './i18n.ts';
import type { SiteText } from './i18n.ts';
import { KIND_ORDER } from './labels.ts';

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
export function withheldPlaceholders(db: DatabaseSync, tx: SiteText = englishText()): Placeholder[] {
  const rows = db.prepare("SELECT substr(opened_at, 1, 7) AS month, kind, rating, decision_reason AS reason FROM threads WHERE decision = 'withhold' ORDER BY opened_at DESC, kind, rating, decision_reason").all() as { month: string; kind: string; rating: number | null; reason: string | null }[];
  return rows.map((r) => {
    const reason = r.reason && (WITHHOLD_REASONS as readonly string[]).includes(r.reason) ? r.reason : 'other';
    return {
      month: r.month, monthLabel: tx.month(r.month, true), kind: tx.has(`kind.${r.kind}`) ? tx.text(`kind.${r.kind}`) : r.kind,
      rating: ratingLabel(tx, r.rating), reason: tx.text(`reason.${reason}.label`),
    };
  });
}

const RATING_ROWS = ['5', '4', '3', '2', '1', 'none'] as const;

/** Whole days from `from` to `to` (ISO dates), or null. */
function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const d = Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return Number.isFinite(d) ? Math.max(0, d) : null;
}

/** The shape tables and the bias check. `asOf`: the build's date (the data's last change), never the clock. */
export function moderationShape(overall: PeriodStats, mod: ModerationReport, asOf: string | null, tx: SiteText = englishText()): Record<string, unknown> {
  const byKind = KIND_ORDER.filter((k) => THREAD_KINDS.includes(k)).map((k) => ({
    label: tx.text(`kinds.${k}`), received: overall.byKind[k] ?? 0, published: mod.publishedByKind[k] ?? 0, withheld: mod.withheldByKind[k] ?? 0, pending: mod.pendingByKind[k] ?? 0,
  }));
  const byRating = RATING_ROWS.map((key) => ({
    label: ratingLabel(tx, key === 'none' ? null : Number(key)), received: overall.byRating[key] ?? 0, published: mod.publishedByRating[key] ?? 0, withheld: mod.withheldByRating[key] ?? 0, pending: mod.pendingByRating[key] ?? 0,
  }));
  return {
    byKind, byRating,
    oldestPendingSince: mod.oldestPendingSince,
    oldestPendingDays: daysBetween(mod.oldestPendingSince, asOf),
    bias: biasCheck(overall, mod, undefined, tx),
  };
}
