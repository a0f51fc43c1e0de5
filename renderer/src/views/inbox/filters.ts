import type { Req } from '../../../../electron/shared/contract.ts';
import type { Decision, Kind, Status } from '../../lib/labels.ts';

export type ThreadQuery = Req<'curation.search'>;

/** What the inbox's search box and filters hold; turned into the core's query by toThreadQuery. */
export type InboxFilters = {
  query: string;
  kind?: Kind;
  status?: Status;
  decision?: Decision;
  tag?: string;
  topic?: string;
  source?: string;
  rating?: number;
  /** YYYY-MM-DD, inclusive, in UTC like the stored times. */
  from?: string;
  to?: string;
  unreviewedPii?: boolean;
  sort: 'date' | 'rating' | 'activity';
  order: 'asc' | 'desc';
};

export const EMPTY_FILTERS: InboxFilters = { query: '', sort: 'date', order: 'desc' };

export type FilterKey = 'kind' | 'status' | 'decision' | 'tag' | 'topic' | 'source' | 'rating' | 'from' | 'to' | 'unreviewedPii';

export function toThreadQuery(f: InboxFilters): ThreadQuery {
  const q: ThreadQuery = { sort: f.sort, order: f.order };
  if (f.query.trim()) q.query = f.query.trim();
  if (f.kind) q.kind = f.kind;
  if (f.status) q.status = f.status;
  if (f.decision) q.decision = f.decision;
  if (f.tag) q.tag = f.tag;
  if (f.topic) q.topic = f.topic;
  if (f.source) q.source = f.source;
  if (f.rating !== undefined) q.rating = f.rating;
  if (f.from) q.from = `${f.from}T00:00:00.000Z`;
  if (f.to) q.to = `${f.to}T23:59:59.999Z`;
  if (f.unreviewedPii) q.unreviewed = true;
  return q;
}

/** How many filters narrow the list (the search text is shown on its own). */
export function activeFilterCount(f: InboxFilters): number {
  const keys: FilterKey[] = ['kind', 'status', 'decision', 'tag', 'topic', 'source', 'rating', 'from', 'to', 'unreviewedPii'];
  return keys.filter((k) => f[k] !== undefined && f[k] !== false && f[k] !== '').length;
}

/** Sets or clears one filter; an empty value clears it. */
export function withFilter<K extends FilterKey>(f: InboxFilters, key: K, value: InboxFilters[K] | '' | undefined): InboxFilters {
  const next = { ...f };
  if (value === '' || value === undefined || value === false) delete next[key];
  else next[key] = value as InboxFilters[K];
  return next;
}
