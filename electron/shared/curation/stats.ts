import { z } from 'zod';
import { THREAD_KINDS, THREAD_STATUSES, WITHHOLD_REASONS } from '../model/thread.ts';
import type { Decision, ThreadKind, ThreadStatus } from '../model/thread.ts';

/** One thread as the statistics see it: no text, no personal data. */
export type StatThread = {
  kind: ThreadKind;
  status: ThreadStatus;
  rating: number | null;
  source: string;
  openedAt: string;
  resolvedAt: string | null;
  decision: Decision;
  decisionReason: string | null;
  /** The first message from the customer, if any. */
  firstCustomerAt: string | null;
  /** The first public staff message at or after the customer's first message (internal notes are not replies). */
  firstStaffReplyAt: string | null;
  /** The thread's latest message: the newest data the statistics hold. */
  lastActivityAt?: string;
  /** When it was imported: a pending thread has waited for review since then. */
  importedAt?: string;
};

/**
 * The kinds that ask something of the company: a reply and a resolution. Praise needs neither, so counting it in a
 * response or resolution rate would flatter the rate; it is reported apart.
 */
export const NEEDS_REPLY_KINDS: readonly ThreadKind[] = ['complaint', 'question'];

const Counts = z.record(z.string(), z.number().int());

export const Metrics = z.object({
  threads: z.number().int(),
  /** Threads in which the customer wrote (the base of the response rate). */
  awaitingReply: z.number().int(),
  responded: z.number().int(),
  responseRate: z.number().nullable(),
  medianFirstReplySeconds: z.number().int().nullable(),
  resolved: z.number().int(),
  shareResolved: z.number().nullable(),
  medianResolutionSeconds: z.number().int().nullable(),
});
export type Metrics = z.infer<typeof Metrics>;

export const ModerationReport = z.object({
  imported: z.number().int(),
  published: z.number().int(),
  withheld: z.number().int(),
  withheldByReason: Counts,
  pending: z.number().int(),
  /** The shape of each decision: by kind and by rating ('none' for unrated), so a reader sees what is held back. */
  publishedByKind: Counts,
  publishedByRating: Counts,
  withheldByKind: Counts,
  withheldByRating: Counts,
  pendingByKind: Counts,
  pendingByRating: Counts,
  /** When the longest-waiting pending thread was imported (null: nothing pending). */
  oldestPendingSince: z.string().nullable(),
});
export type ModerationReport = z.infer<typeof ModerationReport>;

export const PeriodStats = z.object({
  byKind: Counts,
  byStatus: Counts,
  byRating: Counts,
  bySource: Counts,
  all: Metrics,
  complaints: Metrics,
  /** Complaints and questions: what the headline response and resolution rates are computed over. */
  needsReply: Metrics,
  /** Praise, reported apart (it needs no reply and no resolution). */
  praise: Metrics,
  moderation: ModerationReport,
});
export type PeriodStats = z.infer<typeof PeriodStats>;

export const Stats = z.object({
  /** Statistics are over every imported thread, published or not: what was held back still counts. */
  scope: z.literal('all-imported-threads'),
  note: z.string(),
  /** The newest opening date counted: "last updated" comes from the data, never from the clock. */
  dataUpTo: z.string().nullable(),
  /** The newest message counted (the latest activity of any thread): the date of the newest data. */
  newestData: z.string().nullable(),
  overall: PeriodStats,
  byMonth: z.array(PeriodStats.extend({ month: z.string() })),
});
export type Stats = z.infer<typeof Stats>;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function seconds(from: string, to: string): number | null {
  const d = (Date.parse(to) - Date.parse(from)) / 1000;
  return Number.isFinite(d) && d >= 0 ? d : null;
}

function ratio(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 10_000) / 10_000;
}

function roundOrNull(v: number | null): number | null {
  return v === null ? null : Math.round(v);
}

/**
 * Each thread's reply and resolution times, worked out once: every thread counts in the overall figures and its
 * month's, for all threads and for complaints, and parsing its dates four times cost half a second at 100,000.
 */
const durationCache = new WeakMap<StatThread, { reply: number | null; resolution: number | null }>();
function durations(t: StatThread): { reply: number | null; resolution: number | null } {
  let d = durationCache.get(t);
  if (!d) {
    d = {
      reply: t.firstCustomerAt && t.firstStaffReplyAt ? seconds(t.firstCustomerAt, t.firstStaffReplyAt) : null,
      resolution: t.status === 'resolved' && t.resolvedAt ? seconds(t.openedAt, t.resolvedAt) : null,
    };
    durationCache.set(t, d);
  }
  return d;
}

export function metrics(threads: readonly StatThread[]): Metrics {
  const replyTimes: number[] = [];
  const resolutionTimes: number[] = [];
  let awaiting = 0;
  let responded = 0;
  let resolved = 0;
  for (const t of threads) {
    if (t.firstCustomerAt) {
      awaiting++;
      if (t.firstStaffReplyAt) {
        responded++;
        const s = durations(t).reply;
        if (s !== null) replyTimes.push(s);
      }
    }
    if (t.status === 'resolved') {
      resolved++;
      if (t.resolvedAt) {
        const s = durations(t).resolution;
        if (s !== null) resolutionTimes.push(s);
      }
    }
  }
  return {
    threads: threads.length,
    awaitingReply: awaiting,
    responded,
    responseRate: ratio(responded, awaiting),
    medianFirstReplySeconds: roundOrNull(median(replyTimes)),
    resolved,
    shareResolved: ratio(resolved, threads.length),
    medianResolutionSeconds: roundOrNull(median(resolutionTimes)),
  };
}

function zeroCounts(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function sortedCounts(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

const RATING_KEYS = ['1', '2', '3', '4', '5', 'none'];

export function moderationReport(threads: readonly StatThread[]): ModerationReport {
  const byReason = zeroCounts(WITHHOLD_REASONS);
  const shape = { publish: [zeroCounts(THREAD_KINDS), zeroCounts(RATING_KEYS)], withhold: [zeroCounts(THREAD_KINDS), zeroCounts(RATING_KEYS)], pending: [zeroCounts(THREAD_KINDS), zeroCounts(RATING_KEYS)] } as const;
  let published = 0;
  let withheld = 0;
  let pending = 0;
  let oldestPendingSince: string | null = null;
  for (const t of threads) {
    const [byKind, byRating] = shape[t.decision];
    bump(byKind, t.kind);
    bump(byRating, t.rating === null ? 'none' : String(t.rating));
    if (t.decision === 'publish') published++;
    else if (t.decision === 'pending') {
      pending++;
      const since = t.importedAt ?? t.openedAt;
      if (oldestPendingSince === null || since < oldestPendingSince) oldestPendingSince = since;
    } else {
      withheld++;
      bump(byReason, t.decisionReason && (WITHHOLD_REASONS as readonly string[]).includes(t.decisionReason) ? t.decisionReason : 'other');
    }
  }
  return {
    imported: threads.length, published, withheld, withheldByReason: byReason, pending,
    publishedByKind: shape.publish[0], publishedByRating: shape.publish[1], withheldByKind: shape.withhold[0], withheldByRating: shape.withhold[1],
    pendingByKind: shape.pending[0], pendingByRating: shape.pending[1], oldestPendingSince,
  };
}

export function periodStats(threads: readonly StatThread[]): PeriodStats {
  const byKind = zeroCounts(THREAD_KINDS);
  const byStatus = zeroCounts(THREAD_STATUSES);
  const byRating = zeroCounts(RATING_KEYS);
  const bySource: Record<string, number> = {};
  for (const t of threads) {
    bump(byKind, t.kind);
    bump(byStatus, t.status);
    bump(byRating, t.rating === null ? 'none' : String(t.rating));
    bump(bySource, t.source);
  }
  return {
    byKind,
    byStatus,
    byRating,
    bySource: sortedCounts(bySource),
    all: metrics(threads),
    complaints: metrics(threads.filter((t) => t.kind === 'complaint')),
    needsReply: metrics(threads.filter((t) => NEEDS_REPLY_KINDS.includes(t.kind))),
    praise: metrics(threads.filter((t) => t.kind === 'praise')),
    moderation: moderationReport(threads),
  };
}

/** The month a thread belongs to: when it was opened, in UTC. */
export function monthOf(iso: string): string {
  return /^\d{4}-\d{2}/.test(iso) ? iso.slice(0, 7) : 'unknown';
}

export function computeStats(threads: readonly StatThread[]): Stats {
  const months = new Map<string, StatThread[]>();
  let dataUpTo: string | null = null;
  let newestData: string | null = null;
  for (const t of threads) {
    const latest = t.lastActivityAt ?? t.openedAt;
    if (newestData === null || latest > newestData) newestData = latest;
    const m = monthOf(t.openedAt);
    let list = months.get(m);
    if (!list) months.set(m, (list = []));
    list.push(t);
    if (dataUpTo === null || t.openedAt > dataUpTo) dataUpTo = t.openedAt;
  }
  const overall = periodStats(threads);
  const mod = overall.moderation;
  const complaints = overall.byKind.complaint ?? 0;
  return {
    scope: 'all-imported-threads',
    note: `Computed over all ${mod.imported} imported threads (${complaints} complaints), not only the ${mod.published} published: ${mod.withheld} withheld and ${mod.pending} pending review are counted too.`,
    dataUpTo,
    newestData,
    overall,
    byMonth: [...months.keys()].sort().map((month) => ({ month, ...periodStats(months.get(month)!) })),
  };
}

/** "3 h 20 min", "2 d 4 h": durations as people read them. */
export function formatDuration(totalSeconds: number | null): string {
  if (totalSeconds === null) return '—';
  const s = Math.round(totalSeconds);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h${m % 60 ? ` ${m % 60} min` : ''}`;
  const d = Math.floor(h / 24);
  return `${d} d${h % 24 ? ` ${h % 24} h` : ''}`;
}
