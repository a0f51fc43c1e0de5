import { useId, useState } from 'react';
import type { RefObject } from 'react';
import { formatCount } from '../../lib/format.ts';
import { DECISION_LABEL, DECISIONS, KIND_LABEL, KINDS, STATUS_LABEL, STATUSES, sourceLabel } from '../../lib/labels.ts';
import type { InboxFilters } from './filters.ts';
import { activeFilterCount, EMPTY_FILTERS, withFilter } from './filters.ts';
import type { FacetCounts } from './useFacets.ts';

function withCount(label: string, n: number | undefined): string {
  return n === undefined ? label : `${label} (${formatCount(n)})`;
}

export function FilterBar({ filters, onChange, facets, searchRef, topics, piiFilter, open, onOpen }: { filters: InboxFilters; onChange: (f: InboxFilters) => void; facets: FacetCounts | null; searchRef: RefObject<HTMLInputElement | null>; topics: string[]; piiFilter: boolean; open: boolean; onOpen: (open: boolean) => void }) {
  const setOpen = onOpen;
  const panelId = useId();
  const active = activeFilterCount(withFilter(filters, 'decision', undefined));
  const [text, setText] = useState(filters.query);
  const decisionTabs: { value: InboxFilters['decision']; label: string; count: number | undefined }[] = [
    { value: undefined, label: 'All', count: facets?.all },
    ...DECISIONS.map((d) => ({ value: d, label: d === 'pending' ? 'To review' : DECISION_LABEL[d], count: facets?.decision[d] })),
  ];
  const sources = facets ? Object.entries(facets.source).filter(([, n]) => n > 0).map(([s]) => s) : [];

  return (
    <div className="filter-bar">
      <form
        role="search"
        className="search"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ ...filters, query: text });
        }}
      >
        <label htmlFor={`${panelId}-q`} className="visually-hidden">Search conversations</label>
        <input
          ref={searchRef}
          id={`${panelId}-q`}
          type="search"
          className="input search-input"
          placeholder="Search…   ( / )"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value === '') onChange({ ...filters, query: '' });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
          }}
          aria-keyshortcuts="/"
        />
        <button type="submit" className="btn btn-secondary">Search</button>
      </form>

      <div className="segmented" role="group" aria-label="Decision">
        {decisionTabs.map((t) => (
          <button
            key={t.label}
            type="button"
            className={`segment${filters.decision === t.value ? ' segment-active' : ''}`}
            aria-pressed={filters.decision === t.value}
            onClick={() => onChange(withFilter(filters, 'decision', t.value))}
          >
            {t.label}
            {t.count !== undefined ? <span className="segment-count">{formatCount(t.count)}</span> : null}
          </button>
        ))}
      </div>

      <div className="filter-row">
        <button type="button" className="btn btn-ghost btn-small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} More filters{active ? ` (${active} on)` : ''}
        </button>
        {active || filters.query ? (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => { setText(''); onChange({ ...EMPTY_FILTERS, sort: filters.sort, order: filters.order, ...(filters.decision ? { decision: filters.decision } : {}) }); }}>
            Clear filters
          </button>
        ) : null}
        <label className="sort">
          <span className="visually-hidden">Sort by</span>
          <select
            className="input input-small"
            value={`${filters.sort}:${filters.order}`}
            onChange={(e) => {
              const [sort, order] = e.target.value.split(':') as [InboxFilters['sort'], InboxFilters['order']];
              onChange({ ...filters, sort, order });
            }}
          >
            <option value="date:desc">Newest first</option>
            <option value="date:asc">Oldest first</option>
            <option value="activity:desc">Recent activity</option>
            <option value="rating:asc">Lowest rating first</option>
            <option value="rating:desc">Highest rating first</option>
          </select>
        </label>
      </div>

      {open ? (
        <div id={panelId} className="filter-panel">
          <label className="filter">
            <span>Kind</span>
            <select className="input input-small" value={filters.kind ?? ''} onChange={(e) => onChange(withFilter(filters, 'kind', e.target.value as InboxFilters['kind'] | ''))}>
              <option value="">Any kind</option>
              {KINDS.map((k) => <option key={k} value={k}>{withCount(KIND_LABEL[k], facets?.kind[k])}</option>)}
            </select>
          </label>
          <label className="filter">
            <span>Status</span>
            <select className="input input-small" value={filters.status ?? ''} onChange={(e) => onChange(withFilter(filters, 'status', e.target.value as InboxFilters['status'] | ''))}>
              <option value="">Any status</option>
              {STATUSES.map((s) => <option key={s} value={s}>{withCount(STATUS_LABEL[s], facets?.status[s])}</option>)}
            </select>
          </label>
          <label className="filter">
            <span>Topic</span>
            <select className="input input-small" value={filters.topic ?? ''} onChange={(e) => onChange(withFilter(filters, 'topic', e.target.value))} disabled={topics.length === 0} title={topics.length === 0 ? 'No topic rules yet' : undefined}>
              <option value="">{topics.length ? 'Any topic' : 'No topics defined'}</option>
              {topics.map((t) => <option key={t} value={t}>{withCount(t, facets?.topic[t])}</option>)}
            </select>
          </label>
          <label className="filter">
            <span>Tag</span>
            <input className="input input-small" value={filters.tag ?? ''} placeholder="e.g. delivery" onChange={(e) => onChange(withFilter(filters, 'tag', e.target.value))} />
          </label>
          <label className="filter">
            <span>Source</span>
            <select className="input input-small" value={filters.source ?? ''} onChange={(e) => onChange(withFilter(filters, 'source', e.target.value))}>
              <option value="">Any source</option>
              {(filters.source && !sources.includes(filters.source) ? [...sources, filters.source] : sources).map((s) => <option key={s} value={s}>{withCount(sourceLabel(s), facets?.source[s])}</option>)}
            </select>
          </label>
          <label className="filter">
            <span>Rating</span>
            <select className="input input-small" value={filters.rating ?? ''} onChange={(e) => onChange(withFilter(filters, 'rating', e.target.value ? Number(e.target.value) : ''))}>
              <option value="">Any rating</option>
              {[1, 2, 3, 4, 5].map((r) => <option key={r} value={r}>{withCount(`${r} ${r === 1 ? 'star' : 'stars'}`, facets?.rating[String(r)])}</option>)}
            </select>
          </label>
          <label className="filter">
            <span>From</span>
            <input type="date" className="input input-small" value={filters.from ?? ''} onChange={(e) => onChange(withFilter(filters, 'from', e.target.value))} />
          </label>
          <label className="filter">
            <span>To</span>
            <input type="date" className="input input-small" value={filters.to ?? ''} onChange={(e) => onChange(withFilter(filters, 'to', e.target.value))} />
          </label>
          {piiFilter ? (
            <label className="filter filter-check">
              <input type="checkbox" checked={Boolean(filters.unreviewedPii)} onChange={(e) => onChange(withFilter(filters, 'unreviewedPii', e.target.checked))} />
              <span>{withCount('Only with personal data to review', facets?.unreviewed ?? undefined)}</span>
            </label>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
