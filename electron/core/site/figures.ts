import type { Metrics, PeriodStats } from '../../shared/curation/stats.ts';
import { formatDuration } from '../../shared/curation/stats.ts';
import { formatCount, formatPercent } from './format.ts';
import { plural } from './plurals.ts';

// The home page's headline figures, each the unflattering-if-true one: response and resolution rates are computed
// over the conversations that ask for a reply and a resolution (complaints and questions); praise, which asks for
// neither, is reported apart. Complaints come first. Every figure names its definition on the methodology page and
// the open-data columns it is computed from, so a reader can check it.

/** A column of the open data a figure is computed from: its file and name (data/index.html#col-<file>-<name>). */
export type DataColumn = { file: 'threads.csv' | 'messages.csv'; name: string };

type Figure = {
  id: string;
  value: string;
  label: string;
  detail: string;
  /** Anchor of its definition on the methodology page. */
  definition: string;
  columns: (DataColumn & { anchor: string })[];
};

export type FigureGroup = { id: string; title: string; note: string; figures: Figure[] };

export function columnAnchor(c: DataColumn): string {
  return `col-${c.file.replace(/\.csv$/, '')}-${c.name.replace(/_/g, '-')}`;
}

const KIND: DataColumn = { file: 'threads.csv', name: 'kind' };
const STATUS: DataColumn = { file: 'threads.csv', name: 'status' };
const OPENED: DataColumn = { file: 'threads.csv', name: 'opened_at' };
const RESOLVED_AT: DataColumn = { file: 'threads.csv', name: 'resolved_at' };
const ROLE: DataColumn = { file: 'messages.csv', name: 'role' };
const SENT: DataColumn = { file: 'messages.csv', name: 'sent_at' };

function figure(id: string, value: string, label: string, detail: string, definition: string, columns: DataColumn[]): Figure {
  return { id, value, label, detail, definition, columns: columns.map((c) => ({ ...c, anchor: columnAnchor(c) })) };
}

function pct(v: number | null): string {
  return v === null ? '—' : formatPercent(v);
}

function share(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

/** Reply and resolution figures of one group of conversations (complaints, or complaints and questions). */
function handling(prefix: string, m: Metrics, what: { one: string; other: string }): Figure[] {
  return [
    figure(`${prefix}-replied`, pct(m.responseRate), 'got a reply', m.awaitingReply > 0 ? `${formatCount(m.responded)} of ${plural(m.awaitingReply, what)} in which the customer wrote` : `no ${what.other} in which the customer wrote`, 'def-reply', [KIND, ROLE, SENT]),
    figure(`${prefix}-first-reply`, formatDuration(m.medianFirstReplySeconds), 'median time to first reply', `over the ${plural(m.responded, what)} that got one`, 'def-first-reply', [KIND, ROLE, SENT]),
    figure(`${prefix}-resolved`, pct(m.shareResolved), 'resolved', `${formatCount(m.resolved)} of ${plural(m.threads, what)}; median time to resolve: ${formatDuration(m.medianResolutionSeconds)}`, 'def-resolved', [KIND, STATUS, OPENED, RESOLVED_AT]),
  ];
}

/** The headline figures, complaints first. */
export function headlineFigures(p: PeriodStats): FigureGroup[] {
  const received = p.moderation.imported;
  const complaints = p.complaints;
  const praise = p.praise;
  return [
    {
      id: 'complaints', title: 'Complaints', note: 'Complaints come first: they are what a record of customer service is for.',
      figures: [
        figure('complaints-received', formatCount(complaints.threads), 'complaints received', `${pct(share(complaints.threads, received))} of the ${plural(received, { one: 'conversation', other: 'conversations' })} we received`, 'def-complaints', [KIND]),
        ...handling('complaints', complaints, { one: 'complaint', other: 'complaints' }),
      ],
    },
    {
      id: 'needs-reply', title: 'Complaints and questions', note: 'Reply and resolution rates count only the conversations that ask for a reply and a resolution: complaints and questions. Praise is reported apart.',
      figures: handling('needs-reply', p.needsReply, { one: 'complaint or question', other: 'complaints and questions' }),
    },
    {
      id: 'praise', title: 'Praise, reported apart', note: 'Praise asks for no reply and no resolution, so it is not counted in the rates above.',
      figures: [
        figure('praise-received', formatCount(praise.threads), 'praise received', `${pct(share(praise.threads, received))} of all conversations`, 'def-praise', [KIND]),
        figure('praise-replied', pct(praise.responseRate), 'of praise got a reply', `${formatCount(praise.responded)} of ${plural(praise.awaitingReply, { one: 'conversation', other: 'conversations' })} of praise in which the customer wrote`, 'def-praise', [KIND, ROLE, SENT]),
      ],
    },
  ];
}

/** Every month from the first to the last, gaps included: a month with nothing must show as empty, not vanish. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The months of `byMonth` (valid ones only), the missing ones filled in by `empty`, the last `limit` of them. */
export function filledMonths<T extends { month: string }>(byMonth: readonly T[], empty: (month: string) => T, limit: number): T[] {
  const valid = byMonth.filter((m) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m.month));
  if (valid.length === 0) return [];
  const have = new Map(valid.map((m) => [m.month, m]));
  return monthsBetween(valid[0]!.month, valid[valid.length - 1]!.month).slice(-limit).map((month) => have.get(month) ?? empty(month));
}
