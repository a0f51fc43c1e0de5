import type { Metrics, PeriodStats } from '../../shared/curation/stats.ts';
import { englishText } from './i18n.ts';
import type { SiteText } from './i18n.ts';

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

function share(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

type Group = 'complaints' | 'needsReply';

/** Reply and resolution figures of one group of conversations (complaints, or complaints and questions). */
function handling(prefix: string, m: Metrics, group: Group, tx: SiteText): Figure[] {
  const pct = (v: number | null) => (v === null ? '—' : tx.percent(v));
  return [
    figure(`${prefix}-replied`, pct(m.responseRate), tx.text('figures.gotReply'), m.awaitingReply > 0 ? tx.text(`figures.${group}.repliedDetail`, { responded: m.responded, n: m.awaitingReply }) : tx.text(`figures.${group}.repliedNone`), 'def-reply', [KIND, ROLE, SENT]),
    figure(`${prefix}-first-reply`, tx.duration(m.medianFirstReplySeconds), tx.text('figures.medianFirstReply'), tx.text(`figures.${group}.firstReplyDetail`, { n: m.responded }), 'def-first-reply', [KIND, ROLE, SENT]),
    figure(`${prefix}-resolved`, pct(m.shareResolved), tx.text('figures.resolved'), tx.text(`figures.${group}.resolvedDetail`, { resolved: m.resolved, n: m.threads, time: tx.duration(m.medianResolutionSeconds) }), 'def-resolved', [KIND, STATUS, OPENED, RESOLVED_AT]),
  ];
}

/** The headline figures, complaints first, in the site's language. */
export function headlineFigures(p: PeriodStats, tx: SiteText = englishText()): FigureGroup[] {
  const received = p.moderation.imported;
  const complaints = p.complaints;
  const praise = p.praise;
  const pct = (v: number | null) => (v === null ? '—' : tx.percent(v));
  return [
    {
      id: 'complaints', title: tx.text('figures.complaints.title'), note: tx.text('figures.complaints.note'),
      figures: [
        figure('complaints-received', tx.count(complaints.threads), tx.text('figures.complaintsReceived'), tx.text('figures.complaintsReceivedDetail', { share: pct(share(complaints.threads, received)), n: received }), 'def-complaints', [KIND]),
        ...handling('complaints', complaints, 'complaints', tx),
      ],
    },
    {
      id: 'needs-reply', title: tx.text('figures.needsReply.title'), note: tx.text('figures.needsReply.note'),
      figures: handling('needs-reply', p.needsReply, 'needsReply', tx),
    },
    {
      id: 'praise', title: tx.text('figures.praise.title'), note: tx.text('figures.praise.note'),
      figures: [
        figure('praise-received', tx.count(praise.threads), tx.text('figures.praiseReceived'), tx.text('figures.praiseReceivedDetail', { share: pct(share(praise.threads, received)) }), 'def-praise', [KIND]),
        figure('praise-replied', pct(praise.responseRate), tx.text('figures.praiseReplied'), tx.text('figures.praiseRepliedDetail', { responded: praise.responded, n: praise.awaitingReply }), 'def-praise', [KIND, ROLE, SENT]),
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
