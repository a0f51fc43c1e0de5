import { columnAnchor } from '../figures.ts';
import { englishText } from '../i18n.ts';
import type { SiteText } from '../i18n.ts';

// The columns of data/threads.csv and data/messages.csv, described once for the open data page: each has an anchor
// (data/index.html#col-threads-kind) the headline figures link to, so a reader can recompute a figure from the data.

type Column = { file: 'threads.csv' | 'messages.csv'; name: string; description: string };

const COLUMNS: Omit<Column, 'description'>[] = [
  { file: 'threads.csv', name: 'id' },
  { file: 'threads.csv', name: 'source' },
  { file: 'threads.csv', name: 'kind' },
  { file: 'threads.csv', name: 'subject' },
  { file: 'threads.csv', name: 'rating' },
  { file: 'threads.csv', name: 'status' },
  { file: 'threads.csv', name: 'opened_at' },
  { file: 'threads.csv', name: 'resolved_at' },
  { file: 'threads.csv', name: 'tags' },
  { file: 'threads.csv', name: 'messages' },
  { file: 'messages.csv', name: 'thread_id' },
  { file: 'messages.csv', name: 'position' },
  { file: 'messages.csv', name: 'role' },
  { file: 'messages.csv', name: 'author' },
  { file: 'messages.csv', name: 'sent_at' },
  { file: 'messages.csv', name: 'body' },
];

/** Each column with its description in the site's language (locale key data.column.<file>.<name>). */
export function openDataColumns(tx: SiteText = englishText()): (Column & { anchor: string })[] {
  return COLUMNS.map((c) => ({ ...c, description: tx.text(`data.column.${c.file.replace(/\.csv$/, '')}.${c.name}`), anchor: columnAnchor(c) }));
}
