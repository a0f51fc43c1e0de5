import { useEffect, useState } from 'react';
import { useClient } from '../../api.ts';
import type { Client } from '../../api.ts';
import { DECISIONS, KINDS, STATUSES } from '../../lib/labels.ts';
import type { InboxFilters } from './filters.ts';
import { toThreadQuery } from './filters.ts';

export type FacetCounts = {
  kind: Record<string, number>;
  status: Record<string, number>;
  decision: Record<string, number>;
  rating: Record<string, number>;
  source: Record<string, number>;
  tag: Record<string, number>;
  all: number;
};

const RATINGS = ['1', '2', '3', '4', '5'];

/**
 * Counts for each filter value, each computed with every other filter applied (so the numbers say what choosing
 * that value would show).
 */
export async function loadFacets(client: Client, filters: InboxFilters, sources: readonly string[]): Promise<FacetCounts> {
  const count = async (patch: Partial<InboxFilters>, drop: keyof InboxFilters | null): Promise<number> => {
    const f: InboxFilters = { ...filters };
    if (drop) delete f[drop];
    const r = await client.invoke('threads.search', { ...toThreadQuery({ ...f, ...patch }, false), limit: 1 });
    return r.ok ? r.value.total : 0;
  };
  const dim = async (key: 'kind' | 'status' | 'decision' | 'source', values: readonly string[]) =>
    Object.fromEntries(await Promise.all(values.map(async (v) => [v, await count({ [key]: v } as Partial<InboxFilters>, key)] as const)));
  const [kind, status, decision, source, rating, all] = await Promise.all([
    dim('kind', KINDS),
    dim('status', STATUSES),
    dim('decision', DECISIONS),
    dim('source', sources),
    Promise.all(RATINGS.map(async (r) => [r, await count({ rating: Number(r) }, 'rating')] as const)).then(Object.fromEntries),
    count({}, null),
  ]);
  return { kind, status, decision, source, rating, tag: {}, all } as FacetCounts;
}

export function useFacets(filters: InboxFilters, version: number): FacetCounts | null {
  const client = useClient();
  const [facets, setFacets] = useState<FacetCounts | null>(null);
  const [sources, setSources] = useState<string[]>([]);
  useEffect(() => {
    void client.invoke('imports.formats', {}).then((r) => {
      if (r.ok) setSources(r.value.formats.map((f) => f.id));
    });
  }, [client]);
  const key = JSON.stringify(filters);
  useEffect(() => {
    let live = true;
    void loadFacets(client, JSON.parse(key) as InboxFilters, sources).then((f) => {
      if (live) setFacets(f);
    });
    return () => {
      live = false;
    };
  }, [client, key, sources, version]);
  return facets;
}
