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
const NEEDS_REPLY_KINDS: readonly ThreadKind[] = ['complaint', 'question'];

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
  // A typed array sorts numbers without a comparator call per pair (the medians of every period, at every build).
  const sorted = Float64Array.from(values).sort();
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

/** A thread's reply and resolution times, worked out once per thread (every thread counts in several figures). */
type Durations = { reply: number | null; resolution: number | null };

function durations(t: StatThread): Durations {
  return {
    reply: t.firstCustomerAt && t.firstStaffReplyAt ? seconds(t.firstCustomerAt, t.firstStaffReplyAt) : null,
    resolution: t.status === 'resolved' && t.resolvedAt ? seconds(t.openedAt, t.resolvedAt) : null,
  };
}

/**
 * The figures of one group of threads, counted as threads are added: the statistics are made in one pass over every
 * thread (overall and its month at once), not one pass per figure and period.
 */
class MetricsCount {
  private threads = 0;
  private awaiting = 0;
  private responded = 0;
  private resolved = 0;
  private readonly replyTimes: number[] = [];
  private readonly resolutionTimes: number[] = [];

  add(t: StatThread, d: Durations): void {
    this.threads++;
    if (t.firstCustomerAt) {
      this.awaiting++;
      if (t.firstStaffReplyAt) {
        this.responded++;
        if (d.reply !== null) this.replyTimes.push(d.reply);
      }
    }
    if (t.status === 'resolved') {
      this.resolved++;
      if (t.resolvedAt && d.resolution !== null) this.resolutionTimes.push(d.resolution);
    }
  }

  result(): Metrics {
    return {
      threads: this.threads,
      awaitingReply: this.awaiting,
      responded: this.responded,
      responseRate: ratio(this.responded, this.awaiting),
      medianFirstReplySeconds: roundOrNull(median(this.replyTimes)),
      resolved: this.resolved,
      shareResolved: ratio(this.resolved, this.threads),
      medianResolutionSeconds: roundOrNull(median(this.resolutionTimes)),
    };
  }
}

export function metrics(threads: readonly StatThread[]): Metrics {
  const m = new MetricsCount();
  for (const t of threads) m.add(t, durations(t));
  return m.result();
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

function ratingKey(t: StatThread): string {
  return t.rating === null ? 'none' : String(t.rating);
}

class ModerationCount {
  private readonly byReason = zeroCounts(WITHHOLD_REASONS);
  private readonly shape = { publish: [zeroCounts(THREAD_KINDS), zeroCounts(RATING_KEYS)], withhold: [zeroCounts(THREAD_KINDS), zeroCounts(RATING_KEYS)], pending: [zeroCounts(THREAD_KINDS), zeroCounts(RATING_KEYS)] } as const;
  private imported = 0;
  private published = 0;
  private withheld = 0;
  private pending = 0;
  private oldestPendingSince: string | null = null;

  add(t: StatThread): void {
    this.imported++;
    const [byKind, byRating] = this.shape[t.decision];
    bump(byKind, t.kind);
    bump(byRating, ratingKey(t));
    if (t.decision === 'publish') this.published++;
    else if (t.decision === 'pending') {
      this.pending++;
      const since = t.importedAt ?? t.openedAt;
      if (this.oldestPendingSince === null || since < this.oldestPendingSince) this.oldestPendingSince = since;
    } else {
      this.withheld++;
      bump(this.byReason, t.decisionReason && (WITHHOLD_REASONS as readonly string[]).includes(t.decisionReason) ? t.decisionReason : 'other');
    }
  }

  result(): ModerationReport {
    const { shape } = this;
    return {
      imported: this.imported, published: this.published, withheld: this.withheld, withheldByReason: this.byReason, pending: this.pending,
      publishedByKind: shape.publish[0], publishedByRating: shape.publish[1], withheldByKind: shape.withhold[0], withheldByRating: shape.withhold[1],
      pendingByKind: shape.pending[0], pendingByRating: shape.pending[1], oldestPendingSince: this.oldestPendingSince,
    };
  }
}

export function moderationReport(threads: readonly StatThread[]): ModerationReport {
  const m = new ModerationCount();
  for (const t of threads) m.add(t);
  return m.result();
}

class PeriodCount {
  private readonly byKind = zeroCounts(THREAD_KINDS);
  private readonly byStatus = zeroCounts(THREAD_STATUSES);
  private readonly byRating = zeroCounts(RATING_KEYS);
  private readonly bySource: Record<string, number> = {};
  private readonly all = new MetricsCount();
  private readonly complaints = new MetricsCount();
  private readonly needsReply = new MetricsCount();
  private readonly praise = new MetricsCount();
  private readonly moderation = new ModerationCount();

  add(t: StatThread, d: Durations): void {
    bump(this.byKind, t.kind);
    bump(this.byStatus, t.status);
    bump(this.byRating, ratingKey(t));
    bump(this.bySource, t.source);
    this.all.add(t, d);
    if (t.kind === 'complaint') this.complaints.add(t, d);
    if (NEEDS_REPLY_KINDS.includes(t.kind)) this.needsReply.add(t, d);
    if (t.kind === 'praise') this.praise.add(t, d);
    this.moderation.add(t);
  }

  result(): PeriodStats {
    return {
      byKind: this.byKind, byStatus: this.byStatus, byRating: this.byRating, bySource: sortedCounts(this.bySource),
      all: this.all.result(), complaints: this.complaints.result(), needsReply: this.needsReply.result(), praise: this.praise.result(),
      moderation: this.moderation.result(),
    };
  }
}

export function periodStats(threads: readonly StatThread[]): PeriodStats {
  const p = new PeriodCount();
  for (const t of threads) p.add(t, durations(t));
  return p.result();
}

/** The month a thread belongs to: when it was opened, in UTC. */
function monthOf(iso: string): string {
  return /^\d{4}-\d{2}/.test(iso) ? iso.slice(0, 7) : 'unknown';
}

export function computeStats(threads: readonly StatThread[]): Stats {
  const overallCount = new PeriodCount();
  const months = new Map<string, PeriodCount>();
  let dataUpTo: string | null = null;
  let newestData: string | null = null;
  for (const t of threads) {
    const latest = t.lastActivityAt ?? t.openedAt;
    if (newestData === null || latest > newestData) newestData = latest;
    const m = monthOf(t.openedAt);
    let month = months.get(m);
    if (!month) months.set(m, (month = new PeriodCount()));
    const d = durations(t);
    overallCount.add(t, d);
    month.add(t, d);
    if (dataUpTo === null || t.openedAt > dataUpTo) dataUpTo = t.openedAt;
  }
  const overall = overallCount.result();
  const mod = overall.moderation;
  const complaints = overall.byKind.complaint ?? 0;
  return {
    scope: 'all-imported-threads',
    note: `Computed over all ${mod.imported} imported threads (${complaints} complaints), not only the ${mod.published} published: ${mod.withheld} withheld and ${mod.pending} pending review are counted too.`,
    dataUpTo,
    newestData,
    overall,
    byMonth: [...months.keys()].sort().map((month) => ({ month, ...months.get(month)!.result() })),
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
