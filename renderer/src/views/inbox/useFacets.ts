import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useClient } from '../../api.ts';
import type { Client } from '../../api.ts';
import { DECISIONS, KINDS, STATUSES } from '../../lib/labels.ts';
import type { InboxFilters } from './filters.ts';
import { toThreadQuery } from './filters.ts';
import { useCall } from '../../lib/useCall.ts';

export type FacetCounts = {
  kind: Record<string, number>;
  status: Record<string, number>;
  decision: Record<string, number>;
  rating: Record<string, number>;
  source: Record<string, number>;
  topic: Record<string, number>;
  /** Null until asked for: the first count makes the core scan every conversation for personal data. */
  unreviewed: number | null;
  all: number;
};

const RATINGS = ['1', '2', '3', '4', '5'];

/**
 * Counts for each filter value, each computed with every other filter applied, so a number says what choosing
 * that value would show. Each count is one search that asks for a single row (the core counts in SQL).
 */
async function loadFacets(client: Client, filters: InboxFilters, sources: readonly string[], topics: readonly string[], withUnreviewed: boolean): Promise<FacetCounts> {
  const count = async (patch: Partial<InboxFilters>, drop: keyof InboxFilters | null): Promise<number> => {
    const f: InboxFilters = { ...filters };
    if (drop) delete f[drop];
    const r = await client.invoke('curation.search', { ...toThreadQuery({ ...f, ...patch }), limit: 1 });
    return r.ok ? r.value.total : 0;
  };
  const dim = async (key: 'kind' | 'status' | 'decision' | 'source' | 'topic', values: readonly string[]): Promise<Record<string, number>> =>
    Object.fromEntries(await Promise.all(values.map(async (v) => [v, await count({ [key]: v } as Partial<InboxFilters>, key)] as const)));
  const [kind, status, decision, source, topic, rating, unreviewed, all] = await Promise.all([
    dim('kind', KINDS),
    dim('status', STATUSES),
    dim('decision', DECISIONS),
    dim('source', sources),
    dim('topic', topics),
    Promise.all(RATINGS.map(async (r) => [r, await count({ rating: Number(r) }, 'rating')] as const)).then((e) => Object.fromEntries(e) as Record<string, number>),
    withUnreviewed || filters.unreviewedPii ? count({ unreviewedPii: true }, 'unreviewedPii') : Promise.resolve(null),
    count({}, 'decision'),
  ]);
  return { kind, status, decision, source, topic, rating, unreviewed, all };
}

export function useFacets(filters: InboxFilters, topics: readonly string[], detailed: boolean): FacetCounts | null {
  const client = useClient();
  // The sources conversations came from: vendors, and the names CSV imports were given (a vendor list would miss those).
  const stored = useCall('threads.sources', {});
  const sources = stored.data?.sources.map((s) => s.id) ?? [];
  // Keyed under curation.search: whatever refreshes the list refreshes its counts.
  const facets = useQuery({
    queryKey: ['curation.search', 'facets', filters, sources, topics, detailed],
    queryFn: () => loadFacets(client, filters, sources, topics, detailed),
    placeholderData: keepPreviousData,
  });
  return facets.data ?? null;
}
